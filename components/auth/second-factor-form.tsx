"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, TextInput } from "@/components/ui/form-controls";
import { auth } from "@/lib/i18n/es/auth";
import { mfa } from "@/lib/i18n/es/mfa";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { auth, mfa } as const;

interface CodeState {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
}
type Action = (state: CodeState, data: FormData) => Promise<CodeState>;

/** One field for the authenticator's code or a recovery code: the server tells them apart by their form. */
export function SecondFactorForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="mt-6 space-y-5" data-testid="second-factor-form">
      <FormMessage status={state.status} message={state.message} />
      <Field name="code" label={t.mfa.verifyCode} errors={state.fieldErrors?.code} hint={t.mfa.verifyHint}>
        {(props) => <TextInput {...props} name="code" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} required />}
      </Field>
      <SubmitButton pendingLabel={t.auth.submitting}>{t.mfa.verify}</SubmitButton>
    </form>
  );
}
