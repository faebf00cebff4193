"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, TextInput } from "@/components/ui/form-controls";
import type { ActionState } from "@/lib/actions/form-action";
import { forms } from "@/lib/i18n/es/forms";
import { planner } from "@/lib/i18n/es/planner";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { forms, planner } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export function PortalSettingsForm({ settings, action }: { settings: { minCoverage: number; version: number }; action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  return (
    <form action={submit} className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="version" value={settings.version} />
      <Field name="minCoverage" label={t.planner.minCoverageLabel} hint={t.planner.minCoverageHint} errors={state.fieldErrors?.minCoverage}>
        {(props) => (
          <TextInput
            {...props}
            name="minCoverage"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            required
            defaultValue={state.status === "error" ? (state.values?.minCoverage ?? settings.minCoverage) : settings.minCoverage}
          />
        )}
      </Field>
      <SubmitButton>{t.forms.save}</SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
