"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { editing } from "@/lib/i18n/es/editing";
import { FormMessage, SubmitButton } from "@/components/ui/form-controls";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { editing } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export function ArchiveButton({
  id,
  name,
  version,
  archived,
  action,
}: {
  id: number;
  name: string;
  version: number;
  archived: boolean;
  action: Action;
}) {
  const [state, submit] = useActionState(action, { status: "idle" });
  return (
    <form
      action={submit}
      onSubmit={(event) => {
        if (!archived && !window.confirm(t.editing.archiveConfirm(name))) event.preventDefault();
      }}
      className="no-print space-y-1"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <SubmitButton variant={archived ? "secondary" : "danger"}>{archived ? t.editing.unarchive : t.editing.archive}</SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
