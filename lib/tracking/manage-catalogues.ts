import type { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { slugify } from "@/lib/text/slugify";
import { shortSecretariatName } from "./secretariats";
import { TrackingConflictError } from "./tracking-conflict";
import type {
  counterpartSchema,
  deleteCatalogueEntrySchema,
  secretariatSchema,
  updateCounterpartSchema,
  updateSecretariatSchema,
} from "./tracking-schemas";

interface Actor {
  id: number;
  email: string;
}

/** Secretariat slugs drop the shared "Secretaría de" so URLs stay short (?responsable=salud). */
export const secretariatSlug = (name: string) => slugify(shortSecretariatName(name));

export async function createSecretariat(db: Db, input: z.infer<typeof secretariatSchema>, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const slug = secretariatSlug(input.name);
    const clash = await tx.secretariat.findFirst({ where: { OR: [{ name: { equals: input.name, mode: "insensitive" } }, { slug }] } });
    if (clash) throw new ActionError(t.refusals.nameTaken(clash.name), "name");
    const secretariat = await tx.secretariat.create({ data: { name: input.name, slug } });
    await recordAuditEvent(tx, {
      action: "secretariat.create",
      actor,
      entityType: "Secretariat",
      entityId: secretariat.id,
      context,
      data: { after: { name: input.name } },
    });
    return secretariat;
  });
}

export async function updateSecretariat(db: Db, input: z.infer<typeof updateSecretariatSchema>, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const before = await tx.secretariat.findUnique({ where: { id: input.id } });
    if (!before) throw new ActionError(t.refusals.secretariatGone);
    const slug = secretariatSlug(input.name);
    const clash = await tx.secretariat.findFirst({
      where: { OR: [{ name: { equals: input.name, mode: "insensitive" } }, { slug }], NOT: { id: input.id } },
    });
    if (clash) throw new ActionError(t.refusals.nameTaken(clash.name), "name");
    const { count } = await tx.secretariat.updateMany({
      where: { id: input.id, version: input.version },
      data: { name: input.name, slug, version: { increment: 1 } },
    });
    if (count === 0) throw new TrackingConflictError(t.conflicts.subjects.secretariat);
    await recordAuditEvent(tx, {
      action: "secretariat.update",
      actor,
      entityType: "Secretariat",
      entityId: input.id,
      context,
      data: { before: { name: before.name }, after: { name: input.name } },
    });
  });
}

export async function deleteSecretariat(db: Db, input: z.infer<typeof deleteCatalogueEntrySchema>, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const secretariat = await tx.secretariat.findUnique({
      where: { id: input.id },
      include: { _count: { select: { leads: true, supports: true } } },
    });
    if (!secretariat) throw new ActionError(t.refusals.secretariatGone);
    const uses = secretariat._count.leads + secretariat._count.supports;
    if (uses > 0) throw new ActionError(t.refusals.secretariatInUse(secretariat.name, uses));
    const { count } = await tx.secretariat.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) throw new TrackingConflictError(t.conflicts.subjects.secretariat);
    await recordAuditEvent(tx, {
      action: "secretariat.delete",
      actor,
      entityType: "Secretariat",
      entityId: input.id,
      context,
      data: { before: { name: secretariat.name } },
    });
  });
}

export async function createCounterpart(db: Db, input: z.infer<typeof counterpartSchema>, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const clash = await tx.counterpart.findFirst({ where: { name: { equals: input.name, mode: "insensitive" } } });
    if (clash) throw new ActionError(t.refusals.nameTaken(clash.name), "name");
    const counterpart = await tx.counterpart.create({ data: input });
    await recordAuditEvent(tx, {
      action: "counterpart.create",
      actor,
      entityType: "Counterpart",
      entityId: counterpart.id,
      context,
      data: { after: input },
    });
    return counterpart;
  });
}

export async function updateCounterpart(db: Db, input: z.infer<typeof updateCounterpartSchema>, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const before = await tx.counterpart.findUnique({ where: { id: input.id } });
    if (!before) throw new ActionError(t.refusals.counterpartGone);
    const clash = await tx.counterpart.findFirst({ where: { name: { equals: input.name, mode: "insensitive" }, NOT: { id: input.id } } });
    if (clash) throw new ActionError(t.refusals.nameTaken(clash.name), "name");
    const { count } = await tx.counterpart.updateMany({
      where: { id: input.id, version: input.version },
      data: { name: input.name, type: input.type, version: { increment: 1 } },
    });
    if (count === 0) throw new TrackingConflictError(t.conflicts.subjects.counterpart);
    await recordAuditEvent(tx, {
      action: "counterpart.update",
      actor,
      entityType: "Counterpart",
      entityId: input.id,
      context,
      data: { before: { name: before.name, type: before.type }, after: { name: input.name, type: input.type } },
    });
  });
}

export async function deleteCounterpart(db: Db, input: z.infer<typeof deleteCatalogueEntrySchema>, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const counterpart = await tx.counterpart.findUnique({
      where: { id: input.id },
      include: { _count: { select: { instruments: true } } },
    });
    if (!counterpart) throw new ActionError(t.refusals.counterpartGone);
    if (counterpart._count.instruments > 0)
      throw new ActionError(t.refusals.counterpartInUse(counterpart.name, counterpart._count.instruments));
    const { count } = await tx.counterpart.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) throw new TrackingConflictError(t.conflicts.subjects.counterpart);
    await recordAuditEvent(tx, {
      action: "counterpart.delete",
      actor,
      entityType: "Counterpart",
      entityId: input.id,
      context,
      data: { before: { name: counterpart.name, type: counterpart.type } },
    });
  });
}
