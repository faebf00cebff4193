import "server-only";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authOptions } from "./auth-options";

/** next-auth's own name for its session cookie, so its session, sign-out and getToken read what the portal writes. */
export const SESSION_COOKIE = authOptions.useSecureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";

export const CLEARED_SESSION_COOKIE = {
  name: SESSION_COOKIE,
  value: "",
  maxAge: 0,
  path: "/",
  httpOnly: true,
  sameSite: "lax" as const,
  secure: authOptions.useSecureCookies ?? false,
};

export interface SessionTokenUser {
  id: number;
  email: string;
  name: string;
  sessionId: string;
  sessionVersion: number;
}

/**
 * Issues the session cookie exactly as next-auth's sign-in would (same
 * encryption, claims, lifetime and flags): the token only names the
 * UserSession row that lib/auth/current-user.ts checks on every request.
 */
export async function setSessionCookie(user: SessionTokenUser) {
  const maxAge = authOptions.session!.maxAge!;
  const token = await encode({
    token: { sub: String(user.id), email: user.email, name: user.name, sid: user.sessionId, sv: user.sessionVersion },
    secret: authOptions.secret!,
    maxAge,
  });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: !!authOptions.useSecureCookies,
    maxAge,
  });
}
