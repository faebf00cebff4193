import { z } from "zod";
import { t } from "@/lib/i18n";
import { day, progressSchema, statusSchema } from "@/lib/tracking/tracking-schemas";
import { REPORT_STATES } from "./report-status";

const id = z.coerce.number({ error: t.validation.form.idMissing }).int().positive();
const version = z.coerce.number({ error: t.validation.form.versionMissing }).int().min(1);
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Form checkboxes arrive as nothing, one value or several. */
export const idListSchema = z
  .preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.coerce.number().int().positive()),
  )
  .transform((ids) => [...new Set(ids)]);

export const userSecretariatsSchema = z.object({
  userId: id,
  secretariatIds: idListSchema.pipe(z.array(z.number()).max(20, t.accountability.tooManySecretariats)),
});

const periodFields = z
  .object({
    name: z
      .string({ error: t.accountability.periodNameRequired })
      .trim()
      .min(2, t.accountability.periodNameRequired)
      .max(120, t.accountability.periodNameLong),
    startsOn: day(t.accountability.startsOn),
    endsOn: day(t.accountability.endsOn),
    dueOn: day(t.accountability.dueOn),
    open: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], message: t.accountability.endsBeforeStart })
  .refine((v) => v.dueOn >= v.startsOn, { path: ["dueOn"], message: t.accountability.dueBeforeStart });

export const createPeriodSchema = periodFields;
export type PeriodInput = z.infer<typeof createPeriodSchema>;
export const updatePeriodSchema = z.intersection(periodFields, z.object({ periodId: id, version }));

export const submitReportSchema = z.object({
  periodId: id,
  initiativeId: id,
  /** 0 for a first report; the row's version when correcting or resubmitting. */
  version: z.coerce.number({ error: t.validation.form.versionMissing }).int().min(0),
  progressStatus: statusSchema,
  progress: z.preprocess(blankToUndefined, progressSchema.optional()),
  note: z
    .string({ error: t.validation.tracking.noteRequired })
    .trim()
    .min(3, t.validation.tracking.noteShort)
    .max(5_000, t.validation.tracking.noteLong),
  evidenceUrl: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: t.accountability.evidenceUrl })
      .max(2_000, t.accountability.evidenceUrl)
      .optional(),
  ),
});
export type SubmitReportInput = z.infer<typeof submitReportSchema>;

export const returnReportSchema = z.object({
  reportId: id,
  version,
  reason: z
    .string({ error: t.accountability.reasonRequired })
    .trim()
    .min(3, t.accountability.reasonRequired)
    .max(2_000, t.accountability.reasonLong),
});

/** Bulk approval: each ticked report as "id:version", so a report changed since the page loaded is not approved blind. */
export const approveReportsSchema = z.object({
  reports: z
    .preprocess(
      (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
      z.array(
        z
          .string()
          .regex(/^\d+:\d+$/, t.accountability.noneChosen)
          .transform((pair) => {
            const [reportId, version] = pair.split(":").map(Number) as [number, number];
            return { reportId, version };
          }),
      ),
    )
    .pipe(
      z
        .array(z.object({ reportId: z.number(), version: z.number() }))
        .min(1, t.accountability.noneChosen)
        .max(200, t.accountability.tooMany),
    ),
});

export const reportStateSchema = z.enum(REPORT_STATES);
