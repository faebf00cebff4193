import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePassword } from "@/lib/auth/generate-password";
import type { OidcConfig } from "@/lib/auth/oidc-config";
import { type DirectoryClaims, signInWithDirectory } from "@/lib/auth/oidc-sign-in";
import { validateUserSession } from "@/lib/auth/session-store";
import { signIn } from "@/lib/auth/sign-in";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

const context = { ip: "203.0.113.7", userAgent: "vitest", requestId: null };
const config: OidcConfig = {
  issuer: "https://sso.quito.gob.ec/realms/municipio",
  clientId: "pmdot",
  clientSecret: "secreto",
  name: "Directorio",
  scopes: "openid email profile",
  groupsClaim: "groups",
  groupRoles: new Map([["pmdot-planif", "PLANNER"]]),
  groupSecretariats: new Map(),
  autoProvision: true,
  allowedDomains: [],
  allowedGroups: ["pmdot-personal"],
};
const claims = (subject: string, email: string | null, groups: string[] = [], emailVerified = true): DirectoryClaims => ({
  subject,
  email,
  emailVerified,
  name: null,
  groups,
});

describe("ingreso con el directorio en PostgreSQL", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  const counts = async () => ({ users: await database.db.user.count(), sessions: await database.db.userSession.count() });
  const lastRefusal = async () =>
    (await database.db.auditEvent.findFirst({ where: { action: "auth.sso.failure" }, orderBy: { id: "desc" } }))?.data;

  it("aprovisiona por grupo permitido, con sesión del directorio que no exige cambiar contraseña", async () => {
    const result = await signInWithDirectory(
      database.db,
      config,
      claims("s-1", "jose@quito.gob.ec", ["pmdot-personal", "pmdot-planif"]),
      context,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.user).toMatchObject({ email: "jose@quito.gob.ec", name: "jose@quito.gob.ec", role: "PLANNER" });
    const session = await validateUserSession(database.db, result.user.sessionId, result.user.sessionVersion);
    expect(session).toMatchObject({ method: "oidc", user: { mustChangePassword: false } });
    // The account made by the directory has no password that could ever match.
    expect((await signIn(database.db, { email: "jose@quito.gob.ec", password: "!sso" }, context)).ok).toBe(false);
  });

  it("rechaza sin escribir la cuenta ni la sesión: fuera de los grupos, sin correo verificado, otra identidad, cuenta desactivada", async () => {
    const before = await counts();
    expect(await signInWithDirectory(database.db, config, claims("s-2", "otra@quito.gob.ec", ["visitantes"]), context)).toEqual({
      ok: false,
      reason: "not-allowed",
    });
    expect(await lastRefusal()).toMatchObject({ reason: "not-allowed", issuer: config.issuer, subject: "s-2" });
    expect(await signInWithDirectory(database.db, config, claims("s-3", "jose@quito.gob.ec", [], false), context)).toMatchObject({
      reason: "no-email",
    });
    // jose@ is linked to s-1: another subject with his address does not get his account.
    expect(await signInWithDirectory(database.db, config, claims("s-4", "jose@quito.gob.ec", ["pmdot-personal"]), context)).toMatchObject({
      reason: "other-subject",
    });
    expect(await counts()).toEqual(before);

    await database.db.user.update({ where: { email: "jose@quito.gob.ec" }, data: { active: false } });
    expect(await signInWithDirectory(database.db, config, claims("s-1", "jose@quito.gob.ec", ["pmdot-personal"]), context)).toMatchObject({
      reason: "disabled",
    });
    expect(await counts()).toEqual(before);
  });

  it("las secretarías salen de los grupos en cada ingreso: quien deja el grupo deja la secretaría, y queda auditado", async () => {
    const salud = await database.db.secretariat.create({ data: { name: "Secretaría de prueba A", slug: "prueba-a" } });
    const movilidad = await database.db.secretariat.create({ data: { name: "Secretaría de prueba B", slug: "prueba-b" } });
    const mapped: OidcConfig = {
      ...config,
      groupSecretariats: new Map([
        ["pmdot-salud", ["prueba-a"]],
        ["pmdot-movilidad", ["prueba-b", "inexistente"]],
      ]),
    };
    const signInAs = async (groups: string[]) => {
      const result = await signInWithDirectory(
        database.db,
        mapped,
        claims("s-20", "ana@quito.gob.ec", ["pmdot-personal", ...groups]),
        context,
      );
      if (!result.ok) throw new Error(result.reason);
      const rows = await database.db.userSecretariat.findMany({ where: { userId: result.user.id }, orderBy: { secretariatId: "asc" } });
      return rows.map((row) => row.secretariatId);
    };
    expect(await signInAs(["pmdot-salud", "pmdot-movilidad"])).toEqual([salud.id, movilidad.id].sort((a, b) => a - b));
    const [granted] = await database.db.auditEvent.findMany({
      where: { action: "user.secretariats.update" },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(granted?.data).toMatchObject({ source: "directory", issuer: config.issuer, unknownSecretariats: ["inexistente"] });
    expect(await signInAs(["pmdot-salud"])).toEqual([salud.id]);
    expect(await signInAs([])).toEqual([]);
    expect(await database.db.auditEvent.count({ where: { action: "user.secretariats.update" } })).toBe(3);
    // The same groups again change nothing, and write no event.
    await signInAs([]);
    expect(await database.db.auditEvent.count({ where: { action: "user.secretariats.update" } })).toBe(3);
    // Without a mapping, memberships are the portal's to manage: a sign-in leaves them alone.
    await database.db.userSecretariat.create({
      data: { userId: (await database.db.user.findUniqueOrThrow({ where: { email: "ana@quito.gob.ec" } })).id, secretariatId: salud.id },
    });
    const result = await signInWithDirectory(database.db, config, claims("s-20", "ana@quito.gob.ec", ["pmdot-personal"]), context);
    expect(result.ok).toBe(true);
    expect(await database.db.userSecretariat.count({ where: { secretariatId: salud.id } })).toBe(1);
  });

  it("con AUTH_LOCAL_ACCOUNTS=admins-only la contraseña solo abre cuentas de administración", async () => {
    const admin = { email: "emergencia@quito.gob.ec", name: "Ema Emergencia", role: "ADMIN" as const, password: generatePassword() };
    const planner = { email: "planifica@quito.gob.ec", name: "Pía Planifica", role: "PLANNER" as const, password: generatePassword() };
    await createUser(database.db, admin, null);
    await createUser(database.db, planner, null);
    // The break-glass admin gets past the password; an administrator's second factor comes next.
    expect(await signIn(database.db, admin, context, "admins-only")).toMatchObject({ ok: false, reason: "second-factor" });
    expect(await signIn(database.db, planner, context, "admins-only")).toEqual({ ok: false, reason: "invalid" });
    expect((await signIn(database.db, planner, context, "all")).ok).toBe(true);
  });
});
