import type { Db } from "@/lib/db/client";
import { ACCOUNT_RULE, ADDRESS_RULE, afterFailure, decide, type ThrottleDecision, type ThrottleRule, type ThrottleState } from "./throttle-rules";

/** The keys one sign-in attempt is counted under. Counters live in PostgreSQL, shared by every instance. */
export function throttleKeys(email: string, ip: string | null): { key: string; rule: ThrottleRule }[] {
  const keys = [{ key: `account:${email.trim().toLowerCase()}`, rule: ACCOUNT_RULE }];
  if (ip) keys.push({ key: `address:${ip}`, rule: ADDRESS_RULE });
  return keys;
}

async function load(db: Db, key: string): Promise<ThrottleState | null> {
  return db.loginThrottle.findUnique({ where: { key }, select: { failures: true, windowStartedAt: true, lockedUntil: true } });
}

/** The strictest decision over all keys of an attempt. */
export async function checkThrottle(db: Db, keys: { key: string; rule: ThrottleRule }[], now = new Date()): Promise<ThrottleDecision> {
  const decisions = await Promise.all(keys.map(async ({ key, rule }) => decide(await load(db, key), rule, now)));
  return decisions.reduce(
    (a, b) => ({ locked: a.locked || b.locked, retryAfterMs: Math.max(a.retryAfterMs, b.retryAfterMs), delayMs: Math.max(a.delayMs, b.delayMs) }),
    { locked: false, retryAfterMs: 0, delayMs: 0 },
  );
}

/** Counts a failure under every key; returns true when this failure locked one of them. */
export async function recordFailure(db: Db, keys: { key: string; rule: ThrottleRule }[], now = new Date()): Promise<boolean> {
  let lockedNow = false;
  for (const { key, rule } of keys) {
    await db.$transaction(async (tx) => {
      // The row lock makes concurrent failures from two instances count twice, not once.
      await tx.$executeRaw`INSERT INTO "LoginThrottle" ("key", "failures", "windowStartedAt") VALUES (${key}, 0, ${now}) ON CONFLICT ("key") DO NOTHING`;
      const [current] = await tx.$queryRaw<ThrottleState[]>`SELECT "failures", "windowStartedAt", "lockedUntil" FROM "LoginThrottle" WHERE "key" = ${key} FOR UPDATE`;
      const wasLocked = !!current?.lockedUntil && current.lockedUntil > now;
      const next = afterFailure(current && current.failures > 0 ? current : null, rule, now);
      if (!wasLocked && next.lockedUntil && next.lockedUntil > now) lockedNow = true;
      await tx.loginThrottle.update({ where: { key }, data: { ...next, lastFailureAt: now } });
    });
  }
  return lockedNow;
}

/** A successful sign-in clears the account's counter (not the address's: one good account must not unlock an address). */
export async function clearAccountThrottle(db: Db, email: string) {
  await db.loginThrottle.deleteMany({ where: { key: `account:${email.trim().toLowerCase()}` } });
}
