import "server-only";
import "@/lib/validation/spanish-zod";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { type Db, getDb, getPrimaryDb, getReadDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { authOptions } from "./auth-options";
import { can, type Permission } from "./roles";
import { validateUserSession, type ActiveSession } from "./session-store";

export type CurrentUser = ActiveSession["user"];

/** The signed-in user of this request, checked against the session table (once per request). */
export const getCurrentSession = cache(async (): Promise<ActiveSession | null> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const token = await getToken({
    req: { cookies: cookieStore, headers: headerStore } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authOptions.secret,
    secureCookie: authOptions.useSecureCookies,
  });
  if (!token?.sid || typeof token.sv !== "number") return null;
  return validateUserSession(getPrimaryDb(), token.sid, token.sv);
});

/** For next-auth's own /api/auth/session: whether the token's session row is live, reading it without counting as activity. */
export async function tokenSessionIsActive(token: { sid?: unknown; sv?: unknown } | null): Promise<boolean> {
  if (typeof token?.sid !== "string" || !token.sid || typeof token.sv !== "number") return false;
  return (await validateUserSession(getPrimaryDb(), token.sid, token.sv, new Date(), false)) !== null;
}

/** A refusal: "unauthorized" (401) without a session, "forbidden" (403) without the permission. */
export class AccessDeniedError extends AppError {
  constructor(
    readonly status: 401 | 403,
    message?: string,
  ) {
    super(status === 401 ? "unauthorized" : "forbidden", message);
  }
}

/** Audits a refusal; also for checks beyond the role (a REPORTER outside its secretariats), with what was refused in `detail`. */
export async function logDenied(
  user: CurrentUser | null,
  permission: Permission | "session",
  what: string,
  detail?: Record<string, string | number>,
) {
  const context = requestContext(await headers());
  await recordAuditEvent(getDb(), {
    action: "access.denied",
    actor: user,
    context,
    data: { permission, what, ...detail },
  }).catch(() => {});
}

type AuthorizeOptions = { temporaryPassword?: "allowed" };

/**
 * Why this session may not do it, or null. A temporary password (set by an
 * administrator, or after a restore) opens nothing but its own change, in the
 * API and actions as in the pages.
 */
function refusal(session: ActiveSession | null, permission: Permission, options: AuthorizeOptions) {
  if (!session) return { error: new AccessDeniedError(401), logged: "session" as const };
  if (session.user.mustChangePassword && options.temporaryPassword !== "allowed") {
    return { error: new AccessDeniedError(403, t.account.mustChangeFirst), logged: "session" as const };
  }
  if (!can(session.user.role, permission)) return { error: new AccessDeniedError(403), logged: permission };
  return null;
}

/** For server actions, route handlers and data access: the user, or an AccessDeniedError (401/403) that is logged. */
export async function authorize(permission: Permission, what: string, options: AuthorizeOptions = {}): Promise<CurrentUser> {
  const session = await getCurrentSession();
  const refused = refusal(session, permission, options);
  if (refused) {
    await logDenied(session?.user ?? null, refused.logged, what);
    throw refused.error;
  }
  return session!.user;
}

/**
 * For what only decorates a page (its title, from generateMetadata, which runs apart from the page): the read
 * client when this visitor holds the permission, else null. The same check as authorize, without redirecting or
 * logging a refusal, which the page itself does; never for the page's data.
 */
export async function metadataReader(permission: Permission = "matrix:read"): Promise<Db | null> {
  return refusal(await getCurrentSession(), permission, {}) === null ? getReadDb() : null;
}

/**
 * For the layout's header, on every page, signed in or not: the session and the primary (an unread count
 * must be 0 right after «marcar como leídas»), or null. Never a redirect: the page under it decides that.
 */
export async function layoutReader(): Promise<{ session: ActiveSession; primaryDb: Db } | null> {
  const session = await getCurrentSession();
  return session && { session, primaryDb: getPrimaryDb() };
}

export const CHANGE_PASSWORD_PATH = "/cuenta/contrasena";

/**
 * For pages: the user, or a redirect to sign-in; a missing permission renders
 * the 403 page. A user holding a temporary password is sent to change it first.
 */
export async function requirePageUser(path: string, permission: Permission = "matrix:read"): Promise<CurrentUser> {
  const session = await getCurrentSession();
  if (!session) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (session.user.mustChangePassword && path !== CHANGE_PASSWORD_PATH) redirect(CHANGE_PASSWORD_PATH);
  if (!can(session.user.role, permission)) {
    await logDenied(session.user, permission, path);
    forbidden();
  }
  return session.user;
}

/**
 * The one way a page reaches the database: after requirePageUser's check, the
 * routed client (model reads may go to a replica), the read client (the replica
 * when there is one) and the primary (what a form saves against: its versions
 * must not come from a lagging replica).
 */
export async function requirePageReader(
  path: string,
  permission: Permission = "matrix:read",
): Promise<{ user: CurrentUser; db: Db; readDb: Db; primaryDb: Db }> {
  const user = await requirePageUser(path, permission);
  return { user, db: getDb(), readDb: getReadDb(), primaryDb: getPrimaryDb() };
}
