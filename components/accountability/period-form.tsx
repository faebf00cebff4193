"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import type { PeriodView } from "@/lib/accountability/periods";
import { accountability } from "@/lib/i18n/es/accountability";
import { Field, FormMessage, SubmitButton, TextInput } from "@/components/ui/form-controls";

const t = { accountability } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/** A reporting period's name, dates and whether it takes reports; without `period`, a new one. */
export function PeriodForm({ period, action }: { period?: PeriodView; action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const typed = state.status === "error" ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  const key = period ? `periodo-${period.id}` : "periodo-nuevo";
  return (
    <form action={submit} className="space-y-4" data-testid={key} noValidate>
      {period && <input type="hidden" name="periodId" value={period.id} />}
      {period && <input type="hidden" name="version" value={period.version} />}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field name={`${key}-nombre`} label={t.accountability.periodName} errors={errors.name}>
          {(props) => <TextInput {...props} name="name" maxLength={120} required defaultValue={typed.name ?? period?.name ?? ""} />}
        </Field>
        <Field name={`${key}-inicio`} label={t.accountability.startsOn} errors={errors.startsOn}>
          {(props) => <TextInput {...props} type="date" name="startsOn" required defaultValue={typed.startsOn ?? period?.startsOn ?? ""} />}
        </Field>
        <Field name={`${key}-fin`} label={t.accountability.endsOn} errors={errors.endsOn}>
          {(props) => <TextInput {...props} type="date" name="endsOn" required defaultValue={typed.endsOn ?? period?.endsOn ?? ""} />}
        </Field>
        <Field name={`${key}-limite`} label={t.accountability.dueOn} errors={errors.dueOn}>
          {(props) => <TextInput {...props} type="date" name="dueOn" required defaultValue={typed.dueOn ?? period?.dueOn ?? ""} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="open" defaultChecked={typed.open ? typed.open === "on" : (period?.open ?? true)} />
        {t.accountability.open}
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{period ? t.accountability.savePeriod : t.accountability.createPeriod}</SubmitButton>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}
