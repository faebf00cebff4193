"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { FormMessage, SubmitButton } from "@/components/ui/form-controls";
import { notifications } from "@/lib/i18n/es/notifications";

const t = { notifications } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/** The user's notification settings; a plain form post. */
export function NotificationPreferencesForm({ action, weeklyDigest }: { action: Action; weeklyDigest: boolean }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const s = t.notifications.settings;
  return (
    <form action={submit} className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="submitted" value="1" />
      <div className="flex items-start gap-3">
        <input
          id="campo-weeklyDigest"
          name="weeklyDigest"
          type="checkbox"
          value="1"
          defaultChecked={weeklyDigest}
          aria-describedby="ayuda-weeklyDigest"
          className="mt-1 h-4 w-4"
        />
        <div>
          <label htmlFor="campo-weeklyDigest" className="font-medium text-slate-900">
            {s.weeklyDigest}
          </label>
          <p id="ayuda-weeklyDigest" className="text-sm text-slate-700">
            {s.weeklyDigestHint}
          </p>
        </div>
      </div>
      <SubmitButton>{s.save}</SubmitButton>
    </form>
  );
}
