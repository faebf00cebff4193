/**
 * Brute-force rules (ASVS 2.2.1), pure so they can be tested without a clock.
 * Each key (an account, a source address) counts failures in a window; past a
 * first threshold answers are slowed down, past a second the key is locked.
 */
export interface ThrottleRule {
  /** Failures before answers are delayed. */
  delayAfter: number;
  /** Failures before the key is locked. */
  lockAfter: number;
  windowMs: number;
  lockMs: number;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** One account from one address: what locks. */
export const ACCOUNT_RULE: ThrottleRule = { delayAfter: 3, lockAfter: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/**
 * One account from every address together: only slowed, never locked, so that
 * nobody can lock someone else out by failing on purpose from many addresses.
 */
export const ACCOUNT_SLOWDOWN_RULE: ThrottleRule = {
  delayAfter: 10,
  lockAfter: Number.POSITIVE_INFINITY,
  windowMs: 15 * 60_000,
  lockMs: 0,
};
export const ADDRESS_RULE: ThrottleRule = { delayAfter: 10, lockAfter: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const MAX_DELAY_MS = 4_000;

export interface ThrottleDecision {
  locked: boolean;
  /** How long until the lock ends (0 when not locked). */
  retryAfterMs: number;
  /** How long to hold the answer to the next attempt. */
  delayMs: number;
}

export function decide(state: ThrottleState | null, rule: ThrottleRule, now: Date): ThrottleDecision {
  if (!state) return { locked: false, retryAfterMs: 0, delayMs: 0 };
  if (state.lockedUntil && state.lockedUntil > now) {
    return { locked: true, retryAfterMs: state.lockedUntil.getTime() - now.getTime(), delayMs: 0 };
  }
  const current = now.getTime() - state.windowStartedAt.getTime() < rule.windowMs ? state.failures : 0;
  const over = current - rule.delayAfter + 1;
  return { locked: false, retryAfterMs: 0, delayMs: over > 0 ? Math.min(MAX_DELAY_MS, 500 * 2 ** (over - 1)) : 0 };
}

/** The state after one more failure. */
export function afterFailure(state: ThrottleState | null, rule: ThrottleRule, now: Date): ThrottleState {
  const lockExpired = state?.lockedUntil != null && state.lockedUntil <= now;
  const fresh = !state || lockExpired || now.getTime() - state.windowStartedAt.getTime() >= rule.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  return {
    failures,
    windowStartedAt: fresh ? now : state.windowStartedAt,
    lockedUntil: failures >= rule.lockAfter ? new Date(now.getTime() + rule.lockMs) : fresh ? null : state.lockedUntil,
  };
}
