"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import type { InitiativeSnapshot, SavedInitiativeResult as Saved } from "@/lib/initiatives/initiative-schema";
import { snapshotToInput } from "@/lib/initiatives/snapshot-input";
import { FIELD_LIMITS } from "@/lib/text/field-limits";
import { editing } from "@/lib/i18n/es/editing";
import { forms } from "@/lib/i18n/es/forms";
import { initiative } from "@/lib/i18n/es/initiative";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Select, TextArea } from "@/components/ui/form-controls";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { editing, forms, initiative } as const;

type Action = (state: ActionState<Saved>, data: FormData) => Promise<ActionState<Saved>>;

interface Objective {
  key: number;
  /** The stored row, for objectives loaded from the database. */
  id?: number;
  text: string;
  mechanismIds: number[];
}

interface Props {
  id?: number;
  version?: number;
  initial: { name: string; managementObjectiveCode: string; articulationObjectives: Omit<Objective, "key">[] };
  objectives: { code: string; title: string }[];
  mechanisms: { id: number; name: string }[];
  action: Action;
}

export function InitiativeEditor({ id, version: loadedVersion, initial, objectives, mechanisms, action }: Props) {
  const router = useRouter();
  const [name, setName] = useState(initial.name);
  const [objectiveCode, setObjectiveCode] = useState(initial.managementObjectiveCode);
  // Keys count per editor from the loaded list, so the server and the browser render the same field ids.
  const lastKey = useRef(initial.articulationObjectives.length);
  const withKeys = (list: Omit<Objective, "key">[]) => list.map((o) => ({ ...o, key: ++lastKey.current }));
  const [items, setItems] = useState<Objective[]>(() => initial.articulationObjectives.map((o, index) => ({ ...o, key: index + 1 })));
  const [version, setVersion] = useState(loadedVersion);
  const [dirty, setDirty] = useState(false);
  const [state, submit] = useActionState(action, { status: "idle" });
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  const conflict = state.status === "error" && state.data && "conflict" in state.data ? state.data.conflict : null;
  const mechanismName = new Map(mechanisms.map((m) => [m.id, m.name]));

  useEffect(() => {
    if (state.status === "success" && state.data && "id" in state.data) {
      setDirty(false);
      // The page it leads to says so: «Cambios guardados», announced to screen readers.
      router.push(`/iniciativas/${state.data.id}?guardado=${id ? "cambios" : "nueva"}`);
    }
  }, [state, router, id]);

  const change = (update: () => void) => {
    update();
    setDirty(true);
  };
  const updateItem = (key: number, patch: Partial<Objective>) =>
    change(() => setItems((list) => list.map((o) => (o.key === key ? { ...o, ...patch } : o))));
  const move = (index: number, delta: number) =>
    change(() =>
      setItems((list) => {
        const copy = [...list];
        const [item] = copy.splice(index, 1);
        copy.splice(index + delta, 0, item!);
        return copy;
      }),
    );

  const payload = JSON.stringify({
    ...(id ? { id, version } : {}),
    name,
    managementObjectiveCode: objectiveCode,
    articulationObjectives: items.map(({ id: objectiveId, text, mechanismIds }) => ({
      ...(objectiveId ? { id: objectiveId } : {}),
      text,
      mechanismIds,
    })),
  });

  function keepStored() {
    if (!conflict) return;
    setName(conflict.current.name);
    setObjectiveCode(conflict.current.managementObjectiveCode);
    setItems(withKeys(snapshotToInput(conflict.current).articulationObjectives));
    setVersion(conflict.currentVersion);
    setDirty(false);
  }

  function overwrite() {
    if (!conflict) return;
    setVersion(conflict.currentVersion);
    // The next render carries the new version in the payload; submit after it.
    setTimeout(() => form.current?.requestSubmit(), 0);
  }

  return (
    // data-dirty: leaving the page asks first (UnsavedChangesGuard), also after a refused save.
    <form
      ref={form}
      action={(data) => startTransition(() => submit(data))}
      className="space-y-6"
      noValidate
      data-dirty={dirty && state.status !== "success" ? "true" : undefined}
    >
      <input type="hidden" name="payload" value={payload} />
      <FormMessage status={state.status} message={state.message} />
      {errors._ && <p className="text-sm text-red-800">{errors._.join(" ")}</p>}

      {conflict && (
        <section
          aria-labelledby="conflicto"
          className="space-y-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-4"
          data-testid="conflict"
        >
          <h2 id="conflicto" className="font-semibold text-amber-950">
            {t.editing.conflictTitle}
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            <SnapshotView
              title={t.editing.yours}
              snapshot={{
                name,
                managementObjectiveCode: objectiveCode,
                archived: false,
                articulationObjectives: items.map((o) => ({
                  text: o.text,
                  mechanisms: o.mechanismIds.map((m) => ({ id: m, name: mechanismName.get(m) ?? String(m) })),
                })),
              }}
            />
            <SnapshotView title={t.editing.stored} snapshot={conflict.current} />
          </div>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" onClick={keepStored}>
              {t.editing.keepStored}
            </Button>
            <Button variant="danger" size="sm" onClick={overwrite}>
              {t.editing.overwrite}
            </Button>
          </div>
        </section>
      )}

      <Field name="name" id="nombre" label={t.editing.name} errors={errors.name}>
        {(props) => (
          <TextArea
            {...props}
            value={name}
            rows={2}
            maxLength={FIELD_LIMITS.initiativeName}
            onChange={(e) => change(() => setName(e.target.value))}
          />
        )}
      </Field>

      <Field name="managementObjectiveCode" id="objetivo" label={t.editing.objective} errors={errors.managementObjectiveCode}>
        {(props) => (
          <Select {...props} value={objectiveCode} onChange={(e) => change(() => setObjectiveCode(e.target.value))}>
            {/* A new initiative starts without one: a forgotten choice must be an error, not objective 1.1. */}
            {!objectiveCode && (
              <option value="" disabled>
                {t.editing.chooseObjective}
              </option>
            )}
            {objectives.map((o) => (
              <option key={o.code} value={o.code}>
                {o.code} {o.title.length > 110 ? `${o.title.slice(0, 109)}…` : o.title}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">{t.initiative.articulationObjectives}</legend>
        {errors.articulationObjectives && <p className="text-sm text-red-800">{errors.articulationObjectives.join(" ")}</p>}
        {items.map((item, index) => {
          const textId = `ao-${item.key}`;
          const textErrors = errors[`articulationObjectives.${index}.text`];
          return (
            <div key={item.key} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="objective-editor">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <label htmlFor={textId} className="text-sm font-semibold text-brand-700">
                  {t.initiative.objectiveNumber(index + 1)}
                </label>
                <div className="flex gap-1 text-sm">
                  <button
                    type="button"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50"
                  >
                    {t.editing.moveUp}
                    <span className="sr-only"> {t.initiative.objectiveNumber(index + 1)}</span>
                  </button>
                  <button
                    type="button"
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 1)}
                    className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50"
                  >
                    {t.editing.moveDown}
                    <span className="sr-only"> {t.initiative.objectiveNumber(index + 1)}</span>
                  </button>
                  <button
                    type="button"
                    disabled={items.length === 1}
                    onClick={() => change(() => setItems((list) => list.filter((o) => o.key !== item.key)))}
                    className="rounded border border-red-300 px-2 py-1 text-red-800 disabled:opacity-50"
                  >
                    {t.editing.remove}
                    <span className="sr-only"> {t.initiative.objectiveNumber(index + 1)}</span>
                  </button>
                </div>
              </div>
              <TextArea
                id={textId}
                value={item.text}
                rows={3}
                maxLength={FIELD_LIMITS.articulationObjective}
                onChange={(e) => updateItem(item.key, { text: e.target.value })}
                aria-invalid={!!textErrors}
                aria-describedby={textErrors ? `${textId}-error` : undefined}
              />
              {textErrors && (
                <p id={`${textId}-error`} className="text-sm text-red-800">
                  {textErrors.join(" ")}
                </p>
              )}
              <fieldset>
                <legend className="text-xs font-semibold uppercase tracking-wide text-slate-700">{t.initiative.mechanisms}</legend>
                <div className="mt-1 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
                  {mechanisms.map((m) => (
                    <label key={m.id} className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={item.mechanismIds.includes(m.id)}
                        onChange={(e) =>
                          updateItem(item.key, {
                            mechanismIds: e.target.checked ? [...item.mechanismIds, m.id] : item.mechanismIds.filter((x) => x !== m.id),
                          })
                        }
                      />
                      {m.name}
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
          );
        })}
        <Button
          variant="secondary"
          size="sm"
          onClick={() => change(() => setItems((list) => [...list, { key: ++lastKey.current, text: "", mechanismIds: [] }]))}
        >
          {t.editing.addObjective}
        </Button>
      </fieldset>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t.forms.saving : t.forms.save}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            if (!dirty || window.confirm(t.editing.discardConfirm)) router.push(id ? `/iniciativas/${id}` : "/iniciativas");
          }}
        >
          {t.forms.cancel}
        </Button>
      </div>
    </form>
  );
}

function SnapshotView({ title, snapshot }: { title: string; snapshot: InitiativeSnapshot }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-3 text-sm">
      <h3 className="font-semibold text-slate-900">{title}</h3>
      <p className="mt-1 font-medium">{snapshot.name}</p>
      <p className="text-slate-700">{snapshot.managementObjectiveCode}</p>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        {snapshot.articulationObjectives.map((o, i) => (
          <li key={i}>
            {o.text} <span className="text-slate-600">({o.mechanisms.map((m) => m.name).join(", ") || "—"})</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
