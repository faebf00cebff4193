import { describe, expect, it } from "vitest";
import { ACCOUNT_RULE, ACCOUNT_SLOWDOWN_RULE, afterFailure, decide, MAX_DELAY_MS, type ThrottleState } from "@/lib/auth/throttle-rules";

const t0 = new Date("2026-01-01T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(n: number, start = t0, spacingMs = 1_000): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = afterFailure(state, ACCOUNT_RULE, new Date(start.getTime() + i * spacingMs));
  return state;
}

describe("reglas contra fuerza bruta", () => {
  it("sin fallos no hay demora ni bloqueo", () => {
    expect(decide(null, ACCOUNT_RULE, t0)).toEqual({ locked: false, retryAfterMs: 0, delayMs: 0 });
  });

  it("tras los primeros fallos, demora creciente y acotada", () => {
    const below = decide(failTimes(ACCOUNT_RULE.delayAfter - 1), ACCOUNT_RULE, at(10_000));
    expect(below.delayMs).toBe(0);
    const first = decide(failTimes(ACCOUNT_RULE.delayAfter), ACCOUNT_RULE, at(10_000));
    const second = decide(failTimes(ACCOUNT_RULE.delayAfter + 1), ACCOUNT_RULE, at(10_000));
    expect(first.delayMs).toBeGreaterThan(0);
    expect(second.delayMs).toBeGreaterThan(first.delayMs);
    expect(second.delayMs).toBeLessThanOrEqual(MAX_DELAY_MS);
    expect(second.locked).toBe(false);
  });

  it("bloquea al llegar al umbral y durante el tiempo de bloqueo", () => {
    const state = failTimes(ACCOUNT_RULE.lockAfter)!;
    expect(state.lockedUntil).not.toBeNull();
    const decision = decide(state, ACCOUNT_RULE, at(ACCOUNT_RULE.lockAfter * 1_000));
    expect(decision.locked).toBe(true);
    expect(decision.retryAfterMs).toBeGreaterThan(ACCOUNT_RULE.lockMs - 10_000);
  });

  it("el bloqueo expira y el contador vuelve a empezar", () => {
    const state = failTimes(ACCOUNT_RULE.lockAfter)!;
    const after = at(ACCOUNT_RULE.lockAfter * 1_000 + ACCOUNT_RULE.lockMs + 1);
    expect(decide(state, ACCOUNT_RULE, after).locked).toBe(false);
    const next = afterFailure(state, ACCOUNT_RULE, after);
    expect(next.failures).toBe(1);
    expect(next.lockedUntil).toBeNull();
  });

  it("los fallos fuera de la ventana no se acumulan", () => {
    const old = failTimes(ACCOUNT_RULE.lockAfter - 1);
    const later = at(ACCOUNT_RULE.windowMs + 60_000);
    expect(decide(old, ACCOUNT_RULE, later).delayMs).toBe(0);
    expect(afterFailure(old, ACCOUNT_RULE, later).failures).toBe(1);
  });

  it("la cuenta entera, sumando todas las direcciones, solo se frena: nunca se bloquea", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 1_000; i++) state = afterFailure(state, ACCOUNT_SLOWDOWN_RULE, at(i * 100));
    const decision = decide(state, ACCOUNT_SLOWDOWN_RULE, at(100_000));
    expect(decision.locked).toBe(false);
    expect(decision.delayMs).toBe(MAX_DELAY_MS);
  });
});
