import type { Db, Prisma } from "@/lib/db/client";
import { dateToDay, dayToDate } from "@/lib/tracking/days";
import { INDICATOR_STATUSES, type IndicatorStatus, indicatorStatus } from "./indicator-math";
import { readIndicatorThresholds } from "./indicator-settings";
import { definitionOf } from "./sync-derived-progress";

/** The late milestones (ADR 0120) as a Prisma condition: open after their planned day. */
export const lateMilestoneWhere = (today: string): Prisma.MilestoneWhereInput => ({
  state: { in: ["PLANNED", "IN_PROGRESS"] },
  plannedOn: { lt: dayToDate(today) },
});

/**
 * Indicator status counts and late milestones of the current (not archived) initiatives, all of
 * them or those under one objective code ("2" or "2.3"): what the dashboard and the objective
 * report show.
 */
export async function getIndicatorOverview(db: Db, today: string, objectiveCode?: string) {
  const initiative: Prisma.InitiativeWhereInput = {
    archivedAt: null,
    ...(objectiveCode === undefined
      ? {}
      : objectiveCode.includes(".")
        ? { managementObjective: { code: objectiveCode } }
        : { managementObjective: { developmentObjective: { code: objectiveCode } } }),
  };
  const [indicators, late, thresholds] = await Promise.all([
    db.indicator.findMany({
      where: { initiative },
      include: {
        targets: true,
        measurements: { orderBy: [{ measuredOn: "asc" }, { id: "asc" }], select: { measuredOn: true, value: true } },
      },
    }),
    db.milestone.findMany({
      where: { initiative, ...lateMilestoneWhere(today) },
      orderBy: [{ plannedOn: "asc" }, { id: "asc" }],
      select: { id: true, title: true, plannedOn: true, initiative: { select: { id: true, name: true } } },
    }),
    readIndicatorThresholds(db),
  ]);
  const counts = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<IndicatorStatus, number>;
  for (const row of indicators) {
    const measurements = row.measurements.map((m) => ({ measuredOn: dateToDay(m.measuredOn), value: m.value }));
    counts[indicatorStatus(definitionOf(row), measurements, thresholds).status]++;
  }
  return {
    total: indicators.length,
    counts,
    lateMilestones: late.map((m) => ({ id: m.id, title: m.title, plannedOn: dateToDay(m.plannedOn), initiative: m.initiative })),
  };
}
export type IndicatorOverview = Awaited<ReturnType<typeof getIndicatorOverview>>;
