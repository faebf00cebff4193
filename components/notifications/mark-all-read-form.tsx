"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { FormMessage, SubmitButton } from "@/components/ui/form-controls";
import { notifications } from "@/lib/i18n/es/notifications";

const t = { notifications } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/** «Marcar todas como leídas»: a plain form post, so it works without JavaScript. */
export function MarkAllReadForm({ action }: { action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  return (
    <form action={submit} className="space-y-2">
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton variant="secondary">{t.notifications.page.markAllRead}</SubmitButton>
    </form>
  );
}
