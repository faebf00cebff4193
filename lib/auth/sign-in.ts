import { z } from "zod";
import { recordAuditEvent, recordRepeatedFailure } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { authConfig } from "./oidc-config";
import { hasMfa, mfaRequired } from "./mfa";
import { verifyAgainstNothing, verifyPassword } from "./password-hash";
import { createUserSession, type SignInMethod } from "./session-store";
import { refundAttempt, reserveAttempt, throttleKeys } from "./throttle";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1_024),
});

export interface SignedInUser {
  id: number;
  email: string;
  name: string;
  role: string;
  sessionId: string;
  sessionVersion: number;
}

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "locked" }
  /** The password was right, but no session exists until the second factor is given (or enrolled, where required). */
  | { ok: false; reason: "second-factor"; step: "verify" | "enrol"; user: { id: number; sessionVersion: number } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks a sign-in attempt under the brute-force rules and records it. The
 * answer never tells whether the e-mail exists.
 */
export async function signIn(
  db: Db,
  input: unknown,
  context: RequestContext,
  localAccounts = authConfig().localAccounts,
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, context.ip);

  const reservation = await reserveAttempt(db, keys);
  if (reservation.locked) {
    await recordRepeatedFailure(db, { action: "auth.signin.failure", actorEmail: email, context, data: { reason: "locked" } });
    return { ok: false, reason: "locked" };
  }
  if (reservation.delayMs > 0) await sleep(reservation.delayMs);

  const user = await db.user.findUnique({ where: { email } });
  const valid = user?.active ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!valid || !user) {
    await recordRepeatedFailure(db, {
      action: "auth.signin.failure",
      actorEmail: email,
      context,
      data: { reason: user && !user.active ? "disabled" : "credentials" },
    });
    const lockedNow = reservation.lockedKeys.length > 0;
    if (lockedNow) await recordAuditEvent(db, { action: "auth.lockout", actorEmail: email, context });
    return { ok: false, reason: lockedNow ? "locked" : "invalid" };
  }

  await refundAttempt(db, keys, reservation);
  // AUTH_LOCAL_ACCOUNTS=admins-only: everyone else signs in through the directory. Checked after the
  // password, so the answer tells nothing to someone who does not know it.
  if (localAccounts === "admins-only" && user.role !== "ADMIN") {
    await recordAuditEvent(db, { action: "auth.signin.failure", actor: user, context, data: { reason: "local-accounts-admins-only" } });
    return { ok: false, reason: "invalid" };
  }
  const enrolled = await hasMfa(db, user.id);
  if (enrolled || (await mfaRequired(db, user.role))) {
    return {
      ok: false,
      reason: "second-factor",
      step: enrolled ? "verify" : "enrol",
      user: { id: user.id, sessionVersion: user.sessionVersion },
    };
  }
  return { ok: true, user: await startSession(db, user, context, "password") };
}

/** The session, the sign-in time and its audit event, together or not at all; after the password, or after both factors. */
export async function startSession(
  db: Db,
  user: { id: number; email: string; name: string; role: string; sessionVersion: number },
  context: RequestContext,
  method: SignInMethod,
): Promise<SignedInUser> {
  const sessionId = await db.$transaction(async (tx) => {
    const id = await createUserSession(tx, user.id, context, new Date(), method);
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAuditEvent(tx, { action: "auth.signin.success", actor: user, context, data: { method } });
    return id;
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId, sessionVersion: user.sessionVersion };
}
