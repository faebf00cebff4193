"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { forms } from "@/lib/i18n/es/forms";
import { objectiveAdmin } from "@/lib/i18n/es/objective-admin";
import { FIELD_LIMITS } from "@/lib/text/field-limits";
import { FormMessage, SubmitButton } from "@/components/ui/form-controls";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { forms, objectiveAdmin } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export function ObjectiveTitleForm({ code, version, title, action }: { code: string; version: number; title: string; action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const id = `titulo-${code.replace(".", "-")}`;
  const errors = state.fieldErrors?.title;
  return (
    <form action={submit} className="space-y-1">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t.objectiveAdmin.titleOf(code)}
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <textarea
          id={id}
          name="title"
          defaultValue={state.status === "error" ? (state.values?.title ?? title) : title}
          rows={2}
          maxLength={FIELD_LIMITS.objectiveTitle}
          aria-invalid={!!errors}
          aria-describedby={errors ? `${id}-error` : undefined}
          className="block min-w-0 flex-1 rounded border border-slate-400 px-3 py-2 text-sm"
        />
        <SubmitButton variant="secondary">{t.forms.save}</SubmitButton>
      </div>
      {errors && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {errors.join(" ")}
        </p>
      )}
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
