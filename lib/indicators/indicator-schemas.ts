import { z } from "zod";
import { t } from "@/lib/i18n";
import { day } from "@/lib/tracking/tracking-schemas";
import { todayInQuito } from "@/lib/tracking/days";
import { PLAN_LAST_YEAR, PLAN_YEARS } from "./indicator-math";

/** One schema per form; the server actions and tests share them. */

const id = z.coerce.number({ error: t.validation.form.idMissing }).int().positive();
const version = z.coerce.number({ error: t.validation.form.versionMissing }).int().min(1);
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = (max: number, message: string) => z.string({ error: message }).trim().min(3, message).max(max, message);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, t.indicators.textLong).optional());

/** A decimal as typed in Ecuador ("12,5") or with a point; blank is "not given". */
const decimal = z
  .string({ error: t.indicators.numberInvalid })
  .trim()
  .regex(/^-?\d{1,12}([.,]\d{1,6})?$/, t.indicators.numberInvalid)
  .transform((v) => Number(v.replace(",", ".")));
const optionalDecimal = z.preprocess(blankToUndefined, decimal.optional());

export const targetField = (year: number) => `target${year}` as const;

const targetFields = Object.fromEntries(PLAN_YEARS.map((year) => [targetField(year), optionalDecimal])) as Record<
  ReturnType<typeof targetField>,
  typeof optionalDecimal
>;

const indicatorFields = z.object({
  name: text(300, t.indicators.nameRequired),
  unit: z.string({ error: t.indicators.unitRequired }).trim().min(1, t.indicators.unitRequired).max(50, t.indicators.textLong),
  direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"], { error: t.indicators.directionInvalid }),
  baselineYear: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: t.indicators.yearInvalid })
      .int(t.indicators.yearInvalid)
      .min(2000, t.indicators.yearInvalid)
      .max(PLAN_LAST_YEAR, t.indicators.yearInvalid)
      .optional(),
  ),
  baselineValue: optionalDecimal,
  dataSource: optionalText(500),
  secretariatId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  ...targetFields,
});

const targetOf = (input: object, year: number) => (input as Record<string, number | undefined>)[targetField(year)];

/** The form's target fields as a list of { year, value }. */
const withTargets = <T extends z.infer<typeof indicatorFields>>(input: T) => ({
  ...input,
  targets: PLAN_YEARS.flatMap((year) => {
    const value = targetOf(input, year);
    return value === undefined ? [] : [{ year, value }];
  }),
});

const indicatorRules = <S extends z.ZodType<z.infer<typeof indicatorFields>>>(schema: S) =>
  schema
    .refine((v) => (v.baselineYear === undefined) === (v.baselineValue === undefined), {
      path: ["baselineValue"],
      message: t.indicators.baselinePair,
    })
    .refine((v) => PLAN_YEARS.some((year) => targetOf(v, year) !== undefined), {
      path: [targetField(PLAN_YEARS[0]!)],
      message: t.indicators.targetsRequired,
    });

export const createIndicatorSchema = indicatorRules(indicatorFields.extend({ initiativeId: id })).transform(withTargets);
export const updateIndicatorSchema = indicatorRules(indicatorFields.extend({ id, version })).transform(withTargets);
export type CreateIndicatorInput = z.output<typeof createIndicatorSchema>;
export type UpdateIndicatorInput = z.output<typeof updateIndicatorSchema>;
export type IndicatorInput = Omit<CreateIndicatorInput, "initiativeId">;

const measurementFields = z.object({
  measuredOn: day(t.indicators.measuredOn).refine((value) => value <= todayInQuito(), t.indicators.futureDate),
  value: decimal,
  note: optionalText(5_000),
  explanation: optionalText(5_000),
  evidenceUrl: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: t.indicators.urlInvalid })
      .max(2_000, t.indicators.textLong)
      .optional(),
  ),
});
export const measurementSchema = measurementFields.extend({
  indicatorId: id,
  /** The indicator's version the writer saw: a measurement recorded meanwhile makes this one conflict. */
  version,
});
export type MeasurementInput = z.output<typeof measurementSchema>;
/** A correction of a measurement, over the measurement's own version. */
export const updateMeasurementSchema = measurementFields.extend({ id, version });
export type UpdateMeasurementInput = z.output<typeof updateMeasurementSchema>;
export const deleteMeasurementSchema = z.object({ id, version });
export type DeleteMeasurementInput = z.output<typeof deleteMeasurementSchema>;

const milestoneFields = z.object({
  title: text(300, t.indicators.milestoneTitleRequired),
  plannedOn: day(t.indicators.plannedOn),
  achievedOn: z.preprocess(blankToUndefined, day(t.indicators.achievedOn).optional()),
  state: z.enum(["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"], { error: t.indicators.stateInvalid }),
});
const milestoneRules = <S extends z.ZodType<z.infer<typeof milestoneFields>>>(schema: S) =>
  schema.refine((v) => v.state !== "DONE" || v.achievedOn !== undefined, { path: ["achievedOn"], message: t.indicators.achievedRequired });

export const createMilestoneSchema = milestoneRules(milestoneFields.extend({ initiativeId: id }));
export const updateMilestoneSchema = milestoneRules(milestoneFields.extend({ id, version }));
export type MilestoneInput = z.infer<typeof milestoneFields>;

const percent = z
  .string({ error: t.indicators.thresholdInvalid })
  .trim()
  .regex(/^\d{1,3}([.,]\d{1,2})?$/, t.indicators.thresholdInvalid)
  .transform((v) => Number(v.replace(",", ".")))
  .pipe(z.number().max(100, t.indicators.thresholdInvalid));

export const thresholdsSchema = z
  .object({ version: z.coerce.number().int().min(0), onTrackPercent: percent, atRiskPercent: percent })
  .refine((v) => v.atRiskPercent < v.onTrackPercent, { path: ["atRiskPercent"], message: t.indicators.thresholdOrder });
export type ThresholdsInput = z.infer<typeof thresholdsSchema>;
