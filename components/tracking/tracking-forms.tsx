"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { tracking } from "@/lib/i18n/es/tracking";
import { counterpartTypeLabel } from "@/lib/tracking/counterpart-types";
import { STATUSES } from "@/lib/tracking/statuses";
import { Field, FormMessage, Select, SubmitButton, TextArea, TextInput } from "@/components/ui/form-controls";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { tracking } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/** After an error the form shows what the user typed; after a save, the stored values. */
function useForm(action: Action) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const typed = state.status === "error" ? (state.values ?? {}) : {};
  return { state, submit, typed, errors: state.fieldErrors ?? {} };
}

export function ProgressUpdateForm({
  initiativeId,
  trackingVersion,
  today,
  action,
}: {
  initiativeId: number;
  trackingVersion: number;
  today: string;
  action: Action;
}) {
  const { state, submit, typed, errors } = useForm(action);
  return (
    <form action={submit} className="space-y-4" data-testid="progress-form" noValidate>
      <input type="hidden" name="initiativeId" value={initiativeId} />
      <input type="hidden" name="trackingVersion" value={trackingVersion} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="avance-fecha" label={t.tracking.date} errors={errors.occurredOn}>
          {(props) => <TextInput {...props} type="date" name="occurredOn" max={today} defaultValue={typed.occurredOn ?? today} required />}
        </Field>
        <Field name="avance-estado" label={t.tracking.status} errors={errors.status}>
          {(props) => (
            <Select {...props} name="status" defaultValue={typed.status ?? ""}>
              <option value="">{t.tracking.keepStatus}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t.tracking.statuses[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="avance-porcentaje" label={`${t.tracking.progress} (%)`} errors={errors.progress} hint={t.tracking.progressHint}>
          {(props) => (
            <TextInput
              {...props}
              type="number"
              name="progress"
              min={0}
              max={100}
              step={1}
              inputMode="numeric"
              defaultValue={typed.progress ?? ""}
            />
          )}
        </Field>
      </div>
      <Field name="avance-nota" label={t.tracking.note} errors={errors.note}>
        {(props) => <TextArea {...props} name="note" rows={4} maxLength={5000} required defaultValue={typed.note ?? ""} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t.tracking.post}</SubmitButton>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

interface OwnershipProps {
  initiativeId: number;
  trackingVersion: number;
  secretariats: { id: number; name: string }[];
  leadId: number | null;
  supportingIds: number[];
  action: Action;
}

export function OwnershipForm({ initiativeId, trackingVersion, secretariats, leadId, supportingIds, action }: OwnershipProps) {
  const { state, submit, typed, errors } = useForm(action);
  return (
    <form action={submit} className="space-y-4" data-testid="ownership-form">
      <input type="hidden" name="initiativeId" value={initiativeId} />
      <input type="hidden" name="trackingVersion" value={trackingVersion} />
      <Field name="responsable" label={t.tracking.lead} errors={errors.leadSecretariatId}>
        {(props) => (
          <Select {...props} name="leadSecretariatId" defaultValue={typed.leadSecretariatId ?? (leadId ? String(leadId) : "")}>
            <option value="">{t.tracking.chooseLead}</option>
            {secretariats.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t.tracking.supporting}</legend>
        <ul className="mt-1 grid gap-1 sm:grid-cols-2">
          {secretariats.map((s) => (
            <li key={s.id}>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="supportingSecretariatIds"
                  value={s.id}
                  defaultChecked={supportingIds.includes(s.id)}
                  className="mt-1"
                />
                {s.name}
              </label>
            </li>
          ))}
        </ul>
        {errors.supportingSecretariatIds && <p className="text-sm text-red-800">{errors.supportingSecretariatIds.join(" ")}</p>}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t.tracking.saveOwnership}</SubmitButton>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

interface InstrumentValues {
  id: number;
  version: number;
  mechanismId: number;
  counterpartId: number;
  title: string;
  signedOn: string;
  endsOn: string | null;
  reference: string | null;
}

interface InstrumentFormProps {
  /** Set for a new instrument; absent when editing `instrument`. */
  articulationObjectiveId?: number;
  instrument?: InstrumentValues;
  mechanisms: { id: number; name: string }[];
  counterparts: { id: number; name: string; type: string }[];
  action: Action;
  submitLabel: string;
}

export function InstrumentForm({
  articulationObjectiveId,
  instrument,
  mechanisms,
  counterparts,
  action,
  submitLabel,
}: InstrumentFormProps) {
  const { state, submit, typed, errors } = useForm(action);
  const prefix = instrument ? `instrumento-${instrument.id}` : `instrumento-nuevo-${articulationObjectiveId}`;
  const value = (key: keyof InstrumentValues) => typed[key] ?? (instrument?.[key] != null ? String(instrument[key]) : "");
  return (
    <form action={submit} className="grid gap-3 sm:grid-cols-2" data-testid={`${prefix}-form`} noValidate>
      {instrument ? (
        <>
          <input type="hidden" name="id" value={instrument.id} />
          <input type="hidden" name="version" value={instrument.version} />
        </>
      ) : (
        <input type="hidden" name="articulationObjectiveId" value={articulationObjectiveId} />
      )}
      <Field name={`${prefix}-tipo`} label={t.tracking.instrumentType} errors={errors.mechanismId}>
        {(props) => (
          <Select {...props} name="mechanismId" defaultValue={value("mechanismId")}>
            <option value="">{t.tracking.chooseType}</option>
            {mechanisms.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name={`${prefix}-contraparte`} label={t.tracking.counterpart} errors={errors.counterpartId}>
        {(props) => (
          <Select {...props} name="counterpartId" defaultValue={value("counterpartId")}>
            <option value="">{t.tracking.chooseCounterpart}</option>
            {counterparts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({counterpartTypeLabel(c.type)})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="sm:col-span-2">
        <Field name={`${prefix}-titulo`} label={t.tracking.instrumentTitle} errors={errors.title}>
          {(props) => <TextInput {...props} name="title" maxLength={500} defaultValue={value("title")} required />}
        </Field>
      </div>
      <Field name={`${prefix}-firma`} label={t.tracking.signedOn} errors={errors.signedOn}>
        {(props) => <TextInput {...props} type="date" name="signedOn" defaultValue={value("signedOn")} required />}
      </Field>
      <Field name={`${prefix}-fin`} label={t.tracking.endsOn} errors={errors.endsOn}>
        {(props) => <TextInput {...props} type="date" name="endsOn" defaultValue={value("endsOn")} />}
      </Field>
      <div className="sm:col-span-2">
        <Field name={`${prefix}-referencia`} label={t.tracking.reference} errors={errors.reference}>
          {(props) => <TextInput {...props} name="reference" maxLength={500} defaultValue={value("reference")} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton>{submitLabel}</SubmitButton>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

export function DeleteInstrumentButton({ id, version, action }: { id: number; version: number; action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  return (
    <form
      action={submit}
      onSubmit={(event) => {
        if (!window.confirm(t.tracking.confirmDelete)) event.preventDefault();
      }}
      className="flex flex-wrap items-center gap-3"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton variant="danger">{t.tracking.deleteInstrument}</SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
