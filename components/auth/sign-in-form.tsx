"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { SIGN_IN_LOCKED } from "@/lib/auth/sign-in-errors";
import { t } from "@/lib/i18n";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(result?.error === SIGN_IN_LOCKED ? t.auth.locked : t.auth.invalid);
    } catch {
      setError(t.auth.failed);
    }
    setPending(false);
  }

  // method="post": a form sent before hydration must never put the password in the address.
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-5" noValidate>
      <div
        role="alert"
        aria-live="assertive"
        data-testid="sign-in-error"
        className={error ? "rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" : "sr-only"}
      >
        {error}
      </div>
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
