import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { dateToDay, dayToDate } from "@/lib/tracking/days";
import { TrackingConflictError } from "@/lib/tracking/tracking-conflict";
import type { PeriodInput } from "./schemas";

type Actor = { id: number; email: string };

export interface PeriodView {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  open: boolean;
  version: number;
}

const toView = (p: {
  id: number;
  name: string;
  startsOn: Date;
  endsOn: Date;
  dueOn: Date;
  open: boolean;
  version: number;
}): PeriodView => ({
  id: p.id,
  name: p.name,
  startsOn: dateToDay(p.startsOn),
  endsOn: dateToDay(p.endsOn),
  dueOn: dateToDay(p.dueOn),
  open: p.open,
  version: p.version,
});

const columns = (input: PeriodInput) => ({
  name: input.name,
  startsOn: dayToDate(input.startsOn),
  endsOn: dayToDate(input.endsOn),
  dueOn: dayToDate(input.dueOn),
  open: input.open,
});

/** Newest first: the order of every period list and picker. */
export async function listPeriods(db: Db): Promise<PeriodView[]> {
  const rows = await db.reportingPeriod.findMany({ orderBy: [{ startsOn: "desc" }, { id: "desc" }] });
  return rows.map(toView);
}

/** The period a page shows when none is chosen: the open one due first, else the newest. */
export function defaultPeriod(periods: PeriodView[]): PeriodView | null {
  const open = periods.filter((p) => p.open).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return open[0] ?? periods[0] ?? null;
}

export async function createPeriod(db: Db, input: PeriodInput, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    if (await tx.reportingPeriod.findUnique({ where: { name: input.name } }))
      throw new ActionError(t.accountability.periodNameTaken, "name");
    const period = await tx.reportingPeriod.create({ data: columns(input) });
    await recordAuditEvent(tx, {
      action: "period.create",
      actor,
      entityType: "ReportingPeriod",
      entityId: period.id,
      context,
      data: { after: toView(period) as never },
    });
    return toView(period);
  });
}

export async function updatePeriod(
  db: Db,
  input: PeriodInput & { periodId: number; version: number },
  actor: Actor,
  context?: RequestContext,
) {
  return db.$transaction(async (tx) => {
    const before = await tx.reportingPeriod.findUnique({ where: { id: input.periodId } });
    if (!before) throw new ActionError(t.accountability.periodMissing);
    const clash = await tx.reportingPeriod.findUnique({ where: { name: input.name } });
    if (clash && clash.id !== input.periodId) throw new ActionError(t.accountability.periodNameTaken, "name");
    const { count } = await tx.reportingPeriod.updateMany({
      where: { id: input.periodId, version: input.version },
      data: { ...columns(input), version: { increment: 1 } },
    });
    if (count === 0) throw new TrackingConflictError(t.accountability.periodSubject);
    const after = await tx.reportingPeriod.findUniqueOrThrow({ where: { id: input.periodId } });
    await recordAuditEvent(tx, {
      action: "period.update",
      actor,
      entityType: "ReportingPeriod",
      entityId: input.periodId,
      context,
      data: { before: toView(before) as never, after: toView(after) as never },
    });
    return toView(after);
  });
}
