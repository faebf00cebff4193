import { createHash } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { env } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { directoryLogoutUrl } from "./directory-provider";
import { authConfig } from "./oidc-config";
import { openSecret } from "./secret-box";
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, revokeUserSession } from "./session-store";

/**
 * A session as its owner sees it. Never the row's id, which is what the
 * session cookie names: the page and its forms carry a digest of it instead.
 */
export interface OwnSession {
  handle: string;
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

const handleOf = (sessionId: string) => createHash("sha256").update(sessionId).digest("base64url").slice(0, 22);

/** The sessions of a user that still work (not ended, not idle, not past their lifetime), most recently used first. */
async function liveSessions(db: Db, userId: number, now = new Date()) {
  return db.userSession.findMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - IDLE_TIMEOUT_MS) },
      createdAt: { gt: new Date(now.getTime() - ABSOLUTE_LIFETIME_MS) },
    },
    orderBy: { lastSeenAt: "desc" },
  });
}

export async function listOwnSessions(db: Db, userId: number, currentSessionId: string): Promise<OwnSession[]> {
  const sessions = await liveSessions(db, userId);
  return sessions.map((s) => ({
    handle: handleOf(s.id),
    current: s.id === currentSessionId,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    ip: s.ip,
    userAgent: s.userAgent,
  }));
}

/**
 * Ends one of the user's other sessions, or all of them ("others"), never the
 * one making the request; only the user's own. Returns how many ended.
 */
export async function endOwnSessions(
  db: Db,
  user: { id: number; email: string },
  currentSessionId: string,
  which: { handle: string } | "others",
  context?: RequestContext,
): Promise<number> {
  const targets = (await liveSessions(db, user.id)).filter(
    (s) => s.id !== currentSessionId && (which === "others" || handleOf(s.id) === which.handle),
  );
  if (targets.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { id: { in: targets.map((s) => s.id) }, userId: user.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      action: "auth.session.revoke",
      actor: user,
      entityType: "User",
      entityId: user.id,
      context,
      data: { scope: which === "others" ? "others" : "one", count, addresses: [...new Set(targets.map((s) => s.ip ?? "?"))] },
    });
    return count;
  });
}

/**
 * Signing out: the session row ends, for every instance at once, with its audit event; then where the browser
 * goes. A directory session goes on to the directory's end-session address, with its ID token as the hint, so
 * the directory's session ends too (RP-initiated logout); any other goes to the sign-in page.
 */
export async function signOutAndLeave(db: Db, actor: { id: number; email: string }, sessionId: string, context?: RequestContext) {
  const row = await db.userSession.findUnique({ where: { id: sessionId }, select: { method: true, idToken: true } });
  await revokeUserSession(db, sessionId);
  await recordAuditEvent(db, { action: "auth.signout", actor, context });
  const oidc = authConfig().oidc;
  if (row?.method !== "oidc" || !oidc) return "/login";
  const idToken = row.idToken ? openSecret("oidc-id-token", row.idToken, actor.id, env.NEXTAUTH_SECRET) : null;
  return (await directoryLogoutUrl(oidc, env.NEXTAUTH_URL, idToken)) ?? "/login";
}
