"use client";

import { useFormStatus } from "react-dom";
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { forms } from "@/lib/i18n/es/forms";
import { buttonClass, type ButtonVariant } from "./button";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { forms } as const;

const inputClass =
  "block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

interface FieldProps {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  /** The control's id, when an address or a test names it; else derived from the name. */
  id?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** A labelled control with its hint and its errors next to it, announced to screen readers. */
export function Field({ name, label, errors, hint, id = `campo-${name}`, children }: FieldProps) {
  const described = [hint ? `${id}-ayuda` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": !!errors?.length, "aria-describedby": described })}
      {hint && (
        <p id={`${id}-ayuda`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={inputClass} />;
}

/** The name of one entry in a list of editable rows, heard by screen readers as «Nombre de «entrada»». */
export function RowNameField({
  id,
  label,
  entry,
  maxLength,
  errors,
}: {
  id: string;
  label: string;
  entry: string;
  maxLength: number;
  errors?: string[];
}) {
  return (
    <Field name={id} label={label} errors={errors}>
      {(props) => (
        <TextInput {...props} aria-label={t.forms.fieldOf(label, entry)} name="name" defaultValue={entry} required maxLength={maxLength} />
      )}
    </Field>
  );
}

export function TextArea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...props} className={inputClass} />;
}

/**
 * React resets a form after its action, and a <select> takes its default only
 * when mounted: keyed by its default, it shows what was typed after an error and
 * what is stored after a save.
 */
export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select key={String(props.defaultValue ?? "")} {...props} className={inputClass} />;
}

export function SubmitButton({
  children,
  pendingLabel = t.forms.saving,
  variant = "primary",
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
}) {
  const { pending } = useFormStatus();
  // aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's start on every submit.
  return (
    <button type="submit" aria-disabled={pending} onClick={(event) => pending && event.preventDefault()} className={buttonClass(variant)}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/**
 * The outcome of the last submission, announced politely. Inside a form, when
 * a submission ends in an error, the focus moves to the first field marked
 * invalid (or to the message), so what is wrong is on screen even when the form
 * is longer than the window; not if the user has meanwhile moved elsewhere.
 */
export function FormMessage({ status, message }: { status: "idle" | "success" | "error"; message?: string }) {
  const box = useRef<HTMLDivElement>(null);
  // Outside a form this never pends: row actions keep the focus where the user is.
  const { pending } = useFormStatus();
  const wasPending = useRef(false);
  useEffect(() => {
    const finished = wasPending.current && !pending;
    wasPending.current = pending;
    const form = box.current?.closest("form");
    if (!finished || status !== "error" || !form) return;
    const active = document.activeElement;
    if (active && active !== document.body && !form.contains(active)) return;
    (form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? box.current)?.focus();
  }, [pending, status]);
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      className={
        status === "idle" || !message
          ? "sr-only"
          : status === "success"
            ? "rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900"
            : "rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800"
      }
    >
      {status === "idle" ? "" : message}
    </div>
  );
}
