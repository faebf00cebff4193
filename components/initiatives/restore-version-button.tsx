"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { editing } from "@/lib/i18n/es/editing";
import { FormMessage, SubmitButton } from "@/components/ui/form-controls";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { editing } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export function RestoreVersionButton({ id, version, eventId, action }: { id: number; version: number; eventId: number; action: Action }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  return (
    <form action={submit} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="eventId" value={eventId} />
      <SubmitButton variant="secondary">{t.editing.restore}</SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
