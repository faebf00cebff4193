"use client";

import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton, TextInput } from "@/components/ui/form-controls";
import { auth } from "@/lib/i18n/es/auth";
import { mfa } from "@/lib/i18n/es/mfa";
import { RecoveryCodes } from "./recovery-codes";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { auth, mfa } as const;

interface CodeState {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  data?: { codes: string[]; continueTo?: string };
}
type Action = (state: CodeState, data: FormData) => Promise<CodeState>;
type StartAction = (
  state: { status: CodeState["status"]; message?: string },
  data: FormData,
) => Promise<{ status: CodeState["status"]; message?: string }>;

interface Props {
  email: string;
  /** The secret awaiting confirmation, with its QR code (an SVG drawn on the server); null before «Activar». */
  enrolment: { qrDataUri: string; secret: string } | null;
  start: StartAction;
  confirm: Action;
  /** The factor is on: what to show then (its status, or the way on), below the new recovery codes if just made. */
  done: boolean;
  doneView: ReactNode;
}

/**
 * Enrolment in three steps: start (a new secret), scan or type it, confirm
 * with a first code. The recovery codes come back in the confirmation's
 * answer and live only in this component's state: the page that renders
 * after it no longer knows them.
 */
export function MfaEnrolment({ email, enrolment, start, confirm, done, doneView }: Props) {
  const [startState, startAction] = useActionState(start, { status: "idle" });
  const [confirmState, confirmAction] = useActionState(confirm, { status: "idle" });
  const codes = confirmState.status === "success" ? confirmState.data?.codes : undefined;

  if (codes) {
    const continueTo = confirmState.data?.continueTo;
    return (
      <div className="space-y-4">
        <FormMessage status="success" message={confirmState.message} />
        <RecoveryCodes codes={codes} />
        {continueTo ? (
          <a href={continueTo} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t.mfa.continue}
          </a>
        ) : (
          doneView
        )}
      </div>
    );
  }
  if (done) return <div className="space-y-4">{doneView}</div>;
  if (!enrolment) {
    return (
      <form action={startAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <FormMessage status={startState.status} message={startState.message} />
        <SubmitButton pendingLabel={t.auth.submitting}>{t.mfa.start}</SubmitButton>
      </form>
    );
  }
  return (
    <div className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="space-y-2">
        <p className="font-medium text-slate-900">{t.mfa.scan}</p>
        {/* A data: URI of an SVG the server drew from the otpauth address: nothing the user typed becomes markup. */}
        {/* biome-ignore lint/performance/noImgElement: a small inline SVG; the image optimiser has nothing to do with it. */}
        <img src={enrolment.qrDataUri} alt={t.mfa.qrAlt(email)} width={220} height={220} className="border border-slate-200" />
        <p className="text-sm text-slate-700">{t.mfa.manual}</p>
        <p className="font-mono text-base break-all select-all" data-testid="totp-secret">
          {enrolment.secret}
        </p>
      </div>
      <form action={confirmAction} className="space-y-4" data-testid="mfa-confirm-form">
        <p className="font-medium text-slate-900">{t.mfa.confirmStep}</p>
        <FormMessage status={confirmState.status} message={confirmState.message} />
        <Field name="code" label={t.mfa.code} errors={confirmState.fieldErrors?.code}>
          {(props) => <TextInput {...props} name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={7} />}
        </Field>
        <SubmitButton pendingLabel={t.auth.submitting}>{t.mfa.confirm}</SubmitButton>
      </form>
    </div>
  );
}
