import type { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { instrumentNames, instrumentRecord } from "@/lib/matrix/tracking-document";
import { dayToDate } from "./days";
import { TrackingConflictError } from "./tracking-conflict";
import type { CreateInstrumentInput, deleteInstrumentSchema, UpdateInstrumentInput } from "./tracking-schemas";

type Tx = Prisma.TransactionClient;
interface Actor {
  id: number;
  email: string;
}

const fields = (input: CreateInstrumentInput | UpdateInstrumentInput) => ({
  mechanismId: input.mechanismId,
  counterpartId: input.counterpartId,
  title: input.title,
  signedOn: dayToDate(input.signedOn),
  endsOn: input.endsOn ? dayToDate(input.endsOn) : null,
  reference: input.reference ?? null,
});

/** An instrument is signed under one of its objective's own mechanisms, with a catalogued counterpart. */
async function checkReferences(tx: Tx, articulationObjectiveId: number, input: { mechanismId: number; counterpartId: number }) {
  const objective = await tx.articulationObjective.findUnique({
    where: { id: articulationObjectiveId },
    select: { initiativeId: true, mechanisms: { select: { mechanismId: true } } },
  });
  if (!objective) throw new ActionError(t.refusals.articulationObjectiveGone);
  if (!objective.mechanisms.some((m) => m.mechanismId === input.mechanismId)) {
    throw new ActionError(t.refusals.typeNotMechanism, "mechanismId");
  }
  if (!(await tx.counterpart.findUnique({ where: { id: input.counterpartId }, select: { id: true } }))) {
    throw new ActionError(t.refusals.chosenCounterpartGone, "counterpartId");
  }
  return objective.initiativeId;
}

export async function createInstrument(db: Db, input: CreateInstrumentInput, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const initiativeId = await checkReferences(tx, input.articulationObjectiveId, input);
    const instrument = await tx.instrument.create({
      data: { articulationObjectiveId: input.articulationObjectiveId, ...fields(input) },
      include: instrumentNames,
    });
    await recordAuditEvent(tx, {
      action: "instrument.create",
      actor,
      entityType: "Instrument",
      entityId: instrument.id,
      context,
      data: { initiativeId, after: instrumentRecord(instrument) },
    });
    return { instrument, initiativeId };
  });
}

export async function updateInstrument(db: Db, input: UpdateInstrumentInput, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const before = await tx.instrument.findUnique({ where: { id: input.id }, include: instrumentNames });
    if (!before) throw new ActionError(t.refusals.instrumentGone);
    const initiativeId = await checkReferences(tx, before.articulationObjectiveId, input);
    const { count } = await tx.instrument.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...fields(input), version: { increment: 1 } },
    });
    if (count === 0) throw new TrackingConflictError(t.conflicts.subjects.instrument);
    const after = await tx.instrument.findUniqueOrThrow({ where: { id: input.id }, include: instrumentNames });
    await recordAuditEvent(tx, {
      action: "instrument.update",
      actor,
      entityType: "Instrument",
      entityId: input.id,
      context,
      data: { initiativeId, before: instrumentRecord(before), after: instrumentRecord(after) },
    });
    return { initiativeId };
  });
}

/** Instruments are tracking records, not matrix content: an admin may remove one entered by mistake; the audit keeps it. */
export async function deleteInstrument(db: Db, input: z.infer<typeof deleteInstrumentSchema>, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const before = await tx.instrument.findUnique({
      where: { id: input.id },
      include: { ...instrumentNames, articulationObjective: { select: { initiativeId: true } } },
    });
    if (!before) throw new ActionError(t.refusals.instrumentGone);
    const { count } = await tx.instrument.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) throw new TrackingConflictError(t.conflicts.subjects.instrument);
    const initiativeId = before.articulationObjective.initiativeId;
    await recordAuditEvent(tx, {
      action: "instrument.delete",
      actor,
      entityType: "Instrument",
      entityId: input.id,
      context,
      data: { initiativeId, before: instrumentRecord(before) },
    });
    return { initiativeId };
  });
}
