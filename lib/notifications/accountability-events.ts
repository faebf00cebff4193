import { EXCLUDED_STATUSES } from "@/lib/accountability/report-status";
import type { Db, Prisma } from "@/lib/db/client";
import { Prisma as PrismaRuntime } from "@/lib/generated/prisma/client";
import { addDays, dateToDay, daysBetween } from "@/lib/tracking/days";
import { type CreatedNotifications, createNotifications } from "./create-notifications";
import type { NotificationDraft } from "./notification-data";

type Tx = Db | Prisma.TransactionClient;

/**
 * A report still owed is one that does not exist, or was returned for correction; an initiative in an excluded
 * status or archived owes none (lib/accountability/report-status.ts).
 */
const owed = PrismaRuntime.sql`i."archivedAt" IS NULL
  AND ((r."id" IS NULL AND i."status"::text NOT IN (${PrismaRuntime.join([...EXCLUDED_STATUSES])})) OR r."status" = 'RETURNED')`;

/** Where reporters are sent: what their secretariats own. */
const REPORTER_LINK = "/mis-iniciativas";
/** Where planners are sent: the table filtered to overdue reports. */
const DIGEST_LINK = "/iniciativas?reporte=atrasado";

export interface ReminderOptions {
  /** Quito's today, "YYYY-MM-DD" (lib/tracking/days.ts todayInQuito). */
  today: string;
  /** Days before the due date when the first reminder goes out (REMINDER_DAYS_BEFORE). */
  daysBefore: number;
  /** E-mail settings for createNotifications; by default the environment's. */
  email?: { portalUrl: string } | null;
}

/**
 * The reminders due today, for every open period: to each reporter (role
 * REPORTER, active) of a secretariat that leads or supports an initiative still
 * owing its report, once when the due date is `daysBefore` days away or less
 * («por vencer») and once after it has passed («atrasado»). Each names the
 * initiatives of that reporter's secretariats; its event key
 * ("due-reminder:<period>:<user>", "overdue-reminder:<period>:<user>") makes
 * every later run, on any instance, a no-op.
 */
export async function reminderDrafts(db: Tx, options: Pick<ReminderOptions, "today" | "daysBefore">): Promise<NotificationDraft[]> {
  const periods = await db.reportingPeriod.findMany({ where: { open: true }, orderBy: { dueOn: "asc" } });
  const drafts: NotificationDraft[] = [];
  for (const period of periods) {
    const dueOn = dateToDay(period.dueOn);
    const kind = options.today > dueOn ? "OVERDUE" : daysBetween(options.today, dueOn) <= options.daysBefore ? "DUE_SOON" : null;
    if (!kind) continue;
    const rows = await db.$queryRaw<{ userId: number; id: number; name: string; position: number }[]>`
      SELECT DISTINCT ON (m."userId", i."id") m."userId", i."id", i."name", i."position"
      FROM "Initiative" i
      LEFT JOIN "PeriodReport" r ON r."periodId" = ${period.id} AND r."initiativeId" = i."id"
      JOIN "UserSecretariat" m ON m."secretariatId" = i."leadSecretariatId"
        OR m."secretariatId" IN (SELECT s."secretariatId" FROM "InitiativeSupport" s WHERE s."initiativeId" = i."id")
      JOIN "User" u ON u."id" = m."userId" AND u."active" AND u."role" = 'REPORTER'
      WHERE ${owed}
      ORDER BY m."userId", i."id"`;
    const byUser = new Map<number, { id: number; name: string; position: number }[]>();
    for (const row of rows) {
      byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), { id: row.id, name: row.name, position: row.position }]);
    }
    for (const [userId, initiatives] of byUser) {
      const data = {
        periodId: period.id,
        periodName: period.name,
        dueOn,
        initiatives: initiatives.sort((a, b) => a.position - b.position).map(({ id, name }) => ({ id, name })),
      };
      drafts.push(
        kind === "OVERDUE"
          ? { kind, userId, eventKey: `overdue-reminder:${period.id}:${userId}`, link: REPORTER_LINK, data }
          : { kind, userId, eventKey: `due-reminder:${period.id}:${userId}`, link: REPORTER_LINK, data },
      );
    }
  }
  return drafts;
}

/** Writes today's reminders (see reminderDrafts); safe to run as often as wanted, from every instance. */
export async function sendReminders(db: Db, options: ReminderOptions): Promise<CreatedNotifications> {
  return db.$transaction(async (tx) => createNotifications(tx, await reminderDrafts(tx, options), { email: options.email }));
}

/** Monday of the ISO week of `day` ("YYYY-MM-DD"). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The planners' weekly digest: overdue reports of the open periods, counted by
 * the initiative's lead secretariat, to every active PLANNER and ADMIN who has
 * not turned it off; nothing when nothing is overdue. Keyed by the week, so it
 * goes out once a week whichever instance runs it.
 */
export async function weeklyDigestDrafts(db: Tx, options: { today: string }): Promise<NotificationDraft[]> {
  const rows = await db.$queryRaw<{ name: string | null; count: number }[]>`
    SELECT s."name", count(*)::int AS "count"
    FROM "ReportingPeriod" p
    JOIN "Initiative" i ON TRUE
    LEFT JOIN "PeriodReport" r ON r."periodId" = p."id" AND r."initiativeId" = i."id"
    LEFT JOIN "Secretariat" s ON s."id" = i."leadSecretariatId"
    WHERE p."open" AND p."dueOn" < ${options.today}::date AND ${owed}
    GROUP BY s."name"
    ORDER BY count(*) DESC, s."name" NULLS LAST`;
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  if (total === 0) return [];
  const planners = await db.user.findMany({
    where: { active: true, role: { in: ["PLANNER", "ADMIN"] }, NOT: { notificationPreference: { weeklyDigest: false } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const week = weekStart(options.today);
  return planners.map((planner) => ({
    kind: "WEEKLY_DIGEST" as const,
    userId: planner.id,
    eventKey: `weekly-digest:${week}:${planner.id}`,
    link: DIGEST_LINK,
    data: { week, total, bySecretariat: rows },
  }));
}

/** Writes this week's digest (see weeklyDigestDrafts). */
export async function sendWeeklyDigest(
  db: Db,
  options: { today: string; email?: { portalUrl: string } | null },
): Promise<CreatedNotifications> {
  return db.$transaction(async (tx) => createNotifications(tx, await weeklyDigestDrafts(tx, options), { email: options.email }));
}

/**
 * Tells the reporter who submitted a report that it was returned, with the
 * reviewer's reason: call it in the transaction that returns it (after the
 * update), so the notice exists exactly when the return does. Keyed by the
 * report's version, so a second return after a resubmission is a new notice.
 * A report whose author's account is gone goes to the reporters of the
 * initiative's secretariats instead.
 */
export async function notifyReportReturned(
  tx: Tx,
  reportId: number,
  options: { email?: { portalUrl: string } | null } = {},
): Promise<CreatedNotifications> {
  const report = await tx.periodReport.findUniqueOrThrow({
    where: { id: reportId },
    select: {
      id: true,
      version: true,
      status: true,
      authorId: true,
      returnReason: true,
      reviewerName: true,
      period: { select: { name: true } },
      initiative: {
        select: { id: true, name: true, leadSecretariatId: true, supportingSecretariats: { select: { secretariatId: true } } },
      },
    },
  });
  if (report.status !== "RETURNED") return { notificationIds: [], deliveryIds: [] };
  let recipients = report.authorId === null ? [] : [report.authorId];
  if (recipients.length === 0) {
    const secretariatIds = [
      ...(report.initiative.leadSecretariatId === null ? [] : [report.initiative.leadSecretariatId]),
      ...report.initiative.supportingSecretariats.map((support) => support.secretariatId),
    ];
    const members = await tx.userSecretariat.findMany({
      where: { secretariatId: { in: secretariatIds }, user: { role: "REPORTER", active: true } },
      select: { userId: true },
      distinct: ["userId"],
    });
    recipients = members.map((member) => member.userId);
  }
  return createNotifications(
    tx,
    recipients.map((userId) => ({
      kind: "REPORT_RETURNED" as const,
      userId,
      eventKey: `report-returned:${report.id}:${report.version}:${userId}`,
      link: `/iniciativas/${report.initiative.id}/seguimiento`,
      data: {
        reportId: report.id,
        periodName: report.period.name,
        initiativeId: report.initiative.id,
        initiativeName: report.initiative.name,
        reason: report.returnReason,
        reviewerName: report.reviewerName,
      },
    })),
    { email: options.email },
  );
}
