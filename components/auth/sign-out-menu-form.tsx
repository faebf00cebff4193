"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/**
 * The menu's «Cerrar sesión»: a form post to the sign-out action, which answers with a redirect (the sign-in page,
 * or the directory's logout). It works before scripts load, and keeps next-auth's client out of every page.
 */
export function SignOutMenuForm({ action, label }: { action: Action; label: string }) {
  const [, submit] = useActionState(action, { status: "idle" });
  return (
    <form action={submit}>
      <input type="hidden" name="desde" value="menu" />
      <button type="submit" className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
