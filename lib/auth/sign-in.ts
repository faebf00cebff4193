import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { verifyAgainstNothing, verifyPassword } from "./password-hash";
import { createUserSession } from "./session-store";
import { checkThrottle, clearAccountThrottle, recordFailure, throttleKeys } from "./throttle";

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

  const decision = await checkThrottle(db, keys);
  if (decision.locked) {
    await recordAuditEvent(db, { action: "auth.signin.failure", actorEmail: email, context, data: { reason: "locked" } });
    return { ok: false, reason: "locked" };
  }
  if (decision.delayMs > 0) await sleep(decision.delayMs);

  const user = await db.user.findUnique({ where: { email } });
  const valid = user && user.active ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!valid || !user) {
    const lockedNow = await recordFailure(db, keys);
    await recordAuditEvent(db, {
      action: "auth.signin.failure",
      actorEmail: email,
      context,
      data: { reason: user && !user.active ? "disabled" : "credentials" },
    });
    if (lockedNow) await recordAuditEvent(db, { action: "auth.lockout", actorEmail: email, context });
    return { ok: false, reason: lockedNow ? "locked" : "invalid" };
  }

  await clearAccountThrottle(db, email);
  const sessionId = await createUserSession(db, user.id, context);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAuditEvent(db, { action: "auth.signin.success", actor: user, context });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionId, sessionVersion: user.sessionVersion },
  };
}
