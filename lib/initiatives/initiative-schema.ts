import { z } from "zod";
import { FIELD_LIMITS } from "@/lib/text/field-limits";
import { t } from "@/lib/i18n";

/** One schema per entity: it feeds the edit form, its server action and any API that writes. */
export const articulationObjectiveInputSchema = z.object({
  /** The stored row this one edits, when it exists: keeps its signed instruments attached. */
  id: z.number().int().positive().optional(),
  text: z
    .string({ error: t.validation.initiative.objectiveRequired })
    .trim()
    .min(3, t.validation.initiative.objectiveShort)
    .max(
      FIELD_LIMITS.articulationObjective,
      t.validation.form.maxLength(t.validation.initiative.objective, FIELD_LIMITS.articulationObjective),
    ),
  mechanismIds: z.array(z.number().int().positive()).max(30, t.validation.initiative.tooManyMechanisms),
});

export const initiativeInputSchema = z.object({
  name: z
    .string({ error: t.validation.initiative.nameRequired })
    .trim()
    .min(3, t.validation.initiative.nameShort)
    .max(FIELD_LIMITS.initiativeName, t.validation.form.maxLength(t.validation.form.name, FIELD_LIMITS.initiativeName)),
  managementObjectiveCode: z
    .string({ error: t.validation.initiative.managementObjective })
    .regex(/^\d{1,2}\.\d{1,2}$/, t.validation.initiative.managementObjective),
  articulationObjectives: z
    .array(articulationObjectiveInputSchema)
    .min(1, t.validation.initiative.objectivesMissing)
    .max(50, t.validation.initiative.tooManyObjectives),
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
