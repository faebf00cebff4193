"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { users } from "@/lib/i18n/es/users";
import { Field, FormMessage, Select, SubmitButton, TextInput } from "@/components/ui/form-controls";
import { OneTimePassword } from "./one-time-password";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { users } as const;

type Result = { email: string; password: string };
type Action = (state: ActionState<Result>, data: FormData) => Promise<ActionState<Result>>;

export function CreateUserForm({ action, roles }: { action: Action; roles: { value: string; label: string }[] }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="mt-4 space-y-4" key={state.status === "success" ? state.data?.email : "form"}>
      <FormMessage status={state.status} message={state.message} />
      {state.status === "success" && state.data?.password && <OneTimePassword password={state.data.password} />}
      <div className="grid gap-4 md:grid-cols-3">
        <Field name="name" label={t.users.name} errors={errors.name}>
          {(props) => <TextInput {...props} name="name" defaultValue={values.name} autoComplete="off" required />}
        </Field>
        <Field name="email" label={t.users.email} errors={errors.email}>
          {(props) => <TextInput {...props} name="email" type="email" defaultValue={values.email} autoComplete="off" required />}
        </Field>
        <Field name="role" label={t.users.role} errors={errors.role}>
          {(props) => (
            <Select {...props} name="role" defaultValue={values.role ?? "VIEWER"}>
              {roles.map((role) => (
                <option key={role.value} value={role.value}>
                  {role.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <SubmitButton>{t.users.createSubmit}</SubmitButton>
    </form>
  );
}
