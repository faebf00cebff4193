"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { accountability } from "@/lib/i18n/es/accountability";
import { FormMessage, SubmitButton } from "@/components/ui/form-controls";

const t = { accountability } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

interface Props {
  user: { id: number; name: string };
  secretariats: { id: number; name: string }[];
  memberOf: number[];
  action: Action;
}

/** Which secretariats a user belongs to: what a reporter may report on. */
export function UserSecretariatsForm({ user, secretariats, memberOf, action }: Props) {
  const [state, submit] = useActionState(action, { status: "idle" });
  return (
    <details className="mt-2 rounded border border-slate-200 p-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">
        {t.accountability.secretariatsOf(memberOf.length)}
        <span className="sr-only"> {t.accountability.secretariatsLegend(user.name)}</span>
      </summary>
      <form action={submit} className="mt-2 space-y-2">
        <input type="hidden" name="userId" value={user.id} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t.accountability.secretariatsLegend(user.name)}</legend>
          <ul className="mt-1 grid gap-1">
            {secretariats.map((s) => (
              <li key={s.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="secretariatIds" value={s.id} defaultChecked={memberOf.includes(s.id)} className="mt-1" />
                  {s.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton variant="secondary">{t.accountability.saveSecretariats}</SubmitButton>
          <FormMessage status={state.status} message={state.message} />
        </div>
      </form>
    </details>
  );
}
