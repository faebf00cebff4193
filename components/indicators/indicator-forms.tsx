"use client";

import { useActionState } from "react";
import { Field, FormMessage, Select, SubmitButton, TextArea, TextInput } from "@/components/ui/form-controls";
import type { ActionState } from "@/lib/actions/form-action";
import { forms } from "@/lib/i18n/es/forms";
import { indicators } from "@/lib/i18n/es/indicators";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { forms, indicators } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/** The plan's years (lib/indicators/indicator-math.ts PLAN_YEARS, which a client component does not import). */
const YEARS = Array.from({ length: 10 }, (_, i) => 2024 + i);

function useForm(action: Action) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const typed = state.status === "error" ? (state.values ?? {}) : {};
  return { state, submit, typed, errors: state.fieldErrors ?? {} };
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

export interface IndicatorFormValues {
  id: number;
  version: number;
  name: string;
  unit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  baselineYear: number | null;
  baselineValue: number | null;
  dataSource: string | null;
  secretariatId: number | null;
  targets: { year: number; value: number }[];
}

export function IndicatorForm({
  initiativeId,
  indicator,
  secretariats,
  action,
}: {
  initiativeId: number;
  indicator?: IndicatorFormValues;
  secretariats: { id: number; name: string }[];
  action: Action;
}) {
  const { state, submit, typed, errors } = useForm(action);
  const prefix = indicator ? `indicador-${indicator.id}` : "indicador-nuevo";
  const stored = (key: keyof IndicatorFormValues) => text(indicator?.[key] as string | number | null | undefined);
  const value = (key: keyof IndicatorFormValues) => typed[key] ?? stored(key);
  const target = (year: number) => typed[`target${year}`] ?? text(indicator?.targets.find((p) => p.year === year)?.value);
  return (
    <form action={submit} className="space-y-4" data-testid={`${prefix}-form`} noValidate>
      {indicator ? (
        <>
          <input type="hidden" name="id" value={indicator.id} />
          <input type="hidden" name="version" value={indicator.version} />
        </>
      ) : (
        <input type="hidden" name="initiativeId" value={initiativeId} />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name={`${prefix}-nombre`} label={t.indicators.name} errors={errors.name}>
          {(props) => <TextInput {...props} name="name" required maxLength={300} defaultValue={value("name")} />}
        </Field>
        <Field name={`${prefix}-unidad`} label={t.indicators.unit} errors={errors.unit}>
          {(props) => <TextInput {...props} name="unit" required maxLength={50} defaultValue={value("unit")} />}
        </Field>
        <Field name={`${prefix}-sentido`} label={t.indicators.direction} errors={errors.direction}>
          {(props) => (
            <Select {...props} name="direction" defaultValue={value("direction") || "HIGHER_IS_BETTER"}>
              <option value="HIGHER_IS_BETTER">{t.indicators.directions.HIGHER_IS_BETTER}</option>
              <option value="LOWER_IS_BETTER">{t.indicators.directions.LOWER_IS_BETTER}</option>
            </Select>
          )}
        </Field>
        <Field name={`${prefix}-secretaria`} label={t.indicators.secretariat} errors={errors.secretariatId}>
          {(props) => (
            <Select {...props} name="secretariatId" defaultValue={value("secretariatId")}>
              <option value="">{t.indicators.noSecretariat}</option>
              {secretariats.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name={`${prefix}-anio-base`} label={t.indicators.baselineYear} errors={errors.baselineYear}>
          {(props) => <TextInput {...props} name="baselineYear" inputMode="numeric" defaultValue={value("baselineYear")} />}
        </Field>
        <Field name={`${prefix}-valor-base`} label={t.indicators.baselineValue} errors={errors.baselineValue}>
          {(props) => <TextInput {...props} name="baselineValue" inputMode="decimal" defaultValue={value("baselineValue")} />}
        </Field>
      </div>
      <Field name={`${prefix}-fuente`} label={t.indicators.dataSource} errors={errors.dataSource}>
        {(props) => <TextInput {...props} name="dataSource" maxLength={500} defaultValue={value("dataSource")} />}
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t.indicators.targets}</legend>
        <p className="text-xs text-slate-600">{t.indicators.targetsHint}</p>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {YEARS.map((year) => (
            <Field key={year} name={`${prefix}-meta-${year}`} label={t.indicators.targetYear(year)} errors={errors[`target${year}`]}>
              {(props) => <TextInput {...props} name={`target${year}`} inputMode="decimal" defaultValue={target(year)} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t.indicators.save}</SubmitButton>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

export interface MeasurementFormValues {
  id: number;
  version: number;
  measuredOn: string;
  value: number;
  note: string | null;
  explanation: string | null;
  evidenceUrl: string | null;
}

/** A new measurement of the indicator, or, given `measurement`, its correction. */
export function MeasurementForm({
  indicatorId,
  version,
  today,
  action,
  measurement,
}: {
  indicatorId: number;
  version: number;
  today: string;
  action: Action;
  measurement?: MeasurementFormValues;
}) {
  const { state, submit, typed, errors } = useForm(action);
  // A correction's own prefix: tests and labels tell the new-measurement form apart from the corrections beside it.
  const prefix = measurement ? `correccion-${measurement.id}` : `medicion-${indicatorId}`;
  const initial = (field: keyof MeasurementFormValues, fallback = "") =>
    typed[field] ?? (measurement ? text(measurement[field]) : fallback);
  return (
    <form action={submit} className="space-y-3" data-testid={`${prefix}-form`} noValidate>
      {measurement ? (
        <>
          <input type="hidden" name="id" value={measurement.id} />
          <input type="hidden" name="version" value={measurement.version} />
        </>
      ) : (
        <>
          <input type="hidden" name="indicatorId" value={indicatorId} />
          <input type="hidden" name="version" value={version} />
        </>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name={`${prefix}-fecha`} label={t.indicators.measuredOn} errors={errors.measuredOn}>
          {(props) => (
            <TextInput {...props} type="date" name="measuredOn" max={today} required defaultValue={initial("measuredOn", today)} />
          )}
        </Field>
        <Field name={`${prefix}-valor`} label={t.indicators.value} errors={errors.value}>
          {(props) => <TextInput {...props} name="value" inputMode="decimal" required defaultValue={initial("value")} />}
        </Field>
        <Field name={`${prefix}-evidencia`} label={t.indicators.evidenceUrl} errors={errors.evidenceUrl}>
          {(props) => <TextInput {...props} type="url" name="evidenceUrl" defaultValue={initial("evidenceUrl")} />}
        </Field>
      </div>
      <Field name={`${prefix}-nota`} label={t.indicators.note} errors={errors.note}>
        {(props) => <TextArea {...props} name="note" rows={2} maxLength={5000} defaultValue={initial("note")} />}
      </Field>
      <Field
        name={`${prefix}-explicacion`}
        label={t.indicators.explanation}
        hint={t.indicators.explanationHint}
        errors={errors.explanation}
      >
        {(props) => <TextArea {...props} name="explanation" rows={2} maxLength={5000} defaultValue={initial("explanation")} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t.indicators.saveMeasurement}</SubmitButton>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

/** Deletes one measurement; the audit keeps what it said. */
export function DeleteMeasurementForm({
  measurement,
  label,
  action,
}: {
  measurement: { id: number; version: number };
  label: string;
  action: Action;
}) {
  const { state, submit } = useForm(action);
  return (
    <form action={submit} className="flex flex-wrap items-center gap-3" data-testid={`borrar-medicion-${measurement.id}`}>
      <input type="hidden" name="id" value={measurement.id} />
      <input type="hidden" name="version" value={measurement.version} />
      <button
        type="submit"
        aria-label={label}
        className="rounded border border-red-700 bg-white px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50"
      >
        {t.indicators.deleteMeasurement}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export interface MilestoneFormValues {
  id: number;
  version: number;
  title: string;
  plannedOn: string;
  achievedOn: string | null;
  state: "PLANNED" | "IN_PROGRESS" | "DONE" | "CANCELLED";
}

export function MilestoneForm({
  initiativeId,
  milestone,
  action,
}: {
  initiativeId: number;
  milestone?: MilestoneFormValues;
  action: Action;
}) {
  const { state, submit, typed, errors } = useForm(action);
  const prefix = milestone ? `hito-${milestone.id}` : "hito-nuevo";
  const value = (key: keyof MilestoneFormValues) => typed[key] ?? text(milestone?.[key]);
  return (
    <form action={submit} className="grid gap-3 sm:grid-cols-2" data-testid={`${prefix}-form`} noValidate>
      {milestone ? (
        <>
          <input type="hidden" name="id" value={milestone.id} />
          <input type="hidden" name="version" value={milestone.version} />
        </>
      ) : (
        <input type="hidden" name="initiativeId" value={initiativeId} />
      )}
      <Field name={`${prefix}-titulo`} label={t.indicators.milestoneTitle} errors={errors.title}>
        {(props) => <TextInput {...props} name="title" required maxLength={300} defaultValue={value("title")} />}
      </Field>
      <Field name={`${prefix}-estado`} label={t.indicators.state} errors={errors.state}>
        {(props) => (
          <Select {...props} name="state" defaultValue={value("state") || "PLANNED"}>
            {(["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"] as const).map((s) => (
              <option key={s} value={s}>
                {t.indicators.states[s]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name={`${prefix}-prevista`} label={t.indicators.plannedOn} errors={errors.plannedOn}>
        {(props) => <TextInput {...props} type="date" name="plannedOn" required defaultValue={value("plannedOn")} />}
      </Field>
      <Field name={`${prefix}-real`} label={t.indicators.achievedOn} errors={errors.achievedOn}>
        {(props) => <TextInput {...props} type="date" name="achievedOn" defaultValue={value("achievedOn")} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton>{t.indicators.saveMilestone}</SubmitButton>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

export function ThresholdsForm({
  thresholds,
  action,
}: {
  thresholds: { onTrackPercent: number; atRiskPercent: number; version: number };
  action: Action;
}) {
  const { state, submit, typed, errors } = useForm(action);
  return (
    <form
      action={submit}
      className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="thresholds-form"
      noValidate
    >
      <h2 className="text-lg font-semibold text-slate-900">{t.indicators.settingsTitle}</h2>
      <input type="hidden" name="version" value={thresholds.version} />
      <Field name="onTrackPercent" label={t.indicators.onTrackLabel} hint={t.indicators.thresholdsHint} errors={errors.onTrackPercent}>
        {(props) => (
          <TextInput
            {...props}
            name="onTrackPercent"
            inputMode="decimal"
            required
            defaultValue={typed.onTrackPercent ?? String(thresholds.onTrackPercent)}
          />
        )}
      </Field>
      <Field name="atRiskPercent" label={t.indicators.atRiskLabel} errors={errors.atRiskPercent}>
        {(props) => (
          <TextInput
            {...props}
            name="atRiskPercent"
            inputMode="decimal"
            required
            defaultValue={typed.atRiskPercent ?? String(thresholds.atRiskPercent)}
          />
        )}
      </Field>
      <SubmitButton>{t.indicators.saveThresholds}</SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
