import type { RefObject } from "react";
import { bulk } from "@/lib/i18n/es/bulk";

// Only the namespace these parts use: the whole catalogue stays out of the browser bundle.
const t = { bulk } as const;

/** The file box of an import form, with its hint and, when there is one, its error read with it. */
export function UploadField({
  id,
  inputRef,
  label,
  hint,
  accept,
  error,
}: {
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  label: string;
  hint: string;
  accept: string;
  error: string | undefined;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        name="file"
        type="file"
        accept={accept}
        aria-describedby={`${id}-ayuda${error ? ` ${id}-error` : ""}`}
        aria-invalid={!!error}
        className="block text-sm file:mr-3 file:cursor-pointer file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:font-semibold file:text-slate-900 hover:file:bg-slate-100"
      />
      <p id={`${id}-ayuda`} className="text-xs text-slate-600">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The rows a dry run refused, each with its line. */
export function RowErrors({ errors, testId }: { errors: { line: number; message: string }[]; testId: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="rounded border border-red-300 bg-red-50 p-3">
      <h3 className="font-semibold text-red-900">{t.bulk.errors}</h3>
      <ul className="mt-1 list-disc pl-5 text-sm text-red-900" data-testid={testId}>
        {errors.map((e) => (
          <li key={`${e.line}:${e.message}`}>{t.bulk.rowError(e.line, e.message)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Applies what the dry run showed, all or nothing. */
export function ApplyButton({ pending, onApply }: { pending: boolean; onApply: () => void }) {
  return (
    <button
      type="button"
      onClick={onApply}
      disabled={pending}
      className="rounded bg-accent-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-70"
    >
      {pending ? t.bulk.working : t.bulk.apply}
    </button>
  );
}
