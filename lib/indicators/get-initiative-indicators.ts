import type { Db, Prisma } from "@/lib/db/client";
import { dateToDay, todayInQuito } from "@/lib/tracking/days";
import { achievementAt, derivedProgress, expectedValueAt, indicatorStatus, isMilestoneLate, statusOfAchievement } from "./indicator-math";
import { readIndicatorThresholds } from "./indicator-settings";
import { definitionOf } from "./sync-derived-progress";

/** An initiative's indicators with each measurement judged against its own date's target, its milestones, and the thresholds in force. */
export async function getInitiativeIndicators(db: Db, initiativeId: number, today = todayInQuito()) {
  const [rows, milestones, thresholds] = await Promise.all([
    db.indicator.findMany({
      where: { initiativeId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      include: {
        targets: { orderBy: { year: "asc" } },
        measurements: { orderBy: [{ measuredOn: "asc" }, { id: "asc" }] },
        secretariat: { select: { id: true, name: true } },
      },
    }),
    db.milestone.findMany({ where: { initiativeId }, orderBy: [{ plannedOn: "asc" }, { id: "asc" }] }),
    readIndicatorThresholds(db),
  ]);
  const indicators = rows.map((row) => {
    const definition = definitionOf(row);
    const measurements = row.measurements.map((m) => {
      const measuredOn = dateToDay(m.measuredOn);
      const achievement = achievementAt(definition, measuredOn, m.value);
      return {
        id: m.id,
        version: m.version,
        measuredOn,
        value: m.value,
        note: m.note,
        explanation: m.explanation,
        evidenceUrl: m.evidenceUrl,
        authorName: m.authorName,
        expected: expectedValueAt(definition, measuredOn),
        achievement,
        status: statusOfAchievement(achievement, thresholds),
      };
    });
    const { achievement, status } = indicatorStatus(definition, measurements, thresholds);
    return {
      id: row.id,
      version: row.version,
      name: row.name,
      unit: row.unit,
      direction: row.direction,
      baselineYear: row.baselineYear,
      baselineValue: row.baselineValue,
      dataSource: row.dataSource,
      secretariat: row.secretariat,
      targets: row.targets.map(({ year, value }) => ({ year, value })),
      measurements,
      achievement,
      status,
      definition,
    };
  });
  return {
    indicators,
    progress: derivedProgress(indicators.map((i) => ({ definition: i.definition, measurements: i.measurements }))),
    milestones: milestones.map((m) => {
      const plannedOn = dateToDay(m.plannedOn);
      return {
        id: m.id,
        version: m.version,
        title: m.title,
        plannedOn,
        achievedOn: m.achievedOn ? dateToDay(m.achievedOn) : null,
        state: m.state,
        late: isMilestoneLate({ state: m.state, plannedOn }, today),
      };
    }),
    thresholds,
  };
}
export type InitiativeIndicators = Awaited<ReturnType<typeof getInitiativeIndicators>>;
export type IndicatorView = InitiativeIndicators["indicators"][number];

/** The initiative an indicator belongs to, for the reporter's right to measure it; null when it is gone. */
export async function initiativeOfIndicator(db: Db | Prisma.TransactionClient, id: number): Promise<number | null> {
  const row = await db.indicator.findUnique({ where: { id }, select: { initiativeId: true } });
  return row?.initiativeId ?? null;
}
