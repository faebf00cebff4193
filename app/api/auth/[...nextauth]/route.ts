import NextAuth from "next-auth";
import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { tokenSessionIsActive } from "@/lib/auth/current-user";
import { auditDirectoryRefusals } from "@/lib/auth/directory-callback-audit";
import { CLEARED_SESSION_COOKIE, SESSION_COOKIE } from "@/lib/auth/session-cookie";

const nextAuth = NextAuth(authOptions);
type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(request: NextRequest, context: RouteContext) {
  return auditDirectoryRefusals(request, () => nextAuth(request, context));
}

/**
 * next-auth answers /api/auth/session from the signed cookie alone: name and
 * e-mail, and a fresh cookie, for a session signed out, idle, revoked or of a
 * disabled user. It gets the same session-row check as pages and the API (and
 * reading it is not activity that keeps the session alive).
 */
async function session(request: NextRequest, context: RouteContext) {
  const token = await getToken({ req: request, secret: authOptions.secret, secureCookie: authOptions.useSecureCookies });
  if (await tokenSessionIsActive(token)) return handler(request, context);
  const response = NextResponse.json({}, { headers: { "cache-control": "private, no-cache, no-store" } });
  if (request.cookies.has(SESSION_COOKIE)) response.cookies.set(CLEARED_SESSION_COOKIE);
  return response;
}

/** Reading the session (GET) and updating it (POST) alike. */
async function route(request: NextRequest, context: RouteContext) {
  const [action] = (await context.params).nextauth;
  return action === "session" ? session(request, context) : handler(request, context);
}

export { route as GET, route as POST };
