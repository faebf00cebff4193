import { z } from "zod";
import { FIELD_LIMITS } from "@/lib/text/field-limits";

/** One schema per entity: it feeds the edit form, its server action and any API that writes. */
export const articulationObjectiveInputSchema = z.object({
  /** The stored row this one edits, when it exists: keeps its signed instruments attached. */
  id: z.number().int().positive().optional(),
  text: z
    .string({ error: "Escriba el objetivo de articulación." })
    .trim()
    .min(3, "Escriba el objetivo de articulación (al menos 3 caracteres).")
    .max(FIELD_LIMITS.articulationObjective, `El objetivo de articulación admite hasta ${FIELD_LIMITS.articulationObjective} caracteres.`),
  mechanismIds: z.array(z.number().int().positive()).max(30, "Como máximo 30 mecanismos por objetivo."),
});

export const initiativeInputSchema = z.object({
  name: z
    .string({ error: "Escriba el nombre de la iniciativa." })
    .trim()
    .min(3, "Escriba el nombre de la iniciativa (al menos 3 caracteres).")
    .max(FIELD_LIMITS.initiativeName, `El nombre admite hasta ${FIELD_LIMITS.initiativeName} caracteres.`),
  managementObjectiveCode: z
    .string({ error: "Elija un objetivo de gestión." })
    .regex(/^\d{1,2}\.\d{1,2}$/, "Elija un objetivo de gestión."),
  articulationObjectives: z
    .array(articulationObjectiveInputSchema)
    .min(1, "La iniciativa necesita al menos un objetivo de articulación.")
    .max(50, "Como máximo 50 objetivos de articulación."),
});

export const updateInitiativeSchema = initiativeInputSchema.extend({
  id: z.number().int().positive(),
  /** The version the form was loaded with: a save against any other is a conflict. */
  version: z.number().int().min(1),
});

export type InitiativeInput = z.infer<typeof initiativeInputSchema>;
export type UpdateInitiativeInput = z.infer<typeof updateInitiativeSchema>;

/** What the history stores and shows for a version, and what a restore writes back. */
export interface InitiativeSnapshot {
  name: string;
  managementObjectiveCode: string;
  archived: boolean;
  articulationObjectives: { id?: number; text: string; mechanisms: { id: number; name: string }[] }[];
}

/** What a save answers the edit form: the saved version, or what is stored when someone saved first. */
export type SavedInitiativeResult = { id: number; version: number } | { conflict: { current: InitiativeSnapshot; currentVersion: number } };
