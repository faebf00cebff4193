import { ActionError } from "@/lib/actions/action-error";
import { AppError } from "@/lib/errors/app-error";
import { recordAuditEvent, type AuditAction } from "@/lib/audit/record-event";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { findInstrumentWithLostType } from "@/lib/tracking/instrument-types";
import { refreshDerivedColumns } from "./derived-columns";
import { updateInitiativeSchema, type InitiativeInput, type InitiativeSnapshot, type UpdateInitiativeInput } from "./initiative-schema";
import { snapshotInitiative } from "./get-initiative-snapshot";
import { initiativeHistory } from "./list-initiative-history";
import { snapshotToInput } from "./snapshot-input";

type Tx = Prisma.TransactionClient;

export interface Actor {
  id: number;
  email: string;
}

/** A save against a version someone else has already replaced. Carries what is stored now. */
export class VersionConflictError extends AppError {
  constructor(
    readonly current: InitiativeSnapshot,
    readonly currentVersion: number,
  ) {
    super("conflict", t.conflicts.initiative, {
      details: { conflict: { current, currentVersion } },
    });
  }
}

/** Checks the references of an input and returns what the write needs. */
async function resolve(tx: Tx, input: InitiativeInput) {
  const objective = await tx.managementObjective.findUnique({ where: { code: input.managementObjectiveCode } });
  if (!objective) throw new ActionError(t.refusals.managementObjectiveMissing, "managementObjectiveCode");
  const ids = [...new Set(input.articulationObjectives.flatMap((o) => o.mechanismIds))];
  const mechanisms = await tx.mechanism.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  if (mechanisms.length !== ids.length) throw new ActionError(t.refusals.chosenMechanismGone);
  return { objective };
}

/**
 * Writes the articulation objectives in the given order, keeping each stored
 * row that is still there (matched by id, else by identical text) so that the
 * instruments signed under it stay attached. Removing an objective that has
 * instruments is refused: they would be lost.
 */
async function writeObjectives(tx: Tx, initiativeId: number, input: InitiativeInput) {
  const existing = await tx.articulationObjective.findMany({
    where: { initiativeId },
    select: { id: true, text: true, _count: { select: { instruments: true } } },
    orderBy: { position: "asc" },
  });
  const unused = new Map(existing.map((o) => [o.id, o]));
  const kept = input.articulationObjectives.map((objective) => {
    const byId = objective.id !== undefined ? unused.get(objective.id) : undefined;
    const match = byId ?? [...unused.values()].find((o) => o.text === objective.text);
    if (match) unused.delete(match.id);
    return match?.id ?? null;
  });
  const lost = [...unused.values()].find((o) => o._count.instruments > 0);
  if (lost) {
    throw new ActionError(t.refusals.objectiveHasInstruments(lost.text.slice(0, 80)), "articulationObjectives");
  }
  if (unused.size > 0) await tx.articulationObjective.deleteMany({ where: { id: { in: [...unused.keys()] } } });
  // Park kept rows on negative positions first: (initiativeId, position) is unique.
  await tx.$executeRaw`UPDATE "ArticulationObjective" SET position = -1 - position WHERE "initiativeId" = ${initiativeId}`;
  for (const [position, objective] of input.articulationObjectives.entries()) {
    const mechanisms = [...new Set(objective.mechanismIds)].map((mechanismId, order) => ({ mechanismId, position: order }));
    const id = kept[position];
    if (id === null || id === undefined) {
      await tx.articulationObjective.create({ data: { initiativeId, position, text: objective.text, mechanisms: { create: mechanisms } } });
      continue;
    }
    await tx.articulationObjectiveMechanism.deleteMany({ where: { articulationObjectiveId: id } });
    await tx.articulationObjective.update({ where: { id }, data: { position, text: objective.text, mechanisms: { create: mechanisms } } });
  }
  const lostType = await findInstrumentWithLostType(tx, [initiativeId]);
  if (lostType) throw new ActionError(lostType, "articulationObjectives");
}

async function audit(
  tx: Tx,
  action: AuditAction,
  id: number,
  actor: Actor,
  context: RequestContext | undefined,
  before: InitiativeSnapshot | null,
  after: InitiativeSnapshot,
  version: number,
) {
  await recordAuditEvent(tx, {
    action,
    actor,
    entityType: "Initiative",
    entityId: id,
    context,
    data: { before, after, version } as unknown as Prisma.InputJsonValue,
  });
}

/** Creates an initiative at the end of the document order, recorded in the audit trail in the same transaction. */
export async function createInitiative(db: Db, input: InitiativeInput, actor: Actor, context?: RequestContext) {
  return db.$transaction((tx) => createInitiativeInTx(tx, input, actor, context));
}

export async function createInitiativeInTx(tx: Tx, input: InitiativeInput, actor: Actor, context?: RequestContext) {
  const { objective } = await resolve(tx, input);
  const last = await tx.initiative.aggregate({ _max: { position: true } });
  const initiative = await tx.initiative.create({
    data: { name: input.name, managementObjectiveId: objective.id, position: (last._max.position ?? 0) + 1 },
  });
  await writeObjectives(tx, initiative.id, input);
  await refreshDerivedColumns(tx, [initiative.id]);
  const after = (await snapshotInitiative(tx, initiative.id))!;
  await audit(tx, "initiative.create", initiative.id, actor, context, null, after.snapshot, after.version);
  return initiative;
}

/**
 * Saves an edit only if the stored version is still the one the form loaded
 * (optimistic locking: the UPDATE's WHERE checks it under the row lock, so of
 * many concurrent saves of one version exactly one wins, on any instance).
 */
export async function updateInitiative(
  db: Db,
  input: UpdateInitiativeInput,
  actor: Actor,
  context?: RequestContext,
  action: AuditAction = "initiative.update",
) {
  return db.$transaction((tx) => updateInitiativeInTx(tx, input, actor, context, action));
}

export async function updateInitiativeInTx(
  tx: Tx,
  input: UpdateInitiativeInput,
  actor: Actor,
  context?: RequestContext,
  action: AuditAction = "initiative.update",
) {
  const { objective } = await resolve(tx, input);
  // Read before the guarded update: if anyone changed it since, the version check below fails anyway.
  const before = await snapshotInitiative(tx, input.id);
  const { count } = await tx.initiative.updateMany({
    where: { id: input.id, version: input.version },
    data: { name: input.name, managementObjectiveId: objective.id, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await snapshotInitiative(tx, input.id);
    if (!current) throw new ActionError(t.refusals.initiativeGone);
    throw new VersionConflictError(current.snapshot, current.version);
  }
  await writeObjectives(tx, input.id, input);
  await refreshDerivedColumns(tx, [input.id]);
  const after = (await snapshotInitiative(tx, input.id))!;
  await audit(tx, action, input.id, actor, context, before?.snapshot ?? null, after.snapshot, after.version);
  return after;
}

/** Archives (soft delete) or restores, with the same version check and audit trail. */
export async function setArchived(db: Db, id: number, version: number, archived: boolean, actor: Actor, context?: RequestContext) {
  return db.$transaction((tx) => setArchivedInTx(tx, id, version, archived, actor, context));
}

export async function setArchivedInTx(tx: Tx, id: number, version: number, archived: boolean, actor: Actor, context?: RequestContext) {
  const before = await snapshotInitiative(tx, id);
  const { count } = await tx.initiative.updateMany({
    where: { id, version },
    data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await snapshotInitiative(tx, id);
    if (!current) throw new ActionError(t.refusals.initiativeGone);
    throw new VersionConflictError(current.snapshot, current.version);
  }
  const after = (await snapshotInitiative(tx, id))!;
  await audit(
    tx,
    archived ? "initiative.archive" : "initiative.unarchive",
    id,
    actor,
    context,
    before?.snapshot ?? null,
    after.snapshot,
    after.version,
  );
  return after;
}

/**
 * Writes back a version the history recorded, as a new edit: checked like any other (the version the user saw,
 * today's rules for the fields, mechanisms that still exist) and recorded as a restore.
 */
export async function restoreInitiativeVersion(
  db: Db,
  target: { id: number; version: number; eventId: number },
  actor: Actor,
  context?: RequestContext,
) {
  const event = (await initiativeHistory(db, target.id)).find((e) => e.id === target.eventId);
  if (!event) throw new ActionError(t.refusals.versionMissing);
  const input = updateInitiativeSchema.safeParse({ id: target.id, version: target.version, ...snapshotToInput(event.after) });
  if (!input.success) throw new ActionError(t.refusals.versionBreaksRules(input.error.issues[0]!.message));
  return updateInitiative(db, input.data, actor, context, "initiative.restore");
}
