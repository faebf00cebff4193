import "server-only";
import type { Db } from "@/lib/db/client";
import { readPortalSettings } from "@/lib/settings/portal-settings";
import { dateToDay, dayToDate } from "./days";
import { rollUp, rollUpPlan, type Rollup } from "./rollup";
import { endingSoonUntil, isStale, staleCutoff } from "./freshness";
import { STATUSES, type Status } from "./statuses";

/** How many initiatives each attention list names; its count links to the table with all of them. */
export const DASHBOARD_LIST_SIZE = 10;

export type StatusCounts = Record<Status, number>;

export interface ObjectiveFigures {
  code: string;
  title: string;
  total: number;
  byStatus: StatusCounts;
  rollup: Rollup;
}

const noCounts = (): StatusCounts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

function addCounts(into: StatusCounts, from: StatusCounts) {
  for (const s of STATUSES) into[s] += from[s];
}

const sum = (counts: StatusCounts) => STATUSES.reduce((n, s) => n + counts[s], 0);

/**
 * Everything the tracking dashboard shows, as of `today` (a "YYYY-MM-DD" day in
 * Quito). Archived initiatives are left out. No authorization: callers check it.
 * The per-initiative read selects only narrow columns, so it stays cheap with
 * thousands of initiatives; the named lists come from their own limited queries.
 */
export async function computeDashboard(db: Db, today: string) {
  const staleWhere = { archivedAt: null, OR: [{ lastUpdateOn: null }, { lastUpdateOn: { lt: dayToDate(staleCutoff(today)) } }] };
  const [settings, objectives, initiatives, mechanisms, endingInstruments, unownedFirst, staleFirst] = await Promise.all([
    readPortalSettings(db),
    db.developmentObjective.findMany({
      orderBy: { position: "asc" },
      select: {
        code: true,
        title: true,
        managementObjectives: { orderBy: { position: "asc" }, select: { id: true, code: true, title: true } },
      },
    }),
    db.initiative.findMany({
      where: { archivedAt: null },
      select: { managementObjectiveId: true, status: true, progress: true, leadSecretariatId: true, lastUpdateOn: true },
    }),
    db.$queryRaw<{ name: string; slug: string; initiatives: number }[]>`
      SELECT m.name, m.slug, sum(c.n)::int AS initiatives
      FROM (SELECT "mechanismSetId" AS id, count(*) AS n FROM "Initiative" WHERE "archivedAt" IS NULL GROUP BY 1) c
      JOIN "MechanismSet" ms ON ms.id = c.id
      CROSS JOIN LATERAL unnest(ms."mechanismIds") AS used(id)
      JOIN "Mechanism" m ON m.id = used.id
      GROUP BY m.id`,
    db.instrument.findMany({
      where: {
        endsOn: { gte: dayToDate(today), lte: dayToDate(endingSoonUntil(today)) },
        articulationObjective: { initiative: { archivedAt: null } },
      },
      orderBy: [{ endsOn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        endsOn: true,
        mechanism: { select: { name: true } },
        counterpart: { select: { name: true, type: true } },
        articulationObjective: { select: { initiative: { select: { id: true, name: true } } } },
      },
    }),
    db.initiative.findMany({
      where: { archivedAt: null, leadSecretariatId: null },
      orderBy: { position: "asc" },
      take: DASHBOARD_LIST_SIZE,
      select: { id: true, name: true },
    }),
    // Never updated first: they are the oldest news of all.
    db.initiative.findMany({
      where: staleWhere,
      orderBy: [{ lastUpdateOn: { sort: "asc", nulls: "first" } }, { position: "asc" }],
      take: DASHBOARD_LIST_SIZE,
      select: { id: true, name: true, lastUpdateOn: true },
    }),
  ]);

  const managementById = new Map(
    objectives.flatMap((d) => d.managementObjectives.map((m) => [m.id, { code: m.code, developmentCode: d.code }] as const)),
  );
  const countsByManagement = new Map<string, StatusCounts>();
  const progressRows = initiatives.map((i) => {
    const objective = managementById.get(i.managementObjectiveId)!;
    if (!countsByManagement.has(objective.code)) countsByManagement.set(objective.code, noCounts());
    countsByManagement.get(objective.code)![i.status] += 1;
    return { managementObjectiveCode: objective.code, developmentObjectiveCode: objective.developmentCode, progress: i.progress };
  });
  const plan = rollUpPlan(progressRows, settings);

  const development = objectives.map((d) => {
    const byStatus = noCounts();
    const management: ObjectiveFigures[] = d.managementObjectives.map((m) => {
      const counts = countsByManagement.get(m.code) ?? noCounts();
      addCounts(byStatus, counts);
      return {
        code: m.code,
        title: m.title,
        total: sum(counts),
        byStatus: counts,
        rollup: plan.management[m.code] ?? rollUp([], settings),
      };
    });
    return {
      code: d.code,
      title: d.title,
      total: sum(byStatus),
      byStatus,
      rollup: plan.development[d.code] ?? rollUp([], settings),
      management,
    };
  });
  const overallCounts = noCounts();
  for (const d of development) addCounts(overallCounts, d.byStatus);

  const staleRows = initiatives.filter((i) => isStale(i.lastUpdateOn && dateToDay(i.lastUpdateOn), today));
  return {
    today,
    minCoverage: settings.minCoverage,
    development,
    overall: { total: initiatives.length, byStatus: overallCounts, rollup: plan.overall },
    mechanisms: mechanisms.sort((a, b) => b.initiatives - a.initiatives || a.name.localeCompare(b.name, "es")),
    endingSoon: {
      initiatives: new Set(endingInstruments.map((i) => i.articulationObjective.initiative.id)).size,
      instruments: endingInstruments.map((i) => ({
        id: i.id,
        title: i.title,
        type: i.mechanism.name,
        counterpart: i.counterpart,
        endsOn: dateToDay(i.endsOn!),
        initiative: i.articulationObjective.initiative,
      })),
    },
    unowned: { count: initiatives.filter((i) => i.leadSecretariatId === null).length, first: unownedFirst },
    stale: {
      count: staleRows.length,
      neverUpdated: staleRows.filter((i) => i.lastUpdateOn === null).length,
      first: staleFirst.map((i) => ({ id: i.id, name: i.name, lastUpdateOn: i.lastUpdateOn ? dateToDay(i.lastUpdateOn) : null })),
    },
  };
}

export type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;
