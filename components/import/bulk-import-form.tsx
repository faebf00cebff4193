"use client";

import { useActionState, useRef, useState, useTransition } from "react";
import type { ImportPreview } from "@/lib/import/import-preview";
import type { ActionState } from "@/lib/actions/form-action";
import { bulk } from "@/lib/i18n/es/bulk";
import { editing } from "@/lib/i18n/es/editing";
import { initiative } from "@/lib/i18n/es/initiative";
import { planner } from "@/lib/i18n/es/planner";
import { security } from "@/lib/i18n/es/security";
import { FormMessage } from "@/components/ui/form-controls";
import { ApplyButton, RowErrors, UploadField } from "./import-parts";
import { MAX_UPLOAD_BYTES } from "@/lib/import/upload-limit";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { bulk, editing, initiative, planner, security } as const;

type Action = (state: ActionState<ImportPreview>, data: FormData) => Promise<ActionState<ImportPreview>>;
type Decision = "keep" | "overwrite";

export function BulkImportForm({ action }: { action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const [pending, startTransition] = useTransition();
  const [archiveMissing, setArchiveMissing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const preview = state.data;
  // Choices for rows edited in the portal after the export; they belong to one preview.
  const [decisions, setDecisions] = useState<{ fingerprint: string; all: Decision | null; rows: Record<number, Decision> }>({
    fingerprint: "",
    all: null,
    rows: {},
  });
  const current = preview && decisions.fingerprint === preview.fingerprint ? decisions : { fingerprint: "", all: null, rows: {} };
  const stale = preview?.applied ? [] : (preview?.change.filter((c) => c.stale) ?? []);
  const decide = (id: number, decision: Decision) =>
    setDecisions({ fingerprint: preview!.fingerprint, all: null, rows: { ...current.rows, [id]: decision } });
  const decideAll = (decision: Decision) =>
    setDecisions({ fingerprint: preview!.fingerprint, all: decision, rows: Object.fromEntries(stale.map((c) => [c.id, decision])) });

  const [tooLarge, setTooLarge] = useState(false);

  function send(apply: boolean) {
    const file = fileInput.current?.files?.[0];
    // Refused here rather than sent: the server would refuse it anyway, after the upload.
    setTooLarge(!!file && file.size > MAX_UPLOAD_BYTES);
    if (file && file.size > MAX_UPLOAD_BYTES) return;
    const data = new FormData();
    if (file) data.set("file", file);
    if (archiveMissing) data.set("archiveMissing", "si");
    if (apply && preview) {
      data.set("apply", "si");
      data.set("fingerprint", preview.fingerprint);
      if (current.all) data.set("staleAll", current.all);
      else for (const [id, decision] of Object.entries(current.rows)) data.append(decision, id);
    }
    startTransition(() => submit(data));
  }

  const canApply =
    preview && !preview.applied && preview.errors.length === 0 && preview.add.length + preview.change.length + preview.archive.length > 0;

  return (
    <div className="space-y-6">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send(false);
        }}
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <UploadField
          id="archivo"
          inputRef={fileInput}
          label={t.bulk.file}
          hint={t.bulk.fileHint}
          accept=".csv,.xlsx,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          error={tooLarge ? t.security.bodyTooLarge : state.fieldErrors?.file?.join(" ")}
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={archiveMissing} onChange={(e) => setArchiveMissing(e.target.checked)} />
          {t.bulk.archiveMissing}
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-70"
        >
          {pending ? t.bulk.working : t.bulk.review}
        </button>
      </form>

      <FormMessage status={state.status} message={state.message} />

      {preview && (
        <section aria-labelledby="revision" className="space-y-4" data-testid="import-preview">
          <h2 id="revision" className="text-lg font-semibold">
            {preview.applied ? t.bulk.appliedTitle : t.bulk.previewTitle}
          </h2>
          <p className="text-sm" data-testid="import-summary">
            {t.bulk.summary(preview.add.length, preview.change.length, preview.archive.length, preview.unchanged)}
            {t.planner.summaryExtra(preview.warnings.length, stale.length) &&
              ` · ${t.planner.summaryExtra(preview.warnings.length, stale.length)}`}
          </p>
          {preview.unversioned && !preview.applied && (
            <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t.planner.unversioned}</p>
          )}
          <RowErrors errors={preview.errors} testId="import-errors" />
          {preview.warnings.length > 0 && !preview.applied && (
            <div className="rounded border border-amber-300 bg-amber-50 p-3">
              <h3 className="font-semibold text-amber-900">{t.planner.warningsTitle}</h3>
              <p className="text-sm text-amber-900">{t.planner.warningsIntro}</p>
              <ul className="mt-1 list-disc pl-5 text-sm text-amber-900" data-testid="import-warnings">
                {preview.warnings.map((w) => (
                  <li key={`${w.line}:${w.message}`}>{t.bulk.rowError(w.line, w.message)}</li>
                ))}
              </ul>
            </div>
          )}
          {stale.length > 0 && (
            <div className="space-y-2 rounded border border-red-300 bg-white p-3" data-testid="import-stale">
              <h3 className="font-semibold text-red-900">{t.planner.staleTitle}</h3>
              <p className="text-sm text-slate-800">{t.planner.staleIntro}</p>
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  aria-pressed={current.all === "keep"}
                  onClick={() => decideAll("keep")}
                  className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium aria-pressed:bg-slate-200"
                >
                  {t.planner.allKeep}
                </button>
                <button
                  type="button"
                  aria-pressed={current.all === "overwrite"}
                  onClick={() => decideAll("overwrite")}
                  className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium aria-pressed:bg-slate-200"
                >
                  {t.planner.allOverwrite}
                </button>
              </div>
            </div>
          )}
          {preview.add.length > 0 && (
            <div>
              <h3 className="font-semibold">{t.bulk.toAdd}</h3>
              <ul className="list-disc pl-5 text-sm">
                {preview.add.map((a) => (
                  <li key={`${a.line}:${a.name}`}>
                    {a.managementObjectiveCode} · {a.name}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.change.length > 0 && (
            <div>
              <h3 className="font-semibold">{t.bulk.toChange}</h3>
              <ul className="space-y-2 text-sm">
                {preview.change.map((c) => (
                  <li key={c.id} className="rounded bg-white p-2 ring-1 ring-slate-200">
                    <span className="font-medium">
                      {c.id} · {c.name}
                    </span>
                    <ul className="list-disc pl-5">
                      {c.changes.map((change) => (
                        <li key={describeChange(change)}>{describeChange(change)}</li>
                      ))}
                    </ul>
                    {c.stale && !preview.applied && (
                      <fieldset className="mt-2 space-y-1 rounded border border-red-200 bg-red-50 p-2" data-testid="stale-row">
                        <legend className="px-1 font-semibold text-red-900">
                          {t.planner.staleBadge(c.stale.fileVersion, c.stale.currentVersion)}
                        </legend>
                        <p className="sr-only">{t.planner.staleChoice(c.name)}</p>
                        {(["keep", "overwrite"] as const).map((decision) => (
                          <label key={decision} className="flex items-center gap-2">
                            <input
                              type="radio"
                              name={`decision-${c.id}`}
                              checked={current.rows[c.id] === decision}
                              onChange={() => decide(c.id, decision)}
                            />
                            {decision === "keep" ? t.planner.keepPortal : t.planner.overwriteWithFile}
                          </label>
                        ))}
                      </fieldset>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.archive.length > 0 && (
            <div>
              <h3 className="font-semibold">{t.bulk.toArchive}</h3>
              <ul className="list-disc pl-5 text-sm">
                {preview.archive.map((a) => (
                  <li key={a.id}>
                    {a.id} · {a.name}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {canApply && <ApplyButton pending={pending} onApply={() => send(true)} />}
        </section>
      )}
    </div>
  );
}

function describeChange(change: ImportPreview["change"][number]["changes"][number]): string {
  switch (change.kind) {
    case "field":
      return `${t.editing.field[change.field === "managementObjectiveCode" ? "objective" : change.field]}: «${change.before}» → «${change.after}»`;
    case "objective-added":
      return `${t.editing.added}: ${t.initiative.objectiveNumber(change.index + 1)} «${change.text}»`;
    case "objective-removed":
      return `${t.editing.removed}: ${t.initiative.objectiveNumber(change.index + 1)} «${change.text}»`;
    case "objective-changed":
      return `${t.initiative.objectiveNumber(change.index + 1)}: ${change.before !== change.after ? `«${change.before}» → «${change.after}» ` : ""}${change.mechanismsAdded.length ? `+ ${change.mechanismsAdded.join(", ")} ` : ""}${change.mechanismsRemoved.length ? `− ${change.mechanismsRemoved.join(", ")}` : ""}`;
  }
}
