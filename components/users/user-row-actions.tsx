"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { mfa } from "@/lib/i18n/es/mfa";
import { users } from "@/lib/i18n/es/users";
import { FormMessage, Select, SubmitButton } from "@/components/ui/form-controls";
import { OneTimePassword } from "./one-time-password";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { mfa, users } as const;

type Action<T = undefined> = (state: ActionState<T>, data: FormData) => Promise<ActionState<T>>;

interface Props {
  user: { id: number; email: string; name: string; role: string; active: boolean; mfa: boolean };
  roles: { value: string; label: string }[];
  changeRole: Action;
  setActive: Action;
  resetPassword: Action<{ email: string; password: string }>;
  resetMfa: Action;
}

export function UserRowActions({ user, roles, changeRole, setActive, resetPassword, resetMfa }: Props) {
  const [roleState, roleAction] = useActionState(changeRole, { status: "idle" });
  const [activeState, activeAction] = useActionState(setActive, { status: "idle" });
  const [resetState, resetAction] = useActionState(resetPassword, { status: "idle" });
  const [mfaState, mfaAction] = useActionState(resetMfa, { status: "idle" });
  const last = [mfaState, resetState, activeState, roleState].find((s) => s.status !== "idle") ?? roleState;
  const selectId = `perfil-${user.id}`;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <div>
            <label htmlFor={selectId} className="sr-only">
              {t.users.roleFor(user.name)}
            </label>
            <Select id={selectId} name="role" defaultValue={user.role}>
              {roles.map((role) => (
                <option key={role.value} value={role.value}>
                  {role.label}
                </option>
              ))}
            </Select>
          </div>
          <SubmitButton variant="secondary">
            {t.users.changeRole}
            <span className="sr-only"> {t.users.whose(user.name)}</span>
          </SubmitButton>
        </form>
        <form
          action={activeAction}
          onSubmit={(event) => {
            if (user.active && !window.confirm(t.users.disableConfirm(user.name))) event.preventDefault();
          }}
        >
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <SubmitButton variant={user.active ? "danger" : "secondary"}>
            {user.active ? t.users.disable : t.users.enable}
            <span className="sr-only"> {t.users.whom(user.name)}</span>
          </SubmitButton>
        </form>
        <form
          action={resetAction}
          onSubmit={(event) => {
            if (!window.confirm(t.users.resetConfirm(user.name))) event.preventDefault();
          }}
        >
          <input type="hidden" name="userId" value={user.id} />
          <SubmitButton variant="secondary">
            {t.users.resetPassword}
            <span className="sr-only"> {t.users.whose(user.name)}</span>
          </SubmitButton>
        </form>
        {user.mfa && (
          <form
            action={mfaAction}
            onSubmit={(event) => {
              if (!window.confirm(t.mfa.resetConfirm(user.name))) event.preventDefault();
            }}
          >
            <input type="hidden" name="userId" value={user.id} />
            <SubmitButton variant="secondary">
              {t.mfa.reset}
              <span className="sr-only"> {t.users.whose(user.name)}</span>
            </SubmitButton>
          </form>
        )}
      </div>
      <FormMessage status={last.status} message={last.message} />
      {resetState.status === "success" && resetState.data?.password && <OneTimePassword password={resetState.data.password} />}
    </div>
  );
}
