import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePassword } from "@/lib/auth/generate-password";
import { createUserSession } from "@/lib/auth/session-store";
import { endOwnSessions, listOwnSessions } from "@/lib/auth/user-sessions";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

const at = (ip: string) => ({ ip, userAgent: "vitest", requestId: null });

describe("las sesiones propias", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  async function person(email: string) {
    const { user } = await createUser(database.db, { email, name: "Persona", role: "VIEWER", password: generatePassword() }, null);
    return user;
  }

  it("se listan sin su identificador, y solo se cierran las propias, nunca la actual", async () => {
    const ana = await person("ana.sesiones@quito.gob.ec");
    const beto = await person("beto.sesiones@quito.gob.ec");
    const current = await createUserSession(database.db, ana.id, at("192.0.2.1"));
    const other = await createUserSession(database.db, ana.id, at("192.0.2.2"));
    await createUserSession(database.db, ana.id, at("192.0.2.3"));
    const betos = await createUserSession(database.db, beto.id, at("192.0.2.9"));
    const idle = await createUserSession(database.db, ana.id, at("192.0.2.4"), new Date(Date.now() - 3_600_000));

    const listed = await listOwnSessions(database.db, ana.id, current);
    expect(listed.map((s) => [s.ip, s.current])).toEqual(
      expect.arrayContaining([
        ["192.0.2.1", true],
        ["192.0.2.2", false],
        ["192.0.2.3", false],
      ]),
    );
    expect(listed).toHaveLength(3);
    expect(JSON.stringify(listed)).not.toContain(other);
    expect(JSON.stringify(listed)).not.toContain(idle);

    // Beto's handle, and Ana's current one, cannot be ended from Ana's page.
    const [betoListed] = await listOwnSessions(database.db, beto.id, "ninguna");
    expect(await endOwnSessions(database.db, ana, current, { handle: betoListed!.handle })).toBe(0);
    expect(await endOwnSessions(database.db, ana, current, { handle: listed.find((s) => s.current)!.handle })).toBe(0);
    const second = listed.find((s) => s.ip === "192.0.2.2")!;
    expect(await endOwnSessions(database.db, ana, current, { handle: second.handle }, at("192.0.2.1"))).toBe(1);
    expect(await endOwnSessions(database.db, ana, current, "others", at("192.0.2.1"))).toBe(1);
    expect((await listOwnSessions(database.db, ana.id, current)).map((s) => s.ip)).toEqual(["192.0.2.1"]);
    expect((await database.db.userSession.findUniqueOrThrow({ where: { id: betos } })).revokedAt).toBeNull();
    const audit = await database.db.auditEvent.findMany({
      where: { action: "auth.session.revoke", userId: ana.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.data)).toEqual([
      { scope: "one", count: 1, addresses: ["192.0.2.2"] },
      { scope: "others", count: 1, addresses: ["192.0.2.3"] },
    ]);
  });
});
