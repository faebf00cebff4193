import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePassword } from "@/lib/auth/generate-password";
import { signIn } from "@/lib/auth/sign-in";
import { ACCOUNT_RULE } from "@/lib/auth/throttle-rules";
import { changeOwnPassword, createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

const context = (ip: string) => ({ ip, userAgent: "vitest", requestId: null });

describe("auditoría de los intentos fallidos", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  /** The failures recorded for an account: audit rows, and how many attempts they stand for. */
  async function recorded(email: string, action = "auth.signin.failure") {
    const rows = await database.db.auditEvent.findMany({ where: { action, userEmail: email }, include: { tally: true } });
    return { rows: rows.length, attempts: rows.reduce((sum, row) => sum + (row.tally?.count ?? 1), 0) };
  }

  it("cien intentos fallidos de una cuenta y una dirección son pocas filas, y cuentan los cien", async () => {
    const email = "nadie.aqui@quito.gob.ec";
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, n) => signIn(database.db, { email, password: `intento-${batch}-${n}` }, context("198.51.100.50"))),
      );
    }
    const { rows, attempts } = await recorded(email);
    expect(attempts).toBe(100);
    // One row per reason (wrong password, then locked) and minute: four if the attempts straddle a minute.
    expect(rows).toBeLessThanOrEqual(4);
    expect(await database.db.auditEvent.count({ where: { action: "auth.lockout", userEmail: email } })).toBe(1);
  }, 120_000);

  it("otra dirección sobre la misma cuenta tiene su propia fila", async () => {
    const email = "dos.lugares@quito.gob.ec";
    await signIn(database.db, { email, password: "a" }, context("198.51.100.60"));
    await signIn(database.db, { email, password: "b" }, context("198.51.100.61"));
    await signIn(database.db, { email, password: "c" }, context("198.51.100.61"));
    const rows = await database.db.auditEvent.findMany({ where: { userEmail: email }, include: { tally: true }, orderBy: { ip: "asc" } });
    expect(rows.map((row) => [row.ip, row.tally?.count])).toEqual([
      ["198.51.100.60", 1],
      ["198.51.100.61", 2],
    ]);
  });

  it("la contraseña actual equivocada en «Cambiar contraseña» y el bloqueo que provoca quedan en la auditoría", async () => {
    const user = { email: "cambia.audita@quito.gob.ec", name: "Celia Cambia", role: "VIEWER" as const, password: generatePassword() };
    await createUser(database.db, user, null);
    const id = (await database.db.user.findUniqueOrThrow({ where: { email: user.email } })).id;
    const actor = { id, email: user.email, name: user.name };
    const change = (currentPassword: string) =>
      changeOwnPassword(
        database.db,
        actor,
        "sin-sesion",
        { currentPassword, newPassword: generatePassword() },
        context("198.51.100.70"),
      ).catch(() => {});
    for (let n = 0; n < ACCOUNT_RULE.lockAfter + 2; n++) await change(`equivocada-${n}`);
    const failures = await database.db.auditEvent.findMany({
      where: { action: "auth.password.failure", userId: id },
      include: { tally: true },
      orderBy: { id: "asc" },
    });
    const byReason = new Map<string, number>();
    for (const row of failures) {
      const reason = (row.data as { reason: string }).reason;
      byReason.set(reason, (byReason.get(reason) ?? 0) + (row.tally?.count ?? 1));
    }
    expect(Object.fromEntries(byReason)).toEqual({ "wrong-current-password": ACCOUNT_RULE.lockAfter, locked: 2 });
    expect(failures[0]).toMatchObject({ ip: "198.51.100.70", entityType: "User", entityId: String(id) });
    const lockouts = await database.db.auditEvent.findMany({ where: { action: "auth.lockout", userId: id } });
    expect(lockouts.map((e) => e.data)).toEqual([{ scope: "password-change" }]);
  }, 60_000);
});
