import type { Db } from "@/lib/db/client";
import {
  ACCOUNT_RULE,
  ACCOUNT_SLOWDOWN_RULE,
  ADDRESS_RULE,
  afterFailure,
  decide,
  type ThrottleDecision,
  type ThrottleRule,
  type ThrottleState,
} from "./throttle-rules";

/** A counter; one that stands for a person (not an address) starts over after their success. */
export type ThrottleKey = { key: string; rule: ThrottleRule; resetOnSuccess?: boolean };

/**
 * The keys one sign-in attempt is counted under. Counters live in PostgreSQL,
 * shared by every instance. An account locks only for the address that failed
 * on it (README, «Ingreso»): from anywhere else its owner still gets in, only
 * slowed once the account has failed often from everywhere together. Each
 * address also has a limit of its own, over every account.
 */
export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const account = email.trim().toLowerCase();
  const keys: ThrottleKey[] = [
    { key: `account-address:${account}|${ip ?? "desconocida"}`, rule: ACCOUNT_RULE, resetOnSuccess: true },
    { key: `account:${account}`, rule: ACCOUNT_SLOWDOWN_RULE, resetOnSuccess: true },
  ];
  if (ip) keys.push({ key: `address:${ip}`, rule: ADDRESS_RULE });
  return keys;
}

/** Changing one's own password checks the current one: the same rule as signing in, on a counter of its own. */
export const passwordChangeKeys = (userId: number): ThrottleKey[] => [
  { key: `password-change:${userId}`, rule: ACCOUNT_RULE, resetOnSuccess: true },
];

export interface Reservation extends ThrottleDecision {
  /** The keys that counting this attempt locked. */
  lockedKeys: string[];
}

/**
 * Counts an attempt as a failure under every key before its password is
 * checked, and returns the strictest decision the keys were in before it.
 * Counting first means a burst of parallel attempts cannot all pass a check
 * made before any of them failed: the sixth one already finds the account
 * locked. A locked key is not counted further. A success gives the count back
 * (refundAttempt).
 */
export async function reserveAttempt(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Reservation> {
  const reservation: Reservation = { locked: false, retryAfterMs: 0, delayMs: 0, lockedKeys: [] };
  for (const { key, rule } of keys) {
    await db.$transaction(async (tx) => {
      // The row lock orders concurrent attempts from every instance: each sees the ones before it. One upsert
      // both creates and locks the row: with an insert and a separate SELECT … FOR UPDATE, a success deleting the
      // row in between (refundAttempt) left nothing to lock, and the update below failed.
      const [current] = await tx.$queryRaw<ThrottleState[]>`
        INSERT INTO "LoginThrottle" ("key", "failures", "windowStartedAt") VALUES (${key}, 0, ${now})
        ON CONFLICT ("key") DO UPDATE SET "key" = EXCLUDED."key"
        RETURNING "failures", "windowStartedAt", "lockedUntil"`;
      const state = current && current.failures > 0 ? current : null;
      const decision = decide(state, rule, now);
      reservation.locked ||= decision.locked;
      reservation.retryAfterMs = Math.max(reservation.retryAfterMs, decision.retryAfterMs);
      reservation.delayMs = Math.max(reservation.delayMs, decision.delayMs);
      if (decision.locked) return;
      const next = afterFailure(state, rule, now);
      if (next.lockedUntil && next.lockedUntil > now) reservation.lockedKeys.push(key);
      await tx.loginThrottle.update({ where: { key }, data: { ...next, lastFailureAt: now } });
    });
  }
  return reservation;
}

/**
 * After a success: a person's counter is cleared, and an address only gets
 * this attempt back (one good account must not unlock an address, and an
 * office where many people sign in must not lock itself).
 */
export async function refundAttempt(db: Db, keys: ThrottleKey[], reservation: Reservation) {
  for (const { key, resetOnSuccess } of keys) {
    if (resetOnSuccess) {
      await db.loginThrottle.deleteMany({ where: { key } });
    } else {
      await db.$executeRaw`UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - 1, 0),
        "lockedUntil" = CASE WHEN ${reservation.lockedKeys.includes(key)} THEN NULL ELSE "lockedUntil" END WHERE "key" = ${key}`;
    }
  }
}
