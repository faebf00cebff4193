"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPrimaryDb } from "@/lib/db/client";
import { setPendingSignIn } from "@/lib/auth/pending-sign-in";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import { signIn } from "@/lib/auth/sign-in";
import { requestContext } from "@/lib/http/request-context";
import { sameSitePath } from "@/lib/http/same-site-path";
import { t } from "@/lib/i18n";

export interface SignInState {
  status: "idle" | "error";
  message?: string;
  /** What was typed in the e-mail field, so the form keeps it (never the password). */
  email?: string;
}

/**
 * The sign-in form's action: a plain POST with or without JavaScript, so the
 * password never goes into an address. Same checks, lockout and generic
 * message as ever (lib/auth/sign-in.ts); on success the session cookie is set
 * and the browser goes on to a same-site path only. An account with a second
 * factor (or one that must enrol) gets no session yet: the pending sign-in
 * goes on at /login/verificacion.
 */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = formData.get("email");
  const callbackUrl = sameSitePath(formData.get("callbackUrl"));
  const result = await signIn(getPrimaryDb(), { email, password: formData.get("password") }, requestContext(await headers()));
  if (!result.ok && result.reason === "second-factor") {
    await setPendingSignIn({ userId: result.user.id, sessionVersion: result.user.sessionVersion, step: result.step, callbackUrl });
    redirect("/login/verificacion");
  }
  if (!result.ok) {
    return {
      status: "error",
      message: result.reason === "locked" ? t.auth.locked : t.auth.invalid,
      email: typeof email === "string" ? email : "",
    };
  }
  await setSessionCookie(result.user);
  redirect(callbackUrl);
}
