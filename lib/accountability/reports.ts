import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { RequestContext } from "@/lib/http/request-context";
import { mailSettings } from "@/lib/mail/mail-settings";
import { notifyReportReturned } from "@/lib/notifications/accountability-events";
import { t } from "@/lib/i18n";
import { dateToDay, dayToDate, todayInQuito } from "@/lib/tracking/days";
import { exclusionOf } from "./report-status";
import type { SubmitReportInput } from "./schemas";

type Person = { id: number; email: string; name: string };
type Tx = Prisma.TransactionClient;

/** Someone else reviewed or resubmitted the report since this page was loaded. */
export class ReportConflictError extends AppError {
  constructor() {
    super("conflict", t.accountability.reportConflict);
  }
}

const snapshot = (r: {
  status: string;
  progressStatus: string;
  progress: number | null;
  note: string;
  evidenceUrl: string | null;
  returnReason: string | null;
  version: number;
}) => ({
  status: r.status,
  progressStatus: r.progressStatus,
  progress: r.progress,
  note: r.note,
  evidenceUrl: r.evidenceUrl,
  returnReason: r.returnReason,
  version: r.version,
});

/**
 * A reporter's report for one period: a first one, a correction before review
 * or a resubmission after a return, all on the same row under its version.
 * Nothing reaches the initiative until a planner approves it.
 */
export async function submitReport(db: Db, input: SubmitReportInput, author: Person, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const period = await tx.reportingPeriod.findUnique({ where: { id: input.periodId } });
    if (!period) throw new ActionError(t.accountability.periodMissing);
    if (!period.open) throw new ActionError(t.accountability.periodClosed);
    const initiative = await tx.initiative.findUnique({ where: { id: input.initiativeId }, select: { status: true, archivedAt: true } });
    if (!initiative) throw new ActionError(t.refusals.initiativeMissing);
    const existing = await tx.periodReport.findUnique({
      where: { periodId_initiativeId: { periodId: input.periodId, initiativeId: input.initiativeId } },
    });
    if (!existing && exclusionOf(initiative)) throw new ActionError(t.accountability.excludedCannotReport);
    if (existing?.status === "APPROVED") throw new ActionError(t.accountability.alreadyApproved);
    const fields = {
      status: "SUBMITTED" as const,
      progressStatus: input.progressStatus,
      progress: input.progress ?? null,
      note: input.note,
      evidenceUrl: input.evidenceUrl ?? null,
      authorId: author.id,
      authorName: author.name,
      authorEmail: author.email,
      submittedAt: new Date(),
    };
    let report: Awaited<ReturnType<typeof tx.periodReport.create>>;
    if (!existing) {
      if (input.version !== 0) throw new ReportConflictError();
      report = await tx.periodReport.create({ data: { ...fields, periodId: input.periodId, initiativeId: input.initiativeId } });
    } else {
      const { count } = await tx.periodReport.updateMany({
        where: { id: existing.id, version: input.version, status: { not: "APPROVED" } },
        data: { ...fields, version: { increment: 1 } },
      });
      if (count === 0) throw new ReportConflictError();
      report = await tx.periodReport.findUniqueOrThrow({ where: { id: existing.id } });
    }
    await recordAuditEvent(tx, {
      action: "report.submit",
      actor: author,
      entityType: "PeriodReport",
      entityId: report.id,
      context,
      data: {
        periodId: input.periodId,
        initiativeId: input.initiativeId,
        before: existing ? snapshot(existing) : null,
        after: snapshot(report),
      },
    });
    return report;
  });
}

/** Sends a submitted report back to its secretariat with the reviewer's reason; the initiative is not touched. */
export async function returnReport(
  db: Db,
  input: { reportId: number; version: number; reason: string },
  reviewer: Person,
  context?: RequestContext,
) {
  return db.$transaction(async (tx) => {
    const before = await tx.periodReport.findUnique({ where: { id: input.reportId } });
    if (!before) throw new ActionError(t.accountability.reportMissing);
    const { count } = await tx.periodReport.updateMany({
      where: { id: input.reportId, version: input.version, status: "SUBMITTED" },
      data: {
        status: "RETURNED",
        returnReason: input.reason,
        reviewerId: reviewer.id,
        reviewerName: reviewer.name,
        reviewerEmail: reviewer.email,
        reviewedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ReportConflictError();
    const after = await tx.periodReport.findUniqueOrThrow({ where: { id: input.reportId } });
    await recordAuditEvent(tx, {
      action: "report.return",
      actor: reviewer,
      entityType: "PeriodReport",
      entityId: input.reportId,
      context,
      data: { periodId: after.periodId, initiativeId: after.initiativeId, before: snapshot(before), after: snapshot(after) },
    });
    // In the same transaction: the reporter's notice (and e-mail, when SMTP is set) exists exactly when the return does.
    const mail = mailSettings();
    await notifyReportReturned(tx, input.reportId, { email: mail ? { portalUrl: mail.portalUrl } : null });
    return after;
  });
}

async function approveOne(tx: Tx, reportId: number, version: number, reviewer: Person, context?: RequestContext) {
  const before = await tx.periodReport.findUnique({ where: { id: reportId }, include: { period: { select: { name: true } } } });
  if (!before) throw new ActionError(t.accountability.reportMissing);
  const { count } = await tx.periodReport.updateMany({
    where: { id: reportId, version, status: "SUBMITTED" },
    data: {
      status: "APPROVED",
      reviewerId: reviewer.id,
      reviewerName: reviewer.name,
      reviewerEmail: reviewer.email,
      reviewedAt: new Date(),
      version: { increment: 1 },
    },
  });
  if (count === 0) throw new ReportConflictError();
  const after = await tx.periodReport.findUniqueOrThrow({ where: { id: reportId } });
  // Approval is what makes the figure count: it becomes the initiative's current status and progress, with a note in its timeline.
  const initiative = await tx.initiative.findUniqueOrThrow({
    where: { id: after.initiativeId },
    select: { status: true, progress: true, lastUpdateOn: true },
  });
  const today = dayToDate(todayInQuito());
  const lastUpdateOn = initiative.lastUpdateOn && initiative.lastUpdateOn > today ? initiative.lastUpdateOn : today;
  // With indicators, progress is theirs (lib/indicators/sync-derived-progress.ts): the reported figure stays in the note.
  const derived = (await tx.indicator.count({ where: { initiativeId: after.initiativeId } })) > 0;
  await tx.initiative.update({
    where: { id: after.initiativeId },
    data: {
      status: after.progressStatus,
      progress: derived ? initiative.progress : (after.progress ?? initiative.progress),
      lastUpdateOn,
      trackingVersion: { increment: 1 },
    },
  });
  await tx.progressUpdate.create({
    data: {
      initiativeId: after.initiativeId,
      occurredOn: today,
      note: t.accountability.approvedNote(before.period.name, after.note),
      status: after.progressStatus,
      progress: after.progress,
      authorId: after.authorId,
      authorName: after.authorName,
      authorEmail: after.authorEmail,
    },
  });
  await recordAuditEvent(tx, {
    action: "report.approve",
    actor: reviewer,
    entityType: "PeriodReport",
    entityId: reportId,
    context,
    data: {
      periodId: after.periodId,
      initiativeId: after.initiativeId,
      before: snapshot(before),
      after: snapshot(after),
      initiative: {
        before: {
          status: initiative.status,
          progress: initiative.progress,
          lastUpdateOn: initiative.lastUpdateOn ? dateToDay(initiative.lastUpdateOn) : null,
        },
        after: { status: after.progressStatus, progress: after.progress ?? initiative.progress, lastUpdateOn: dateToDay(lastUpdateOn) },
      },
    },
  });
  return after;
}

/** Approves every chosen report in one transaction: if one changed since the queue was loaded, none is approved. */
export async function approveReports(db: Db, reports: { reportId: number; version: number }[], reviewer: Person, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const approved = [];
    for (const { reportId, version } of reports) approved.push(await approveOne(tx, reportId, version, reviewer, context));
    return approved;
  });
}
