import type { Prisma } from "@/lib/db/client";
import { t } from "@/lib/i18n";

/**
 * An instrument's type must stay one of its articulation objective's
 * mechanisms (manage-instruments checks it when the instrument is written).
 * Writes that change an objective's mechanisms call this inside their
 * transaction: it names the first instrument they would leave with a type its
 * objective no longer has, so the write is refused whole.
 */
export async function findInstrumentWithLostType(tx: Prisma.TransactionClient, initiativeIds: number[]) {
  if (initiativeIds.length === 0) return null;
  const [found] = await tx.$queryRaw<{ title: string; mechanism: string; objective: string }[]>`
    SELECT ins.title, m.name AS mechanism, ao.text AS objective
    FROM "Instrument" ins
    JOIN "ArticulationObjective" ao ON ao.id = ins."articulationObjectiveId"
    JOIN "Mechanism" m ON m.id = ins."mechanismId"
    WHERE ao."initiativeId" = ANY(${initiativeIds}::int[])
      AND NOT EXISTS (SELECT 1 FROM "ArticulationObjectiveMechanism" aom
        WHERE aom."articulationObjectiveId" = ins."articulationObjectiveId" AND aom."mechanismId" = ins."mechanismId")
    ORDER BY ins.id LIMIT 1`;
  return found ? t.conflicts.instrumentKeepsType(found.title, found.objective.slice(0, 80), found.mechanism) : null;
}
