import type { Db, Prisma } from "@/lib/db/client";
import { DEFAULT_MIN_COVERAGE, type RollupOptions } from "@/lib/tracking/rollup";

const SETTINGS_ID = 1;

export interface PortalSettings extends RollupOptions {
  /** 0 until an administrator first saves: the row does not exist yet and the defaults apply. */
  version: number;
}

const DEFAULTS: PortalSettings = { minCoverage: DEFAULT_MIN_COVERAGE, version: 0 };

/** The portal's settings; the defaults when no administrator has changed them. No authorization: any reader needs them. */
export async function readPortalSettings(db: Db | Prisma.TransactionClient): Promise<PortalSettings> {
  const row = await db.portalSettings.findUnique({ where: { id: SETTINGS_ID } });
  return row ? { minCoverage: row.minRollupCoverage, version: row.version } : DEFAULTS;
}
