import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { dateToDay, dayToDate } from "./days";
import { TrackingConflictError } from "./tracking-conflict";
import type { ProgressUpdateInput } from "./tracking-schemas";

export interface Author {
  id: number;
  email: string;
  name: string;
}

/**
 * Records a dated progress note and applies the status and progress it
 * carries, in one transaction with its audit event. The initiative's tracking
 * version guards against two people reporting from the same stale page.
 */
export async function postProgressUpdate(db: Db, input: ProgressUpdateInput, author: Author, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const before = await tx.initiative.findUnique({
      where: { id: input.initiativeId },
      select: { status: true, progress: true, lastUpdateOn: true, archivedAt: true },
    });
    if (!before) throw new ActionError(t.refusals.initiativeMissing);
    if (before.archivedAt) throw new ActionError(t.refusals.initiativeArchived);
    const occurredOn = dayToDate(input.occurredOn);
    // The newest note is the current state: a back-dated note joins the timeline, but neither makes
    // the initiative look older nor overrides the status and progress of a later one.
    const current = !before.lastUpdateOn || occurredOn >= before.lastUpdateOn;
    const lastUpdateOn = current ? occurredOn : before.lastUpdateOn!;
    const status = current && input.status ? input.status : before.status;
    // With indicators, progress is theirs (lib/indicators/sync-derived-progress.ts): a typed figure is kept in the note only.
    const derived = (await tx.indicator.count({ where: { initiativeId: input.initiativeId } })) > 0;
    const progress = current && input.progress !== undefined && !derived ? input.progress : before.progress;
    const { count } = await tx.initiative.updateMany({
      where: { id: input.initiativeId, trackingVersion: input.trackingVersion },
      data: { lastUpdateOn, status, progress, trackingVersion: { increment: 1 } },
    });
    if (count === 0) throw new TrackingConflictError();
    const update = await tx.progressUpdate.create({
      data: {
        initiativeId: input.initiativeId,
        occurredOn,
        note: input.note,
        status: input.status ?? null,
        progress: input.progress ?? null,
        authorId: author.id,
        authorName: author.name,
        authorEmail: author.email,
      },
    });
    await recordAuditEvent(tx, {
      action: "progress.create",
      actor: author,
      entityType: "Initiative",
      entityId: input.initiativeId,
      context,
      data: {
        update: { id: update.id, occurredOn: input.occurredOn, note: input.note },
        before: {
          status: before.status,
          progress: before.progress,
          lastUpdateOn: before.lastUpdateOn ? dateToDay(before.lastUpdateOn) : null,
        },
        after: { status, progress, lastUpdateOn: dateToDay(lastUpdateOn) },
      },
    });
    return update;
  });
}
