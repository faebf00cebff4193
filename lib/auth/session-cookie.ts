import { authOptions } from "./auth-options";

/** The cookie next-auth keeps the session token in (its default name), and how to clear it. */
export const SESSION_COOKIE = `${authOptions.useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

export const CLEARED_SESSION_COOKIE = {
  name: SESSION_COOKIE,
  value: "",
  maxAge: 0,
  path: "/",
  httpOnly: true,
  sameSite: "lax" as const,
  secure: authOptions.useSecureCookies ?? false,
};
