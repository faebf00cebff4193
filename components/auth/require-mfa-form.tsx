"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form-controls";
import type { ActionState } from "@/lib/actions/form-action";
import { mfa } from "@/lib/i18n/es/mfa";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { mfa } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/** The portal-wide setting: a second factor for every account, not only administration. */
export function RequireMfaForm({ action, requireMfaForAll }: { action: Action; requireMfaForAll: boolean }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="mt-4 space-y-3" data-testid="require-mfa-form">
      <FormMessage status={state.status} message={state.message} />
      <div className="flex items-start gap-2">
        <input
          id="exigir-mfa"
          type="checkbox"
          name="requireMfaForAll"
          defaultChecked={requireMfaForAll}
          key={String(requireMfaForAll)}
          aria-describedby="exigir-mfa-ayuda"
          className="mt-1 h-4 w-4"
        />
        <div>
          <label htmlFor="exigir-mfa" className="text-sm font-medium text-slate-800">
            {t.mfa.settingLabel}
          </label>
          <p id="exigir-mfa-ayuda" className="text-xs text-slate-600">
            {t.mfa.settingHint}
          </p>
        </div>
      </div>
      <SubmitButton variant="secondary">{t.mfa.save}</SubmitButton>
    </form>
  );
}
