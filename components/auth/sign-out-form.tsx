"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { FormMessage, SubmitButton } from "@/components/ui/form-controls";
import { security } from "@/lib/i18n/es/security";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { security } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

const signInAgain = (
  <Link href="/login" className="inline-block rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
    {t.security.signOut.signInAgain}
  </Link>
);

/**
 * The sign-out page's form. Once it has signed out (the page is then rendered
 * without a session), it shows the outcome and the way back in.
 */
export function SignOutForm({ action, signedIn }: { action: Action; signedIn: boolean }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <FormMessage status={state.status} message={state.message} />
        {signInAgain}
      </div>
    );
  }
  if (!signedIn) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t.security.signOut.alreadyOut}</p>
        {signInAgain}
      </div>
    );
  }
  return (
    <form action={submit} className="space-y-4">
      <p className="text-sm text-slate-700">{t.security.signOut.intro}</p>
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton>{t.security.signOut.confirm}</SubmitButton>
    </form>
  );
}
