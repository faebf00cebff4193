import type { Db } from "@/lib/db/client";
import { dateToDay, todayInQuito } from "@/lib/tracking/days";
import { ENDING_SOON_DAYS, type Status } from "@/lib/tracking/statuses";
import { addDays } from "@/lib/tracking/days";
import { listPeriods, type PeriodView } from "./periods";
import { type Exclusion, exclusionOf, type ReportState, reportState } from "./report-status";
import { lateMilestoneWhere } from "@/lib/indicators/indicator-overview";

export interface ReportView {
  id: number;
  status: "SUBMITTED" | "RETURNED" | "APPROVED";
  progressStatus: Status;
  progress: number | null;
  note: string;
  evidenceUrl: string | null;
  returnReason: string | null;
  authorName: string;
  reviewerName: string | null;
  submittedAt: Date;
  reviewedAt: Date | null;
  version: number;
}

const reportSelect = {
  id: true,
  status: true,
  progressStatus: true,
  progress: true,
  note: true,
  evidenceUrl: true,
  returnReason: true,
  authorName: true,
  reviewerName: true,
  submittedAt: true,
  reviewedAt: true,
  version: true,
} as const;

export interface PeriodStanding {
  period: PeriodView;
  report: ReportView | null;
  state: ReportState;
  exclusion: Exclusion | null;
}

/** Every period with this initiative's report and derived state, newest first (the seguimiento page). */
export async function initiativeStandings(db: Db, initiativeId: number, today = todayInQuito()): Promise<PeriodStanding[]> {
  const [periods, initiative, reports] = await Promise.all([
    listPeriods(db),
    db.initiative.findUnique({ where: { id: initiativeId }, select: { status: true, archivedAt: true } }),
    db.periodReport.findMany({ where: { initiativeId }, select: { ...reportSelect, periodId: true } }),
  ]);
  if (!initiative) return [];
  return periods.map((period) => {
    const report = reports.find((r) => r.periodId === period.id) ?? null;
    return {
      period,
      report,
      state: reportState({ report, initiative, dueOn: period.dueOn, today }),
      exclusion: report ? null : exclusionOf(initiative),
    };
  });
}

export interface QueueItem extends ReportView {
  periodName: string;
  initiative: { id: number; name: string; leadSecretariat: string | null };
}

/** The review queue: submitted reports, oldest first, optionally of one period. */
export async function reviewQueue(db: Db, periodId?: number): Promise<QueueItem[]> {
  const rows = await db.periodReport.findMany({
    where: { status: "SUBMITTED", ...(periodId ? { periodId } : {}) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      ...reportSelect,
      period: { select: { name: true } },
      initiative: { select: { id: true, name: true, leadSecretariat: { select: { name: true } } } },
    },
  });
  return rows.map(({ period, initiative, ...report }) => ({
    ...report,
    periodName: period.name,
    initiative: { id: initiative.id, name: initiative.name, leadSecretariat: initiative.leadSecretariat?.name ?? null },
  }));
}

export interface OwnedInitiative {
  id: number;
  name: string;
  lead: boolean;
  state: ReportState | null;
  report: ReportView | null;
  exclusion: Exclusion | null;
  endingInstruments: { id: number; title: string; endsOn: string }[];
  /** Milestones still open after their planned day, the earliest first. */
  lateMilestones: { id: number; title: string; plannedOn: string }[];
}

/**
 * /mis-iniciativas: what the user's secretariats lead or support, with its
 * state for `period`, the instruments ending within ENDING_SOON_DAYS and the late milestones.
 */
export async function ownedInitiatives(
  db: Db,
  userId: number,
  period: PeriodView | null,
  today = todayInQuito(),
): Promise<OwnedInitiative[]> {
  const secretariatIds = (await db.userSecretariat.findMany({ where: { userId }, select: { secretariatId: true } })).map(
    (m) => m.secretariatId,
  );
  if (secretariatIds.length === 0) return [];
  const horizon = addDays(today, ENDING_SOON_DAYS);
  const rows = await db.initiative.findMany({
    where: {
      archivedAt: null,
      OR: [{ leadSecretariatId: { in: secretariatIds } }, { supportingSecretariats: { some: { secretariatId: { in: secretariatIds } } } }],
    },
    orderBy: { position: "asc" },
    select: {
      id: true,
      name: true,
      status: true,
      archivedAt: true,
      leadSecretariatId: true,
      milestones: {
        where: lateMilestoneWhere(today),
        orderBy: [{ plannedOn: "asc" }, { id: "asc" }],
        select: { id: true, title: true, plannedOn: true },
      },
      periodReports: period ? { where: { periodId: period.id }, select: reportSelect } : false,
      articulationObjectives: {
        select: {
          instruments: {
            where: { endsOn: { gte: new Date(`${today}T00:00:00Z`), lte: new Date(`${horizon}T00:00:00Z`) } },
            select: { id: true, title: true, endsOn: true },
            orderBy: { endsOn: "asc" },
          },
        },
      },
    },
  });
  return rows.map((row) => {
    const report = row.periodReports?.[0] ?? null;
    return {
      id: row.id,
      name: row.name,
      lead: row.leadSecretariatId !== null && secretariatIds.includes(row.leadSecretariatId),
      state: period ? reportState({ report, initiative: row, dueOn: period.dueOn, today }) : null,
      report,
      exclusion: report ? null : exclusionOf(row),
      endingInstruments: row.articulationObjectives.flatMap((o) =>
        o.instruments.map((i) => ({ id: i.id, title: i.title, endsOn: dateToDay(i.endsOn!) })),
      ),
      lateMilestones: row.milestones.map((m) => ({ id: m.id, title: m.title, plannedOn: dateToDay(m.plannedOn) })),
    };
  });
}
