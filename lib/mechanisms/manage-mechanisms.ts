import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { slugify } from "@/lib/text/slugify";
import { FIELD_LIMITS } from "@/lib/text/field-limits";
import { refreshDerivedColumns } from "@/lib/initiatives/derived-columns";

type Tx = Prisma.TransactionClient;
interface Actor {
  id: number;
  email: string;
}

/** One schema per entity: the admin forms and their actions share it. */
export const mechanismSchema = z.object({
  name: z
    .string({ error: t.validation.form.nameRequired })
    .trim()
    .min(2, t.validation.mechanism.nameShort)
    .max(FIELD_LIMITS.mechanismName, t.validation.form.maxLength(t.validation.form.name, FIELD_LIMITS.mechanismName)),
  description: z
    .string()
    .trim()
    .max(
      FIELD_LIMITS.mechanismDescription,
      t.validation.form.maxLength(t.validation.mechanism.description, FIELD_LIMITS.mechanismDescription),
    )
    .transform((v) => v || null)
    .optional(),
});
export const updateMechanismSchema = mechanismSchema.extend({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().min(1),
});
export const mergeMechanismSchema = z
  .object({
    sourceId: z.coerce.number().int().positive(),
    targetId: z.coerce.number().int().positive({ error: t.validation.mechanism.target }),
  })
  .refine((v) => v.sourceId !== v.targetId, { path: ["targetId"], message: t.validation.mechanism.mergeSelf });

async function initiativesUsing(tx: Tx, mechanismId: number) {
  const rows = await tx.articulationObjective.findMany({
    where: { mechanisms: { some: { mechanismId } } },
    select: { initiativeId: true },
    distinct: ["initiativeId"],
  });
  return rows.map((r) => r.initiativeId);
}

async function assertFreeName(tx: Tx, name: string, exceptId?: number) {
  const slug = slugify(name);
  const clash = await tx.mechanism.findFirst({
    where: { OR: [{ name: { equals: name, mode: "insensitive" } }, { slug }], NOT: exceptId ? { id: exceptId } : undefined },
  });
  if (clash) throw new ActionError(t.refusals.mechanismTaken(clash.name), "name");
  return slug;
}

export async function createMechanism(db: Db, input: z.infer<typeof mechanismSchema>, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const slug = await assertFreeName(tx, input.name);
    const mechanism = await tx.mechanism.create({ data: { name: input.name, slug, description: input.description ?? null } });
    await recordAuditEvent(tx, {
      action: "mechanism.create",
      actor,
      entityType: "Mechanism",
      entityId: mechanism.id,
      context,
      data: { after: { name: mechanism.name, description: mechanism.description } },
    });
    return mechanism;
  });
}

/** Renames or describes a mechanism (version-checked); initiatives using it are re-indexed for search. */
export async function updateMechanism(db: Db, input: z.infer<typeof updateMechanismSchema>, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const before = await tx.mechanism.findUnique({ where: { id: input.id } });
    if (!before) throw new ActionError(t.refusals.mechanismMissing);
    const slug = await assertFreeName(tx, input.name, input.id);
    const { count } = await tx.mechanism.updateMany({
      where: { id: input.id, version: input.version },
      data: { name: input.name, slug, description: input.description ?? null, version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError(t.refusals.mechanismConflict);
    if (before.name !== input.name) await refreshDerivedColumns(tx, await initiativesUsing(tx, input.id));
    await recordAuditEvent(tx, {
      action: "mechanism.update",
      actor,
      entityType: "Mechanism",
      entityId: input.id,
      context,
      data: {
        before: { name: before.name, description: before.description },
        after: { name: input.name, description: input.description ?? null },
      },
    });
  });
}

/** Moves every use of `sourceId` to `targetId` (no duplicates within an objective), then drops the duplicate entry. */
export async function mergeMechanisms(db: Db, input: z.infer<typeof mergeMechanismSchema>, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const [source, target] = await Promise.all([
      tx.mechanism.findUnique({ where: { id: input.sourceId } }),
      tx.mechanism.findUnique({ where: { id: input.targetId } }),
    ]);
    if (!source || !target) throw new ActionError(t.refusals.mergedMechanismGone);
    const affected = await initiativesUsing(tx, source.id);
    const links = await tx.articulationObjectiveMechanism.findMany({ where: { mechanismId: source.id } });
    let moved = 0;
    for (const link of links) {
      const already = await tx.articulationObjectiveMechanism.findUnique({
        where: { articulationObjectiveId_mechanismId: { articulationObjectiveId: link.articulationObjectiveId, mechanismId: target.id } },
      });
      if (already) {
        await tx.articulationObjectiveMechanism.delete({
          where: { articulationObjectiveId_mechanismId: { articulationObjectiveId: link.articulationObjectiveId, mechanismId: source.id } },
        });
      } else {
        await tx.articulationObjectiveMechanism.update({
          where: { articulationObjectiveId_mechanismId: { articulationObjectiveId: link.articulationObjectiveId, mechanismId: source.id } },
          data: { mechanismId: target.id },
        });
        moved++;
      }
    }
    // Signed instruments of the duplicate's type become instruments of the kept one.
    const instruments = await tx.instrument.updateMany({ where: { mechanismId: source.id }, data: { mechanismId: target.id } });
    await tx.mechanism.delete({ where: { id: source.id } });
    await refreshDerivedColumns(tx, affected);
    await recordAuditEvent(tx, {
      action: "mechanism.merge",
      actor,
      entityType: "Mechanism",
      entityId: target.id,
      context,
      data: {
        merged: { id: source.id, name: source.name },
        into: { id: target.id, name: target.name },
        links: links.length,
        moved,
        initiatives: affected.length,
        instruments: instruments.count,
      },
    });
    return { links: links.length, moved, initiatives: affected.length };
  });
}
