import { z } from "zod";
import { recordAuditEvent, recordRepeatedFailure } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { verifyAgainstNothing, verifyPassword } from "./password-hash";
import { createUserSession } from "./session-store";
import { refundAttempt, reserveAttempt, throttleKeys } from "./throttle";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1_024),
});

export type SignInResult =
  | { ok: true; user: { id: number; email: string; name: string; role: string; sessionId: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "locked" };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks a sign-in attempt under the brute-force rules and records it. The
 * answer never tells whether the e-mail exists.
 */
export async function signIn(db: Db, input: unknown, context: RequestContext): Promise<SignInResult> {
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
  const valid = user && user.active ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
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
  // The session, the sign-in time and its audit event exist together or not at all.
  const sessionId = await db.$transaction(async (tx) => {
    const id = await createUserSession(tx, user.id, context);
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAuditEvent(tx, { action: "auth.signin.success", actor: user, context });
    return id;
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionId, sessionVersion: user.sessionVersion },
  };
}
