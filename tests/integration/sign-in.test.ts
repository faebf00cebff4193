import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePassword } from "@/lib/auth/generate-password";
import { signIn } from "@/lib/auth/sign-in";
import { ACCOUNT_RULE, ADDRESS_RULE } from "@/lib/auth/throttle-rules";
import { changeOwnPassword, createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

const context = (ip: string) => ({ ip, userAgent: "vitest", requestId: null });

describe("límite de intentos de ingreso en PostgreSQL", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  /** Attempts, not rows: repeated failures share one audit row and its tally. */
  const failures = async (email: string, reason: string) =>
    (await database.db.auditEvent.findMany({ where: { action: "auth.signin.failure", userEmail: email }, include: { tally: true } }))
      .filter((e) => (e.data as { reason?: string } | null)?.reason === reason)
      .reduce((sum, e) => sum + (e.tally?.count ?? 1), 0);

  it("una ráfaga de intentos en paralelo desde una dirección no prueba más contraseñas que las que el bloqueo permite", async () => {
    const user = { email: "rafaga@quito.gob.ec", name: "Rafa Ráfaga", role: "VIEWER" as const, password: generatePassword() };
    await createUser(database.db, user, null);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        signIn(database.db, { email: user.email, password: `equivocada-${n}` }, context("198.51.100.7")),
      ),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    // Before attempts were counted up front, all 20 passwords were checked.
    expect(await failures(user.email, "credentials")).toBe(ACCOUNT_RULE.lockAfter);
    expect(await failures(user.email, "locked")).toBe(20 - ACCOUNT_RULE.lockAfter);
    expect(await signIn(database.db, { email: user.email, password: user.password }, context("198.51.100.7"))).toEqual({
      ok: false,
      reason: "locked",
    });
  }, 60_000);

  it("quien bloquea una cuenta desde sus direcciones no impide que su dueño entre desde otra", async () => {
    const user = { email: "victima@quito.gob.ec", name: "Víctor Víctima", role: "ADMIN" as const, password: generatePassword() };
    await createUser(database.db, user, null);
    // An attacker with a few addresses: each one locks only itself out of this account.
    for (const n of [1, 2, 3]) {
      const tries = await Promise.all(
        Array.from({ length: ACCOUNT_RULE.lockAfter + 1 }, (_, i) =>
          signIn(database.db, { email: user.email, password: `adivina-${n}-${i}` }, context(`192.0.2.${n}`)),
        ),
      );
      expect(tries.map((r) => (r.ok ? "ok" : r.reason))).toContain("locked");
      expect((await signIn(database.db, { email: user.email, password: user.password }, context(`192.0.2.${n}`))).ok).toBe(false);
    }
    // From an address that has not failed the password opens again; an administrator's second factor comes next.
    expect(await signIn(database.db, { email: user.email, password: user.password }, context("192.0.2.200"))).toMatchObject({
      ok: false,
      reason: "second-factor",
    });
  }, 120_000);

  it("los ingresos correctos desde una misma oficina no bloquean su dirección", async () => {
    const user = { email: "oficina@quito.gob.ec", name: "Olga Oficina", role: "VIEWER" as const, password: generatePassword() };
    await createUser(database.db, user, null);
    for (let n = 0; n < ADDRESS_RULE.lockAfter + 2; n++) {
      expect(
        (await signIn(database.db, { email: user.email, password: user.password }, context("203.0.113.10"))).ok,
        `ingreso ${n + 1}`,
      ).toBe(true);
    }
    const address = await database.db.loginThrottle.findUnique({ where: { key: "address:203.0.113.10" } });
    expect(address?.failures ?? 0).toBe(0);
    expect(await database.db.userSession.count({ where: { user: { email: user.email } } })).toBe(ADDRESS_RULE.lockAfter + 2);
  }, 120_000);

  it("cambiar la propia contraseña también se bloquea tras varios intentos con la actual equivocada", async () => {
    const user = { email: "cambio@quito.gob.ec", name: "Carla Cambio", role: "VIEWER" as const, password: generatePassword() };
    await createUser(database.db, user, null);
    const id = (await database.db.user.findUniqueOrThrow({ where: { email: user.email } })).id;
    const actor = { id, email: user.email, name: user.name };
    const change = (currentPassword: string) =>
      changeOwnPassword(database.db, actor, "sin-sesion", { currentPassword, newPassword: generatePassword() }).then(
        () => "ok",
        (error: Error) => error.message,
      );
    for (let n = 0; n < ACCOUNT_RULE.lockAfter - 1; n++)
      expect(await change(`equivocada-${n}`)).toBe("La contraseña actual no es correcta.");
    expect(await change("equivocada-final")).toMatch(/bloqueado temporalmente/);
    expect(await change(user.password)).toMatch(/bloqueado temporalmente/);
  }, 60_000);
});
