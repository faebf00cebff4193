import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { DEFAULT_MIN_COVERAGE, type RollupOptions } from "@/lib/tracking/rollup";

const SETTINGS_ID = 1;

export interface PortalSettings extends RollupOptions {
  /** Every account signing in with a password needs a second factor, not only administration. */
  requireMfaForAll: boolean;
  /** 0 until an administrator first saves: the row does not exist yet and the defaults apply. */
  version: number;
}

const DEFAULTS: PortalSettings = { minCoverage: DEFAULT_MIN_COVERAGE, requireMfaForAll: false, version: 0 };

/** The portal's settings; the defaults when no administrator has changed them. No authorization: any reader needs them. */
export async function readPortalSettings(db: Db | Prisma.TransactionClient): Promise<PortalSettings> {
  const row = await db.portalSettings.findUnique({ where: { id: SETTINGS_ID } });
  return row ? { minCoverage: row.minRollupCoverage, requireMfaForAll: row.requireMfaForAll, version: row.version } : DEFAULTS;
}

/** An administrator requires (or stops requiring) a second factor for every account; audited with the change. */
export async function setRequireMfaForAll(
  db: Db,
  requireMfaForAll: boolean,
  actor: { id: number; email: string },
  context?: RequestContext,
) {
  await db.$transaction(async (tx) => {
    const before = await readPortalSettings(tx);
    await tx.portalSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, requireMfaForAll },
      update: { requireMfaForAll, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      action: "settings.update",
      actor,
      entityType: "PortalSettings",
      entityId: SETTINGS_ID,
      context,
      data: { before: { requireMfaForAll: before.requireMfaForAll }, after: { requireMfaForAll } },
    });
  });
}
