import { z } from "zod";
import { FIELD_LIMITS } from "@/lib/text/field-limits";
import { COUNTERPART_TYPE_CODES } from "./counterpart-types";
import { todayInQuito } from "./days";
import { STATUSES } from "./statuses";
import { t } from "@/lib/i18n";

/** One schema per tracking entity: the forms, their server actions and the exchange document share them. */

const id = z.coerce.number({ error: t.validation.form.idMissing }).int().positive();
const version = z.coerce.number({ error: t.validation.form.versionMissing }).int().min(1);
/** Empty form fields mean "not given". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const day = (label: string) =>
  z
    .string({ error: t.validation.day.required(label) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, t.validation.day.format(label))
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, t.validation.day.invalid(label))
    .refine((value) => value >= "2000-01-01" && value <= "2100-12-31", t.validation.day.outOfRange(label));

export const statusSchema = z.enum(STATUSES, { error: t.validation.tracking.status });

export const progressSchema = z.coerce
  .number({ error: t.validation.tracking.progressNumber })
  .int(t.validation.tracking.progressInteger)
  .min(0, t.validation.tracking.progressNegative)
  .max(100, t.validation.tracking.progressOver);

export const progressUpdateSchema = z.object({
  initiativeId: id,
  trackingVersion: version,
  occurredOn: day(t.validation.tracking.date).refine((value) => value <= todayInQuito(), t.validation.tracking.futureDate),
  note: z
    .string({ error: t.validation.tracking.noteRequired })
    .trim()
    .min(3, t.validation.tracking.noteShort)
    .max(5_000, t.validation.tracking.noteLong),
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
    supportingSecretariatIds: idList.pipe(z.array(z.number()).max(20, t.validation.tracking.tooManySupporting)),
  })
  .refine((v) => v.leadSecretariatId !== undefined || v.supportingSecretariatIds.length === 0, {
    path: ["leadSecretariatId"],
    message: t.validation.tracking.leadFirst,
  })
  .transform((v) => ({ ...v, supportingSecretariatIds: v.supportingSecretariatIds.filter((s) => s !== v.leadSecretariatId) }));
export type OwnershipInput = z.infer<typeof ownershipSchema>;

const instrumentFields = z.object({
  mechanismId: z.coerce.number({ error: t.validation.tracking.instrumentType }).int().positive(t.validation.tracking.instrumentType),
  counterpartId: z.coerce.number({ error: t.validation.tracking.counterpart }).int().positive(t.validation.tracking.counterpart),
  title: z
    .string({ error: t.validation.tracking.titleRequired })
    .trim()
    .min(3, t.validation.tracking.instrumentTitleShort)
    .max(500, t.validation.tracking.instrumentTitleLong),
  signedOn: day(t.validation.tracking.signedOn),
  endsOn: z.preprocess(blankToUndefined, day(t.validation.tracking.endsOn).optional()),
  reference: z.preprocess(blankToUndefined, z.string().trim().max(500, t.validation.tracking.referenceLong).optional()),
});
const datesInOrder = <T extends { signedOn: string; endsOn?: string }>(v: T) => !v.endsOn || v.endsOn >= v.signedOn;
const datesMessage = { path: ["endsOn"], message: t.validation.tracking.datesOrder };

export const createInstrumentSchema = instrumentFields.extend({ articulationObjectiveId: id }).refine(datesInOrder, datesMessage);
export const updateInstrumentSchema = instrumentFields.extend({ id, version }).refine(datesInOrder, datesMessage);
export const deleteInstrumentSchema = z.object({ id, version });
export type CreateInstrumentInput = z.infer<typeof createInstrumentSchema>;
export type UpdateInstrumentInput = z.infer<typeof updateInstrumentSchema>;

const catalogueName = z
  .string({ error: t.validation.form.nameRequired })
  .trim()
  .min(3, t.validation.tracking.catalogueNameShort)
  .max(FIELD_LIMITS.catalogueName, t.validation.form.maxLength(t.validation.form.name, FIELD_LIMITS.catalogueName));
export const secretariatSchema = z.object({ name: catalogueName });
export const updateSecretariatSchema = secretariatSchema.extend({ id, version });
export const counterpartSchema = z.object({
  name: catalogueName,
  type: z.enum(COUNTERPART_TYPE_CODES, { error: t.validation.tracking.counterpartType }),
});
export const updateCounterpartSchema = counterpartSchema.extend({ id, version });
export const deleteCatalogueEntrySchema = z.object({ id, version });
