import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { DEFAULT_THRESHOLDS, type Thresholds } from "./indicator-math";
import type { ThresholdsInput } from "./indicator-schemas";

/** The one settings row. */
export const SETTINGS_ID = 1;

/** The traffic-light thresholds, the defaults until an administrator saves them (version 0). No authorization: every reader needs them. */
export async function readIndicatorThresholds(db: Db | Prisma.TransactionClient): Promise<Thresholds & { version: number }> {
  const row = await db.indicatorSettings.findUnique({ where: { id: SETTINGS_ID } });
  return row
    ? { onTrackPercent: row.onTrackPercent, atRiskPercent: row.atRiskPercent, version: row.version }
    : { ...DEFAULT_THRESHOLDS, version: 0 };
}

/** Saves the thresholds over the version the administrator edited, audited in the same transaction. */
export async function updateIndicatorThresholds(
  db: Db,
  input: ThresholdsInput,
  actor: { id: number; email: string },
  context?: RequestContext,
) {
  return db.$transaction(async (tx) => {
    const before = await readIndicatorThresholds(tx);
    const data = { onTrackPercent: input.onTrackPercent, atRiskPercent: input.atRiskPercent };
    const count =
      input.version === 0
        ? (await tx.indicatorSettings.createMany({ data: { id: SETTINGS_ID, ...data }, skipDuplicates: true })).count
        : (
            await tx.indicatorSettings.updateMany({
              where: { id: SETTINGS_ID, version: input.version },
              data: { ...data, version: { increment: 1 } },
            })
          ).count;
    if (count === 0) throw new ActionError(t.indicators.thresholdsConflict, "onTrackPercent");
    await recordAuditEvent(tx, {
      action: "settings.update",
      actor,
      entityType: "IndicatorSettings",
      entityId: SETTINGS_ID,
      context,
      data: { before: { onTrackPercent: before.onTrackPercent, atRiskPercent: before.atRiskPercent }, after: data },
    });
  });
}
