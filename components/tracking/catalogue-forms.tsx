"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { COUNTERPART_TYPES } from "@/lib/tracking/counterpart-types";
import { Field, FormMessage, Select, SubmitButton, TextInput } from "@/components/ui/form-controls";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

function TypeSelect(props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; defaultValue?: string }) {
  return (
    <Select {...props} name="type" defaultValue={props.defaultValue ?? ""}>
      <option value="">{t.catalogues.chooseType}</option>
      {Object.entries(COUNTERPART_TYPES).map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </Select>
  );
}

/** Adds a secretariat (kind "secretaria") or a counterpart actor (kind "actor", with its type). */
export function CreateCatalogueEntryForm({ kind, action }: { kind: "secretaria" | "actor"; action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form
      action={submit}
      className={`mt-3 grid gap-3 md:items-end ${kind === "actor" ? "md:grid-cols-[2fr_1fr_auto]" : "md:grid-cols-[1fr_auto]"}`}
    >
      <Field name={`nuevo-${kind}-nombre`} label={t.catalogues.name} errors={state.fieldErrors?.name}>
        {(props) => <TextInput {...props} name="name" defaultValue={values.name} required maxLength={200} />}
      </Field>
      {kind === "actor" && (
        <Field name={`nuevo-${kind}-tipo`} label={t.catalogues.type} errors={state.fieldErrors?.type}>
          {(props) => <TypeSelect {...props} defaultValue={values.type} />}
        </Field>
      )}
      <SubmitButton>{t.catalogues.add}</SubmitButton>
      <div className={kind === "actor" ? "md:col-span-3" : "md:col-span-2"}>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

interface RowProps {
  kind: "secretaria" | "actor";
  entry: { id: number; name: string; version: number; uses: number; type?: string };
  update: Action;
  remove: Action;
}

export function CatalogueEntryRow({ kind, entry, update, remove }: RowProps) {
  const [updateState, submitUpdate] = useActionState(update, { status: "idle" });
  const [removeState, submitRemove] = useActionState(remove, { status: "idle" });
  const last = removeState.status !== "idle" ? removeState : updateState;
  const prefix = `${kind}-${entry.id}`;
  return (
    <div className="space-y-2 py-3" data-testid={`catalogue-${prefix}`}>
      <div className="flex flex-wrap items-end gap-3">
        <form action={submitUpdate} className="flex flex-1 flex-wrap items-end gap-3">
          <input type="hidden" name="id" value={entry.id} />
          <input type="hidden" name="version" value={entry.version} />
          <div className="min-w-64 flex-1">
            <Field name={`${prefix}-nombre`} label={t.catalogues.name} errors={updateState.fieldErrors?.name}>
              {(props) => <TextInput {...props} name="name" defaultValue={entry.name} required maxLength={200} />}
            </Field>
          </div>
          {kind === "actor" && (
            <div className="min-w-56">
              <Field name={`${prefix}-tipo`} label={t.catalogues.type} errors={updateState.fieldErrors?.type}>
                {(props) => <TypeSelect {...props} defaultValue={entry.type} />}
              </Field>
            </div>
          )}
          <SubmitButton variant="secondary">{t.catalogues.save}</SubmitButton>
        </form>
        <span className="pb-2 text-sm text-slate-700">{t.catalogues.uses(entry.uses)}</span>
        {entry.uses === 0 && (
          <form
            action={submitRemove}
            onSubmit={(event) => {
              if (!window.confirm(t.catalogues.confirmRemove(entry.name))) event.preventDefault();
            }}
          >
            <input type="hidden" name="id" value={entry.id} />
            <input type="hidden" name="version" value={entry.version} />
            <SubmitButton variant="danger">{t.catalogues.remove}</SubmitButton>
          </form>
        )}
      </div>
      <FormMessage status={last.status} message={last.message} />
    </div>
  );
}
