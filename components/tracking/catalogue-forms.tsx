"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { catalogues } from "@/lib/i18n/es/catalogues";
import { forms } from "@/lib/i18n/es/forms";
import { FIELD_LIMITS } from "@/lib/text/field-limits";
import { COUNTERPART_TYPES } from "@/lib/tracking/counterpart-types";
import { Field, FormMessage, RowNameField, Select, SubmitButton, TextInput } from "@/components/ui/form-controls";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { catalogues, forms } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

function TypeSelect(props: {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
  "aria-label"?: string;
  defaultValue?: string;
}) {
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

/**
 * One entry per row, laid out the same whether or not it can be removed: on a
 * phone the fields take the full width with the actions on a line below; from
 * `md` up a grid with fixed action columns keeps every row's fields equally wide.
 * The update form is `display: contents` there so its button joins the row's grid.
 */
export function CatalogueEntryRow({ kind, entry, update, remove }: RowProps) {
  const [updateState, submitUpdate] = useActionState(update, { status: "idle" });
  const [removeState, submitRemove] = useActionState(remove, { status: "idle" });
  const last = removeState.status !== "idle" ? removeState : updateState;
  const prefix = `${kind}-${entry.id}`;
  const columns =
    kind === "actor"
      ? "md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_7.5rem_4.5rem_7.5rem]"
      : "md:grid-cols-[minmax(0,1fr)_7.5rem_4.5rem_7.5rem]";
  return (
    <div className="space-y-2 py-3" data-testid={`catalogue-${prefix}`}>
      <div className={`grid grid-cols-[auto_auto_minmax(0,1fr)] items-center gap-x-3 gap-y-2 md:items-end ${columns}`}>
        <form action={submitUpdate} className="contents">
          <input type="hidden" name="id" value={entry.id} />
          <input type="hidden" name="version" value={entry.version} />
          <div className="col-span-full md:col-span-1">
            <RowNameField
              id={`${prefix}-nombre`}
              label={t.catalogues.name}
              entry={entry.name}
              maxLength={FIELD_LIMITS.catalogueName}
              errors={updateState.fieldErrors?.name}
            />
          </div>
          {kind === "actor" && (
            <div className="col-span-full md:col-span-1">
              <Field name={`${prefix}-tipo`} label={t.catalogues.type} errors={updateState.fieldErrors?.type}>
                {(props) => <TypeSelect {...props} aria-label={t.forms.fieldOf(t.catalogues.type, entry.name)} defaultValue={entry.type} />}
              </Field>
            </div>
          )}
          <div className="md:grid">
            <SubmitButton variant="secondary">
              {t.catalogues.save}
              <span className="sr-only"> {t.forms.entry(entry.name)}</span>
            </SubmitButton>
          </div>
        </form>
        <span className="text-sm whitespace-nowrap text-slate-700 md:pb-2">{t.catalogues.uses(entry.uses)}</span>
        {entry.uses === 0 && (
          <form
            action={submitRemove}
            onSubmit={(event) => {
              if (!window.confirm(t.catalogues.confirmRemove(entry.name))) event.preventDefault();
            }}
            className="md:grid"
          >
            <input type="hidden" name="id" value={entry.id} />
            <input type="hidden" name="version" value={entry.version} />
            <SubmitButton variant="danger">
              {t.catalogues.remove}
              <span className="sr-only"> {t.forms.entry(entry.name)}</span>
            </SubmitButton>
          </form>
        )}
      </div>
      <FormMessage status={last.status} message={last.message} />
    </div>
  );
}
