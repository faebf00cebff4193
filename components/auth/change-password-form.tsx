"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { account } from "@/lib/i18n/es/account";
import { forms } from "@/lib/i18n/es/forms";
import { FIELD_LIMITS } from "@/lib/text/field-limits";
import { Field, FormMessage, SubmitButton, TextInput } from "@/components/ui/form-controls";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { account, forms } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export function ChangePasswordForm({ action, minLength }: { action: Action; minLength: number }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <FormMessage status={state.status} message={state.message} />
      <Field name="currentPassword" label={t.account.currentPassword} errors={errors.currentPassword}>
        {(props) => <TextInput {...props} name="currentPassword" type="password" autoComplete="current-password" required />}
      </Field>
      <Field name="newPassword" label={t.account.newPassword} errors={errors.newPassword} hint={t.account.passwordHint(minLength)}>
        {(props) => (
          <TextInput
            {...props}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={minLength}
            maxLength={FIELD_LIMITS.password}
          />
        )}
      </Field>
      <Field name="confirmPassword" label={t.account.confirmPassword} errors={errors.confirmPassword}>
        {(props) => <TextInput {...props} name="confirmPassword" type="password" autoComplete="new-password" required />}
      </Field>
      <SubmitButton>{t.forms.save}</SubmitButton>
    </form>
  );
}
