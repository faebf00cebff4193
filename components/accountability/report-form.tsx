"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { accountability } from "@/lib/i18n/es/accountability";
import { tracking } from "@/lib/i18n/es/tracking";
import { STATUSES, type Status } from "@/lib/tracking/statuses";
import { Field, FormMessage, Select, SubmitButton, TextArea, TextInput } from "@/components/ui/form-controls";

const t = { accountability, tracking } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

interface Props {
  periodId: number;
  initiativeId: number;
  /** 0 for a first report. */
  version: number;
  current: { progressStatus: Status; progress: number | null; note: string; evidenceUrl: string | null } | null;
  fallbackStatus: Status;
  resubmit: boolean;
  action: Action;
}

/** The period report of one initiative: status, percent, note and an optional evidence link. */
export function ReportForm({ periodId, initiativeId, version, current, fallbackStatus, resubmit, action }: Props) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const typed = state.status === "error" ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={submit} className="space-y-4" data-testid="report-form" noValidate>
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="initiativeId" value={initiativeId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name={`reporte-estado-${periodId}`} label={t.accountability.progressStatus} errors={errors.progressStatus}>
          {(props) => (
            <Select {...props} name="progressStatus" defaultValue={typed.progressStatus ?? current?.progressStatus ?? fallbackStatus}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t.tracking.statuses[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          name={`reporte-porcentaje-${periodId}`}
          label={`${t.tracking.progress} (%)`}
          errors={errors.progress}
          hint={t.tracking.progressHint}
        >
          {(props) => (
            <TextInput
              {...props}
              type="number"
              name="progress"
              min={0}
              max={100}
              step={1}
              inputMode="numeric"
              defaultValue={typed.progress ?? current?.progress ?? ""}
            />
          )}
        </Field>
      </div>
      <Field name={`reporte-nota-${periodId}`} label={t.tracking.note} errors={errors.note}>
        {(props) => <TextArea {...props} name="note" rows={4} maxLength={5000} required defaultValue={typed.note ?? current?.note ?? ""} />}
      </Field>
      <Field
        name={`reporte-evidencia-${periodId}`}
        label={t.accountability.evidenceUrl}
        errors={errors.evidenceUrl}
        hint={t.accountability.evidenceHint}
      >
        {(props) => (
          <TextInput
            {...props}
            type="url"
            name="evidenceUrl"
            maxLength={2000}
            defaultValue={typed.evidenceUrl ?? current?.evidenceUrl ?? ""}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{resubmit ? t.accountability.resubmit : t.accountability.submit}</SubmitButton>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}
