"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { accountability } from "@/lib/i18n/es/accountability";
import { Field, FormMessage, SubmitButton, TextArea } from "@/components/ui/form-controls";

const t = { accountability } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export const BULK_FORM_ID = "aprobar-reportes";

/** The bulk approval: the queue's checkboxes belong to this form through their `form` attribute. */
export function BulkApproveForm({ action }: { action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  return (
    <form id={BULK_FORM_ID} action={submit} className="flex flex-wrap items-center gap-3" data-testid="bulk-approve">
      <SubmitButton>{t.accountability.approveChosen}</SubmitButton>
      <FormMessage status={state.status} message={state.fieldErrors?.reports?.join(" ") ?? state.message} />
    </form>
  );
}

/** Returns one report; the reason is required and reaches the reporter. */
export function ReturnReportForm({ reportId, version, name, action }: { reportId: number; version: number; name: string; action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  return (
    <details className="rounded border border-slate-200 p-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">
        {t.accountability.returnReport}
        <span className="sr-only"> {t.accountability.returnFor(name)}</span>
      </summary>
      <form action={submit} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="version" value={version} />
        <Field name={`motivo-${reportId}`} label={t.accountability.reason} errors={errors.reason}>
          {(props) => (
            <TextArea
              {...props}
              name="reason"
              rows={3}
              maxLength={2000}
              required
              defaultValue={state.status === "error" ? (state.values?.reason ?? "") : ""}
            />
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton variant="secondary">{t.accountability.returnReport}</SubmitButton>
          <FormMessage status={state.status} message={state.message} />
        </div>
      </form>
    </details>
  );
}
