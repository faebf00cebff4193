import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getPrimaryDb } from "@/lib/db/client";
import { authOptions } from "./auth-options";
import { pendingEnrolment } from "./mfa";
import type { Role } from "./roles";

/**
 * Between a correct password and the second factor there is no session:
 * only this short-lived, encrypted cookie saying who got past the password
 * and what is left to do. Pages, actions and the API never accept it.
 */
const COOKIE = `${authOptions.useSecureCookies ? "__Secure-" : ""}pmdot-segundo-paso`;
// A distinct salt derives a distinct key: a session token cannot pass for this cookie, nor this one for a session.
const SALT = "pmdot-segundo-paso";
/** Long enough to install an authenticator app and scan the code. */
const MAX_AGE_SECONDS = 15 * 60;

export type PendingStep = "verify" | "enrol";

export interface PendingSignIn {
  step: PendingStep;
  callbackUrl: string;
  user: { id: number; email: string; name: string; role: Role; sessionVersion: number };
}

export async function setPendingSignIn(pending: { userId: number; sessionVersion: number; step: PendingStep; callbackUrl: string }) {
  const token = await encode({
    token: { uid: pending.userId, sv: pending.sessionVersion, step: pending.step, cb: pending.callbackUrl },
    secret: authOptions.secret!,
    maxAge: MAX_AGE_SECONDS,
    salt: SALT,
  });
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: !!authOptions.useSecureCookies,
    maxAge: MAX_AGE_SECONDS,
  });
}

/** The sign-in waiting for its second factor, if the cookie is genuine, unexpired and its account unchanged since the password. */
export async function readPendingSignIn(): Promise<PendingSignIn | null> {
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authOptions.secret!, salt: SALT }).catch(() => null);
  if (!token || typeof token.uid !== "number" || typeof token.sv !== "number" || (token.step !== "verify" && token.step !== "enrol")) {
    return null;
  }
  const user = await getPrimaryDb().user.findUnique({ where: { id: token.uid } });
  if (!user?.active || user.sessionVersion !== token.sv) return null;
  return {
    step: token.step,
    callbackUrl: typeof token.cb === "string" ? token.cb : "/",
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}

export async function clearPendingSignIn() {
  (await cookies()).delete({ name: COOKIE, path: "/", secure: !!authOptions.useSecureCookies });
}

/** The enrolment in progress of whoever holds the pending sign-in: the cookie is its authorisation. */
export async function readPendingEnrolment(pending: PendingSignIn) {
  return pendingEnrolment(getPrimaryDb(), pending.user);
}
