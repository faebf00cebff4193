import { z } from "zod";
import { FIELD_LIMITS } from "@/lib/text/field-limits";
import { COUNTERPART_TYPE_CODES } from "./counterpart-types";
import { todayInQuito } from "./days";
import { STATUSES } from "./statuses";

/** One schema per tracking entity: the forms, their server actions and the exchange document share them. */

const id = z.coerce.number({ error: "Falta el identificador. Recargue la página." }).int().positive();
const version = z.coerce.number({ error: "Falta la versión. Recargue la página." }).int().min(1);
/** Empty form fields mean "not given". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const day = (label: string) =>
  z
    .string({ error: `${label}: escriba una fecha.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: use el formato AAAA-MM-DD.`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, `${label}: no es una fecha válida.`)
    .refine((value) => value >= "2000-01-01" && value <= "2100-12-31", `${label}: fuera del rango admitido.`);

export const statusSchema = z.enum(STATUSES, { error: "Elija un estado de la lista." });

export const progressSchema = z.coerce
  .number({ error: "El avance es un número de 0 a 100." })
  .int("El avance es un número entero de 0 a 100.")
  .min(0, "El avance no puede ser negativo.")
  .max(100, "El avance no puede pasar de 100 %.");

export const progressUpdateSchema = z.object({
  initiativeId: id,
  trackingVersion: version,
  occurredOn: day("Fecha").refine((value) => value <= todayInQuito(), "La fecha no puede ser futura."),
  note: z
    .string({ error: "Escriba la nota de avance." })
    .trim()
    .min(3, "Escriba la nota de avance (al menos 3 caracteres).")
    .max(5_000, "La nota admite hasta 5000 caracteres."),
  status: z.preprocess(blankToUndefined, statusSchema.optional()),
  progress: z.preprocess(blankToUndefined, progressSchema.optional()),
});
export type ProgressUpdateInput = z.infer<typeof progressUpdateSchema>;

/** Form checkboxes arrive as one value or several. */
const idList = z
  .preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.coerce.number().int().positive()),
  )
  .transform((ids) => [...new Set(ids)]);

export const ownershipSchema = z
  .object({
    initiativeId: id,
    trackingVersion: version,
    leadSecretariatId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
    supportingSecretariatIds: idList.pipe(z.array(z.number()).max(20, "Como máximo 20 secretarías de apoyo.")),
  })
  .refine((v) => v.leadSecretariatId !== undefined || v.supportingSecretariatIds.length === 0, {
    path: ["leadSecretariatId"],
    message: "Elija la secretaría responsable antes de añadir secretarías de apoyo.",
  })
  .transform((v) => ({ ...v, supportingSecretariatIds: v.supportingSecretariatIds.filter((s) => s !== v.leadSecretariatId) }));
export type OwnershipInput = z.infer<typeof ownershipSchema>;

const instrumentFields = z.object({
  mechanismId: z.coerce.number({ error: "Elija el tipo de instrumento." }).int().positive("Elija el tipo de instrumento."),
  counterpartId: z.coerce.number({ error: "Elija la contraparte." }).int().positive("Elija la contraparte."),
  title: z
    .string({ error: "Escriba el título." })
    .trim()
    .min(3, "Escriba el título del instrumento (al menos 3 caracteres).")
    .max(500, "El título admite hasta 500 caracteres."),
  signedOn: day("Fecha de firma"),
  endsOn: z.preprocess(blankToUndefined, day("Fecha de fin").optional()),
  reference: z.preprocess(blankToUndefined, z.string().trim().max(500, "La referencia admite hasta 500 caracteres.").optional()),
});
const datesInOrder = <T extends { signedOn: string; endsOn?: string }>(v: T) => !v.endsOn || v.endsOn >= v.signedOn;
const datesMessage = { path: ["endsOn"], message: "La fecha de fin no puede ser anterior a la firma." };

export const createInstrumentSchema = instrumentFields.extend({ articulationObjectiveId: id }).refine(datesInOrder, datesMessage);
export const updateInstrumentSchema = instrumentFields.extend({ id, version }).refine(datesInOrder, datesMessage);
export const deleteInstrumentSchema = z.object({ id, version });
export type CreateInstrumentInput = z.infer<typeof createInstrumentSchema>;
export type UpdateInstrumentInput = z.infer<typeof updateInstrumentSchema>;

const catalogueName = z
  .string({ error: "Escriba el nombre." })
  .trim()
  .min(3, "Escriba el nombre (al menos 3 caracteres).")
  .max(FIELD_LIMITS.catalogueName, `El nombre admite hasta ${FIELD_LIMITS.catalogueName} caracteres.`);
export const secretariatSchema = z.object({ name: catalogueName });
export const updateSecretariatSchema = secretariatSchema.extend({ id, version });
export const counterpartSchema = z.object({
  name: catalogueName,
  type: z.enum(COUNTERPART_TYPE_CODES, { error: "Elija el tipo de actor." }),
});
export const updateCounterpartSchema = counterpartSchema.extend({ id, version });
export const deleteCatalogueEntrySchema = z.object({ id, version });
