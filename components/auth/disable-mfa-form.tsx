"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, TextInput } from "@/components/ui/form-controls";
import type { ActionState } from "@/lib/actions/form-action";
import { mfa } from "@/lib/i18n/es/mfa";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { mfa } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/** Turning the factor off asks for a current code: a session left open is not enough to remove it. */
export function DisableMfaForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="space-y-3 border-t border-slate-100 pt-3">
      <FormMessage status={state.status} message={state.message} />
      <Field name="disable-code" label={t.mfa.verifyCode} errors={state.fieldErrors?.code} hint={t.mfa.disableHint}>
        {(props) => <TextInput {...props} name="code" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} required />}
      </Field>
      <SubmitButton variant="danger">{t.mfa.disable}</SubmitButton>
    </form>
  );
}
