"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { forms } from "@/lib/i18n/es/forms";
import { mechanismAdmin } from "@/lib/i18n/es/mechanism-admin";
import { FIELD_LIMITS } from "@/lib/text/field-limits";
import { Field, FormMessage, RowNameField, Select, SubmitButton, TextInput } from "@/components/ui/form-controls";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { forms, mechanismAdmin } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export function CreateMechanismForm({ action }: { action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form
      action={submit}
      className="mt-3 grid gap-3 md:grid-cols-[1fr_2fr_auto] md:items-end"
      key={state.status === "success" ? state.message : "nuevo"}
    >
      <Field name="nuevo-nombre" label={t.mechanismAdmin.name} errors={state.fieldErrors?.name}>
        {(props) => <TextInput {...props} name="name" defaultValue={values.name} required maxLength={FIELD_LIMITS.mechanismName} />}
      </Field>
      <Field name="nuevo-descripcion" label={t.mechanismAdmin.description} errors={state.fieldErrors?.description}>
        {(props) => (
          <TextInput {...props} name="description" defaultValue={values.description} maxLength={FIELD_LIMITS.mechanismDescription} />
        )}
      </Field>
      <SubmitButton>{t.mechanismAdmin.createSubmit}</SubmitButton>
      <div className="md:col-span-3">
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

interface RowProps {
  mechanism: { id: number; name: string; description: string | null; version: number; uses: number };
  options: { id: number; name: string }[];
  update: Action;
  merge: Action;
}

export function MechanismRow({ mechanism, options, update, merge }: RowProps) {
  const [updateState, submitUpdate] = useActionState(update, { status: "idle" });
  const [mergeState, submitMerge] = useActionState(merge, { status: "idle" });
  const last = mergeState.status !== "idle" ? mergeState : updateState;
  const prefix = `mecanismo-${mechanism.id}`;
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`mechanism-admin-${mechanism.id}`}>
      <p className="text-sm text-slate-700">{t.mechanismAdmin.uses(mechanism.uses)}</p>
      <form action={submitUpdate} className="grid gap-3 md:grid-cols-[1fr_2fr_auto] md:items-end">
        <input type="hidden" name="id" value={mechanism.id} />
        <input type="hidden" name="version" value={mechanism.version} />
        <RowNameField
          id={`${prefix}-nombre`}
          label={t.mechanismAdmin.name}
          entry={mechanism.name}
          maxLength={FIELD_LIMITS.mechanismName}
          errors={updateState.fieldErrors?.name}
        />
        <Field name={`${prefix}-descripcion`} label={t.mechanismAdmin.description} errors={updateState.fieldErrors?.description}>
          {(props) => (
            <TextInput
              {...props}
              aria-label={t.forms.fieldOf(t.mechanismAdmin.description, mechanism.name)}
              name="description"
              defaultValue={mechanism.description ?? ""}
              maxLength={FIELD_LIMITS.mechanismDescription}
            />
          )}
        </Field>
        <SubmitButton variant="secondary">
          {t.forms.save}
          <span className="sr-only"> {t.forms.entry(mechanism.name)}</span>
        </SubmitButton>
      </form>
      <form
        action={submitMerge}
        onSubmit={(event) => {
          if (!window.confirm(t.mechanismAdmin.mergeConfirm(mechanism.name))) event.preventDefault();
        }}
        className="flex flex-wrap items-end gap-2"
      >
        <input type="hidden" name="sourceId" value={mechanism.id} />
        <Field name={`${prefix}-destino`} label={t.mechanismAdmin.mergeInto(mechanism.name)} errors={mergeState.fieldErrors?.targetId}>
          {(props) => (
            <Select {...props} name="targetId" defaultValue="">
              <option value="">{t.mechanismAdmin.choose}</option>
              {options
                .filter((o) => o.id !== mechanism.id)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
            </Select>
          )}
        </Field>
        <SubmitButton variant="danger">
          {t.mechanismAdmin.merge}
          <span className="sr-only"> {t.forms.entry(mechanism.name)}</span>
        </SubmitButton>
      </form>
      <FormMessage status={last.status} message={last.message} />
    </div>
  );
}
