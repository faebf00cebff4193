import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { readPortalSettings } from "./portal-settings";

export const portalSettingsSchema = z.object({
  /** The version the administrator saw; 0 while the defaults apply. */
  version: z.coerce.number().int().min(0),
  // A blank field must not read as 0 (coercion would): only whole numbers as typed.
  minCoverage: z
    .union([z.string(), z.number()], { error: t.planner.minCoverageInvalid })
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^\d{1,3}$/, t.planner.minCoverageInvalid))
    .transform(Number)
    .pipe(z.number().max(100, t.planner.minCoverageInvalid)),
});

/** Saves the portal settings over the version the administrator edited, audited in the same transaction. */
export async function updatePortalSettings(
  db: Db,
  input: z.infer<typeof portalSettingsSchema>,
  actor: { id: number; email: string },
  context?: RequestContext,
) {
  return db.$transaction(async (tx) => {
    const before = await readPortalSettings(tx);
    const data = { minRollupCoverage: input.minCoverage };
    if (input.version === 0) {
      // The first save creates the row; a concurrent first save loses on the primary key.
      const created = await tx.portalSettings.createMany({ data: { id: 1, ...data }, skipDuplicates: true });
      if (created.count === 0) throw new ActionError(t.planner.settingsConflict, "minCoverage");
    } else {
      const { count } = await tx.portalSettings.updateMany({
        where: { id: 1, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw new ActionError(t.planner.settingsConflict, "minCoverage");
    }
    await recordAuditEvent(tx, {
      action: "settings.update",
      actor,
      entityType: "PortalSettings",
      entityId: 1,
      context,
      data: { before: { minCoverage: before.minCoverage }, after: { minCoverage: input.minCoverage } },
    });
    return readPortalSettings(tx);
  });
}
