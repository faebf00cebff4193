"use client";

import { useActionState, useRef, useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/form-controls";
import { ApplyButton, RowErrors, UploadField } from "@/components/import/import-parts";
import type { ActionState } from "@/lib/actions/form-action";
import { bulk } from "@/lib/i18n/es/bulk";
import { indicatorFile } from "@/lib/i18n/es/indicator-file";
import { security } from "@/lib/i18n/es/security";
import type { IndicatorImportPreview } from "@/lib/indicators/import-indicators";
import { MAX_UPLOAD_BYTES } from "@/lib/import/upload-limit";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { bulk, indicatorFile, security } as const;

type Kind = IndicatorImportPreview["kind"];
type Action = (state: ActionState<IndicatorImportPreview>, data: FormData) => Promise<ActionState<IndicatorImportPreview>>;

/** Upload, dry run, then apply all or nothing: the bulk import's steps for the indicator and measurement files. */
export function IndicatorImportForm({ action, kinds }: { action: Action; kinds: readonly Kind[] }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const [pending, startTransition] = useTransition();
  const [kind, setKind] = useState<Kind>(kinds[0]!);
  const [tooLarge, setTooLarge] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const preview = state.data;

  function send(apply: boolean) {
    const file = fileInput.current?.files?.[0];
    // Refused here rather than sent: the server would refuse it anyway, after the upload.
    setTooLarge(!!file && file.size > MAX_UPLOAD_BYTES);
    if (file && file.size > MAX_UPLOAD_BYTES) return;
    const data = new FormData();
    if (file) data.set("file", file);
    data.set("kind", kind);
    if (apply && preview) {
      data.set("apply", "si");
      data.set("fingerprint", preview.fingerprint);
    }
    startTransition(() => submit(data));
  }

  const canApply = preview && !preview.applied && preview.errors.length === 0 && preview.add.length + preview.change.length > 0;
  const fileError = tooLarge ? t.security.bodyTooLarge : state.fieldErrors?.file?.join(" ");

  return (
    <div className="space-y-6">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send(false);
        }}
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
        data-testid="indicator-import-form"
      >
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">{t.indicatorFile.kindLegend}</legend>
          {kinds.map((option) => (
            <label key={option} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
              {t.indicatorFile.kinds[option]}
            </label>
          ))}
        </fieldset>
        <UploadField
          id="archivo-indicadores"
          inputRef={fileInput}
          label={t.indicatorFile.file}
          hint={t.indicatorFile.fileHint}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          error={fileError}
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-70"
        >
          {pending ? t.bulk.working : t.bulk.review}
        </button>
      </form>

      <p role="status" className="sr-only">
        {pending ? t.bulk.working : ""}
      </p>
      <FormMessage status={state.status} message={state.message} />

      {preview && (
        <section aria-labelledby="revision-indicadores" className="space-y-4" data-testid="indicator-import-preview">
          <h2 id="revision-indicadores" className="text-lg font-semibold">
            {preview.applied ? t.bulk.appliedTitle : t.bulk.previewTitle}
          </h2>
          <p className="text-sm" data-testid="indicator-import-summary">
            {t.indicatorFile.summary(preview.add.length, preview.change.length, preview.unchanged)}
          </p>
          <RowErrors errors={preview.errors} testId="indicator-import-errors" />
          {preview.add.length > 0 && (
            <div>
              <h3 className="font-semibold">{t.indicatorFile.toAdd}</h3>
              <ul className="list-disc pl-5 text-sm" data-testid="indicator-import-add">
                {preview.add.map((a) => (
                  <li key={a.line}>{t.bulk.rowError(a.line, a.label)}</li>
                ))}
              </ul>
            </div>
          )}
          {preview.change.length > 0 && (
            <div>
              <h3 className="font-semibold">{t.indicatorFile.toChange}</h3>
              <ul className="space-y-2 text-sm" data-testid="indicator-import-change">
                {preview.change.map((c) => (
                  <li key={c.id} className="rounded bg-white p-2 ring-1 ring-slate-200">
                    <span className="font-medium">{t.bulk.rowError(c.line, c.label)}</span>
                    <ul className="list-disc pl-5">
                      {c.changes.map((change) => (
                        <li key={change.column}>
                          {change.column}: «{change.before}» → «{change.after}»
                        </li>
                      ))}
                    </ul>
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
