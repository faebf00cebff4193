import type { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { dateToDay, dayToDate } from "@/lib/tracking/days";
import { TrackingConflictError } from "@/lib/tracking/tracking-conflict";
import type { createMilestoneSchema, MilestoneInput, updateMilestoneSchema } from "./indicator-schemas";

const columns = (input: MilestoneInput) => ({
  title: input.title,
  plannedOn: dayToDate(input.plannedOn),
  achievedOn: input.achievedOn ? dayToDate(input.achievedOn) : null,
  state: input.state,
});

export async function createMilestone(
  db: Db,
  input: z.output<typeof createMilestoneSchema>,
  actor: { id: number; email: string },
  context?: RequestContext,
) {
  return db.$transaction(async (tx) => {
    const initiative = await tx.initiative.findUnique({ where: { id: input.initiativeId }, select: { archivedAt: true } });
    if (!initiative) throw new ActionError(t.refusals.initiativeMissing);
    if (initiative.archivedAt) throw new ActionError(t.refusals.initiativeArchived);
    const milestone = await tx.milestone.create({ data: { initiativeId: input.initiativeId, ...columns(input) } });
    await recordAuditEvent(tx, {
      action: "milestone.create",
      actor,
      entityType: "Milestone",
      entityId: milestone.id,
      context,
      data: { initiativeId: input.initiativeId, after: { ...input } },
    });
    return milestone;
  });
}

export async function updateMilestone(
  db: Db,
  input: z.output<typeof updateMilestoneSchema>,
  actor: { id: number; email: string },
  context?: RequestContext,
) {
  return db.$transaction(async (tx) => {
    const before = await tx.milestone.findUnique({ where: { id: input.id } });
    if (!before) throw new ActionError(t.indicators.milestoneMissing);
    const { count } = await tx.milestone.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...columns(input), version: { increment: 1 } },
    });
    if (count === 0) throw new TrackingConflictError(t.indicators.milestoneConflictSubject);
    await recordAuditEvent(tx, {
      action: "milestone.update",
      actor,
      entityType: "Milestone",
      entityId: input.id,
      context,
      data: {
        before: {
          title: before.title,
          plannedOn: dateToDay(before.plannedOn),
          achievedOn: before.achievedOn ? dateToDay(before.achievedOn) : null,
          state: before.state,
        },
        after: { title: input.title, plannedOn: input.plannedOn, achievedOn: input.achievedOn ?? null, state: input.state },
      },
    });
  });
}
