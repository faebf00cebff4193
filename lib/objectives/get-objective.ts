import "server-only";
import type { Db } from "@/lib/db/client";
import { mechanismBreakdown } from "@/lib/mechanisms/mechanism-usage";
import { readPortalSettings } from "@/lib/settings/portal-settings";
import { rollUp } from "@/lib/tracking/rollup";

const initiativeSelect = {
  id: true,
  name: true,
  position: true,
  status: true,
  progress: true,
  _count: { select: { articulationObjectives: true } },
} as const;

/** A management objective ("1.1") or a development objective ("1"), with its initiatives and their mechanisms. */
export async function getObjective(db: Db, code: string) {
  const settings = await readPortalSettings(db);
  if (/^\d+\.\d+$/.test(code)) {
    const objective = await db.managementObjective.findUnique({
      where: { code },
      include: {
        developmentObjective: true,
        initiatives: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: initiativeSelect },
      },
    });
    if (!objective) return null;
    return {
      kind: "management" as const,
      objective,
      minCoverage: settings.minCoverage,
      rollup: rollUp(
        objective.initiatives.map((i) => i.progress),
        settings,
      ),
      mechanisms: await mechanismBreakdown(
        db,
        objective.initiatives.map((i) => i.id),
      ),
    };
  }
  if (/^\d+$/.test(code)) {
    const objective = await db.developmentObjective.findUnique({
      where: { code },
      include: {
        managementObjectives: {
          orderBy: { position: "asc" },
          include: { initiatives: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: initiativeSelect } },
        },
      },
    });
    if (!objective) return null;
    const ids = objective.managementObjectives.flatMap((m) => m.initiatives.map((i) => i.id));
    const progress = objective.managementObjectives.flatMap((m) => m.initiatives.map((i) => i.progress));
    return {
      kind: "development" as const,
      objective,
      minCoverage: settings.minCoverage,
      rollup: rollUp(progress, settings),
      mechanisms: await mechanismBreakdown(db, ids),
    };
  }
  return null;
}
