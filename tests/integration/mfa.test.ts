import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePassword } from "@/lib/auth/generate-password";
import { confirmEnrolment, disableOwnMfa, pendingEnrolment, resetMfa, startEnrolment, verifySecondFactor } from "@/lib/auth/mfa";
import { openTotpSecret } from "@/lib/auth/mfa-secret-box";
import { signIn, startSession } from "@/lib/auth/sign-in";
import { ACCOUNT_RULE } from "@/lib/auth/throttle-rules";
import { validateUserSession } from "@/lib/auth/session-store";
import type { Role } from "@/lib/auth/roles";
import { setRequireMfaForAll } from "@/lib/settings/portal-settings";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

process.env.NEXTAUTH_SECRET ??= "secreto-de-pruebas-de-integracion-0123456789abcdef";

const context = { ip: "198.51.100.7", userAgent: "vitest", requestId: null };
const stepFromNow = (secret: string, steps: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * steps });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "aceptado",
    (error: Error) => error.message,
  );

describe("verificación en dos pasos (TOTP) en PostgreSQL", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  async function account(email: string, role: Role) {
    const password = generatePassword();
    const { user } = await createUser(database.db, { email, name: "Persona de Pruebas", role, password }, null);
    return { ...user, password };
  }
  async function enrol(user: { id: number; email: string }) {
    await startEnrolment(database.db, user);
    const pending = await pendingEnrolment(database.db, user);
    const codes = await confirmEnrolment(database.db, user, { code: await stepFromNow(pending!.secret, 0) }, context);
    return { secret: pending!.secret, codes };
  }
  const events = (action: string, userId: number) => database.db.auditEvent.findMany({ where: { action, userId }, orderBy: { id: "asc" } });

  it("administración sin segundo factor no recibe sesión: debe activarlo, y el secreto se guarda cifrado", async () => {
    const admin = await account("admin.mfa@quito.gob.ec", "ADMIN");
    const first = await signIn(database.db, { email: admin.email, password: admin.password }, context);
    expect(first).toMatchObject({ ok: false, reason: "second-factor", step: "enrol" });
    expect(await database.db.userSession.count({ where: { userId: admin.id } })).toBe(0);

    const { secret, codes } = await enrol(admin);
    expect(codes).toHaveLength(10);
    const stored = await database.db.mfaCredential.findUniqueOrThrow({ where: { userId: admin.id } });
    expect(stored.secretEncrypted).not.toContain(secret);
    expect(openTotpSecret(stored.secretEncrypted, admin.id)).toBe(secret);
    const hashes = await database.db.mfaRecoveryCode.findMany({ where: { userId: admin.id } });
    expect(hashes).toHaveLength(10);
    for (const row of hashes) expect(codes.some((code) => row.codeHash.includes(code.replace(/-/g, "")))).toBe(false);
    expect(await events("auth.mfa.enrol", admin.id)).toHaveLength(1);

    expect(await signIn(database.db, { email: admin.email, password: admin.password }, context)).toMatchObject({
      ok: false,
      reason: "second-factor",
      step: "verify",
    });
  });

  it("un código sirve una sola vez, aunque lleguen dos solicitudes a la vez con el mismo", async () => {
    const user = await account("repeticion@quito.gob.ec", "VIEWER");
    const { secret } = await enrol(user);
    const code = await stepFromNow(secret, 1);
    const outcomes = await Promise.all([0, 1, 2].map(() => failure(verifySecondFactor(database.db, user, { code }, context))));
    expect(outcomes.filter((o) => o === "aceptado")).toHaveLength(1);
    expect(outcomes.filter((o) => /ya se usó/.test(o))).toHaveLength(2);
    // The enrolment's own code (the current step) was spent too: neither it nor the one just used opens anything.
    expect(await failure(verifySecondFactor(database.db, user, { code: await stepFromNow(secret, 0) }, context))).toMatch(/ya se usó/);
    const failures = await events("auth.mfa.failure", user.id);
    expect(failures.length).toBe(3);
  });

  it("un código de recuperación abre una vez, queda gastado y se audita", async () => {
    const user = await account("recuperacion@quito.gob.ec", "PLANNER");
    const { codes } = await enrol(user);
    const typed = codes[3]!.toUpperCase().replace(/-/g, " ");
    expect(await verifySecondFactor(database.db, user, { code: typed }, context)).toBe("recovery");
    expect(await failure(verifySecondFactor(database.db, user, { code: codes[3]! }, context))).toMatch(/no es correcto/);
    const used = await events("auth.mfa.recovery", user.id);
    expect(used).toHaveLength(1);
    expect(used[0]!.data).toEqual({ left: 9 });
    const session = await startSession(database.db, { ...user, role: user.role }, context, "password+recovery");
    expect((await database.db.userSession.findUniqueOrThrow({ where: { id: session.sessionId } })).method).toBe("password+recovery");
  });

  it("los códigos equivocados se limitan como las contraseñas: tras cinco, ni el correcto entra", async () => {
    const user = await account("fuerza.bruta@quito.gob.ec", "VIEWER");
    const { secret } = await enrol(user);
    const answers = [];
    for (let n = 0; n < ACCOUNT_RULE.lockAfter; n++)
      answers.push(await failure(verifySecondFactor(database.db, user, { code: "000000" }, context)));
    expect(answers.slice(0, -1).every((a) => /no es correcto/.test(a))).toBe(true);
    expect(answers.at(-1)).toMatch(/bloqueada temporalmente/);
    expect(await failure(verifySecondFactor(database.db, user, { code: await stepFromNow(secret, 1) }, context))).toMatch(
      /bloqueada temporalmente/,
    );
    const lockouts = await database.db.auditEvent.findMany({ where: { action: "auth.lockout", userId: user.id } });
    expect(lockouts.map((e) => e.data)).toEqual([{ factor: "mfa" }]);
  }, 60_000);

  it("otra persona de administración lo restablece: se audita, se cierran las sesiones y el siguiente ingreso pide activarlo", async () => {
    const resetter = await account("restablece@quito.gob.ec", "ADMIN");
    const target = await account("perdio.telefono@quito.gob.ec", "ADMIN");
    await enrol(target);
    const open = await startSession(database.db, { ...target }, context, "password+totp");
    expect(await failure(resetMfa(database.db, resetter.id, resetter, context))).toMatch(/propia/);

    await resetMfa(database.db, target.id, resetter, context);
    expect(await database.db.mfaCredential.count({ where: { userId: target.id } })).toBe(0);
    expect(await database.db.mfaRecoveryCode.count({ where: { userId: target.id } })).toBe(0);
    expect(await validateUserSession(database.db, open.sessionId, open.sessionVersion)).toBeNull();
    const audit = await database.db.auditEvent.findMany({ where: { action: "user.mfa.reset" } });
    expect(audit).toMatchObject([{ userId: resetter.id, entityType: "User", entityId: String(target.id) }]);
    expect(await signIn(database.db, { email: target.email, password: target.password }, context)).toMatchObject({
      ok: false,
      reason: "second-factor",
      step: "enrol",
    });
  });

  it("fuera de administración es opcional, salvo que se exija a todos; quien no la exige puede desactivarla con un código", async () => {
    const viewer = await account("opcional@quito.gob.ec", "VIEWER");
    const admin = await account("ajustes@quito.gob.ec", "ADMIN");
    expect((await signIn(database.db, { email: viewer.email, password: viewer.password }, context)).ok).toBe(true);

    await setRequireMfaForAll(database.db, true, admin, context);
    expect(await signIn(database.db, { email: viewer.email, password: viewer.password }, context)).toMatchObject({ step: "enrol" });
    const { secret } = await enrol(viewer);
    expect(await failure(disableOwnMfa(database.db, viewer, { code: await stepFromNow(secret, 1) }, context))).toMatch(/exige/);

    await setRequireMfaForAll(database.db, false, admin, context);
    const settings = await database.db.auditEvent.findMany({ where: { action: "settings.update" }, orderBy: { id: "asc" } });
    expect(settings.map((e) => e.data)).toEqual([
      { before: { requireMfaForAll: false }, after: { requireMfaForAll: true } },
      { before: { requireMfaForAll: true }, after: { requireMfaForAll: false } },
    ]);
    await disableOwnMfa(database.db, viewer, { code: await stepFromNow(secret, 1) }, context);
    expect(await events("auth.mfa.disable", viewer.id)).toHaveLength(1);
    expect((await signIn(database.db, { email: viewer.email, password: viewer.password }, context)).ok).toBe(true);

    const adminEnrolled = await enrol(admin);
    expect(await failure(disableOwnMfa(database.db, admin, { code: await stepFromNow(adminEnrolled.secret, 1) }, context))).toMatch(
      /exige/,
    );
  });
});
