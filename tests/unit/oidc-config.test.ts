import { describe, expect, it } from "vitest";
import { csrfTokenOf, newCsrfCookie } from "@/lib/auth/csrf-cookie";
import { parseAuthConfig } from "@/lib/auth/oidc-config";
import { directoryClaims, roleFromGroups, secretariatsFromGroups } from "@/lib/auth/oidc-sign-in";

const complete = { OIDC_ISSUER: "https://sso.quito.gob.ec/realms/municipio/", OIDC_CLIENT_ID: "pmdot", OIDC_CLIENT_SECRET: "secreto" };

describe("configuración del ingreso con el directorio", () => {
  it("sin variables OIDC_* no hay directorio y las cuentas locales siguen como siempre", () => {
    expect(parseAuthConfig({})).toEqual({ config: { oidc: null, localAccounts: "all" } });
  });

  it("lee el emisor sin barra final, los valores por omisión y el mapa de grupos a roles", () => {
    const parsed = parseAuthConfig({
      ...complete,
      OIDC_GROUP_ROLES: "pmdot-admins=ADMIN, pmdot-planif=PLANNER",
      OIDC_GROUPS_CLAIM: "roles",
    });
    if (!("config" in parsed)) throw new Error(parsed.problems.join());
    expect(parsed.config.oidc).toMatchObject({
      issuer: "https://sso.quito.gob.ec/realms/municipio",
      scopes: "openid email profile",
      groupsClaim: "roles",
      autoProvision: false,
    });
    expect([...parsed.config.oidc!.groupRoles]).toEqual([
      ["pmdot-admins", "ADMIN"],
      ["pmdot-planif", "PLANNER"],
    ]);
  });

  it("rechaza en español una configuración incompleta o peligrosa", () => {
    const problems = (env: Record<string, string>) =>
      "problems" in parseAuthConfig(env) ? (parseAuthConfig(env) as { problems: string[] }).problems : [];
    expect(problems({ OIDC_ISSUER: complete.OIDC_ISSUER })).toEqual([expect.stringContaining("van juntas")]);
    expect(problems({ ...complete, OIDC_GROUP_ROLES: "pmdot-admins=JEFE" })).toEqual([expect.stringContaining("grupo=ROL")]);
    expect(problems({ ...complete, OIDC_AUTO_PROVISION: "1" })).toEqual([expect.stringContaining("OIDC_ALLOWED_DOMAINS")]);
    expect(problems({ AUTH_LOCAL_ACCOUNTS: "ninguna" })).toEqual([expect.stringContaining("admins-only")]);
    expect(problems({ ...complete, OIDC_GROUP_SECRETARIATS: "pmdot-salud" })).toEqual([expect.stringContaining("grupo=secretaría")]);
  });

  it("OIDC_GROUP_SECRETARIATS da a cada grupo sus secretarías, por código", () => {
    const parsed = parseAuthConfig({ ...complete, OIDC_GROUP_SECRETARIATS: "pmdot-salud=Salud, pmdot-mixto=salud,pmdot-mixto=movilidad" });
    if ("problems" in parsed) throw new Error(parsed.problems.join(" "));
    const mapping = parsed.config.oidc!.groupSecretariats;
    expect(secretariatsFromGroups({ groupSecretariats: mapping }, ["pmdot-mixto", "pmdot-salud", "otro"])).toEqual(["movilidad", "salud"]);
    expect(secretariatsFromGroups({ groupSecretariats: mapping }, ["otro"])).toEqual([]);
    expect(secretariatsFromGroups({ groupSecretariats: new Map() }, ["pmdot-salud"])).toBeNull();
  });
});

describe("grupos y datos del token de ID", () => {
  const config = {
    groupRoles: new Map([
      ["pmdot-admins", "ADMIN"],
      ["pmdot-planif", "PLANNER"],
    ] as const),
  };

  it("el rol es el más alto de los grupos mapeados; sin ninguno, Consulta; sin mapa, el del portal", () => {
    expect(roleFromGroups(config, ["pmdot-planif", "pmdot-admins"])).toBe("ADMIN");
    expect(roleFromGroups(config, ["pmdot-planif", "otro"])).toBe("PLANNER");
    expect(roleFromGroups(config, ["otro"])).toBe("VIEWER");
    expect(roleFromGroups({ groupRoles: new Map() }, ["pmdot-admins"])).toBeNull();
  });

  it("lee el correo en minúsculas, el nombre y los grupos del reclamo configurado", () => {
    expect(
      directoryClaims(
        { sub: "abc", email: "Ana.Perez@Quito.gob.ec", given_name: "Ana", family_name: "Pérez", roles: "pmdot-admins" },
        "roles",
      ),
    ).toEqual({
      subject: "abc",
      email: "ana.perez@quito.gob.ec",
      emailVerified: true,
      name: "Ana Pérez",
      groups: ["pmdot-admins"],
    });
    expect(directoryClaims({ sub: "x", email: "a@b.ec", email_verified: false }, "groups").emailVerified).toBe(false);
  });
});

describe("cookie CSRF de next-auth para el botón sin JavaScript", () => {
  it("acepta la cookie firmada con el secreto y ninguna otra", () => {
    const { token, value } = newCsrfCookie("secreto-uno");
    expect(csrfTokenOf(value, "secreto-uno")).toBe(token);
    expect(csrfTokenOf(value, "secreto-dos")).toBeNull();
    expect(csrfTokenOf(`${token}|${"0".repeat(64)}`, "secreto-uno")).toBeNull();
    expect(csrfTokenOf(undefined, "secreto-uno")).toBeNull();
  });
});
