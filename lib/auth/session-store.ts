import { randomBytes } from "node:crypto";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import type { Role } from "./roles";
import { env } from "@/lib/config";

/** ASVS 3.3: sessions end after idle time and after an absolute lifetime, whatever the client does. */
export const IDLE_TIMEOUT_MS = env.SESSION_IDLE_MINUTES * 60_000;
export const ABSOLUTE_LIFETIME_MS = env.SESSION_MAX_HOURS * 3_600_000;
// Writing lastSeenAt on every request would turn every page view into a write.
const TOUCH_EVERY_MS = 60_000;

/**
 * How a session was opened. A second factor is asked only after a password:
 * a directory sign-in ("oidc") carries the directory's own MFA.
 */
export type SignInMethod = "password" | "password+totp" | "password+recovery" | "oidc";

export async function createUserSession(
  db: Db | Prisma.TransactionClient,
  userId: number,
  context: RequestContext,
  now = new Date(),
  method: SignInMethod = "password",
  /** A directory session's ID token, already sealed for this user. */
  sealedIdToken?: string,
) {
  const id = randomBytes(32).toString("base64url");
  await db.userSession.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS),
      ip: context.ip,
      userAgent: context.userAgent,
      method,
      idToken: sealedIdToken,
    },
  });
  return id;
}

type SessionRow = {
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  method: string;
  id: number;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
  active: boolean;
  sessionVersion: number;
};

export interface ActiveSession {
  sessionId: string;
  method: SignInMethod;
  user: { id: number; email: string; name: string; role: Role; mustChangePassword: boolean };
}

/**
 * The session behind a token, if it is still good: not revoked, not idle or
 * expired, its user active, and the user's session version unchanged since sign-in.
 */
export async function validateUserSession(
  db: Db,
  sessionId: string,
  sessionVersion: number,
  now = new Date(),
  /** Whether this request counts as activity (false for reading the session itself, which must not keep it alive). */
  activity = true,
): Promise<ActiveSession | null> {
  // One round trip, not Prisma's two for an include: this runs on every request.
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."revokedAt", s."expiresAt", s."lastSeenAt", s.method, u.id, u.email, u.name, u.role::text AS role,
      u."mustChangePassword", u.active, u."sessionVersion"
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE s.id = ${sessionId}`;
  if (!row || row.revokedAt) return null;
  if (!row.active || row.sessionVersion !== sessionVersion) return null;
  if (row.expiresAt <= now || now.getTime() - row.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return null;
  if (activity && now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const method: SignInMethod = row.method === "oidc" ? "oidc" : "password";
  return {
    sessionId,
    method,
    // A temporary password concerns only sessions opened with it; the directory's sign-in does not use it.
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      mustChangePassword: row.mustChangePassword && method === "password",
    },
  };
}

export async function revokeUserSession(db: Db, sessionId: string) {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
