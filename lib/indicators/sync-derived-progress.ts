import type { Prisma } from "@/lib/db/client";
import { dateToDay } from "@/lib/tracking/days";
import { derivedProgress, type IndicatorDefinition } from "./indicator-math";

export const definitionOf = (row: {
  direction: IndicatorDefinition["direction"];
  baselineYear: number | null;
  baselineValue: number | null;
  targets: { year: number; value: number }[];
}): IndicatorDefinition => ({
  direction: row.direction,
  baselineYear: row.baselineYear,
  baselineValue: row.baselineValue,
  targets: row.targets,
});

/**
 * Writes the progress an initiative's indicators give (ADR 0120) into `Initiative.progress`, in the
 * caller's transaction, so the table, the roll-ups, the API and the exports read it as they read a
 * typed one. The tracking version moves too: a progress form opened before is then stale.
 */
export async function syncDerivedProgress(tx: Prisma.TransactionClient, initiativeId: number) {
  const indicators = await tx.indicator.findMany({
    where: { initiativeId },
    include: {
      targets: true,
      measurements: { orderBy: [{ measuredOn: "asc" }, { id: "asc" }], select: { measuredOn: true, value: true } },
    },
  });
  if (indicators.length === 0) return null;
  const { percent } = derivedProgress(
    indicators.map((i) => ({
      definition: definitionOf(i),
      measurements: i.measurements.map((m) => ({ measuredOn: dateToDay(m.measuredOn), value: m.value })),
    })),
  );
  await tx.initiative.update({ where: { id: initiativeId }, data: { progress: percent, trackingVersion: { increment: 1 } } });
  return percent;
}
