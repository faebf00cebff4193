import { z } from "zod";

/** One schema per entity: it feeds the edit form, its server action and any API that writes. */
export const articulationObjectiveInputSchema = z.object({
  /** The stored row this one edits, when it exists: keeps its signed instruments attached. */
  id: z.number().int().positive().optional(),
  text: z
    .string({ error: "Escriba el objetivo de articulación." })
    .trim()
    .min(3, "Escriba el objetivo de articulación (al menos 3 caracteres).")
    .max(5_000, "El objetivo de articulación admite hasta 5000 caracteres."),
  mechanismIds: z.array(z.number().int().positive()).max(30, "Como máximo 30 mecanismos por objetivo."),
});

export const initiativeInputSchema = z.object({
  name: z
    .string({ error: "Escriba el nombre de la iniciativa." })
    .trim()
    .min(3, "Escriba el nombre de la iniciativa (al menos 3 caracteres).")
    .max(1_000, "El nombre admite hasta 1000 caracteres."),
  managementObjectiveCode: z.string({ error: "Elija un objetivo de gestión." }).regex(/^\d{1,2}\.\d{1,2}$/, "Elija un objetivo de gestión."),
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

/** A recorded version as the edit form's input: what the editor loads, what «keep the stored version» resets to, and what a restore saves. */
export function snapshotToInput(snapshot: InitiativeSnapshot): InitiativeInput {
  return {
    name: snapshot.name,
    managementObjectiveCode: snapshot.managementObjectiveCode,
    articulationObjectives: snapshot.articulationObjectives.map((o) => ({ id: o.id, text: o.text, mechanismIds: o.mechanisms.map((m) => m.id) })),
  };
}

/** What a save answers the edit form: the saved version, or what is stored when someone saved first. */
export type SavedInitiativeResult = { id: number; version: number } | { conflict: { current: InitiativeSnapshot; currentVersion: number } };
