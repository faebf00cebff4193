"use client";

import { useActionState } from "react";
import { auth } from "@/lib/i18n/es/auth";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { auth } as const;

interface SignInState {
  status: "idle" | "error";
  message?: string;
  email?: string;
}
type Action = (state: SignInState, data: FormData) => Promise<SignInState>;

/** A server action behind a POST form: it signs in the same way before hydration, with JavaScript off, and after. */
export function SignInForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const error = pending ? null : (state.message ?? null);

  return (
    <form action={formAction} className="mt-6 space-y-5" data-testid="sign-in-form" noValidate>
      <div
        role="alert"
        aria-live="assertive"
        data-testid="sign-in-error"
        className={error ? "rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" : "sr-only"}
      >
        {error}
      </div>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          {t.auth.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          key={state.email ?? ""}
          className="block w-full rounded border border-slate-400 px-3 py-2 text-slate-900"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {t.auth.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="block w-full rounded border border-slate-400 px-3 py-2 text-slate-900"
        />
      </div>
      <button
        type="submit"
        aria-disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 aria-disabled:opacity-70"
      >
        {pending ? t.auth.submitting : t.auth.submit}
      </button>
    </form>
  );
}
