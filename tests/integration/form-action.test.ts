import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";

// Only what needs a Next request scope is replaced: the request's cookies and headers, and the cache to refresh.
const request = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "prueba-del-contrato-de-acciones-0123456789abcdef";
  return { cookies: new Map<string, string>(), headers: new Headers({ "user-agent": "vitest", "x-request-id": "req-1" }) };
});
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ cookies: async () => request.cookies, headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { revalidatePath } = await import("next/cache");
const { createMechanismAction } = await import("@/app/admin/mecanismos/actions");
const { createUserSession } = await import("@/lib/auth/session-store");
const { idleState } = await import("@/lib/actions/form-action");

describe("el envoltorio de las acciones (lib/actions/form-action.ts)", () => {
  let database: TestDatabase;
  const users: Record<"viewer" | "admin", { id: number; email: string }> = {} as never;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    for (const [key, role] of [
      ["viewer", "VIEWER"],
      ["admin", "ADMIN"],
    ] as const) {
      users[key] = await database.db.user.create({
        data: { email: `${key}@quito.gob.ec`, name: key, role, passwordHash: "x" },
        select: { id: true, email: true },
      });
    }
  });
  afterAll(async () => {
    const { disconnectDatabases } = await import("@/lib/db/client");
    await disconnectDatabases();
    await database.drop();
  });
  beforeEach(() => vi.mocked(revalidatePath).mockClear());

  async function signInAs(who: "viewer" | "admin") {
    const sessionId = await createUserSession(database.db, users[who].id, { ip: null, userAgent: "vitest", requestId: null });
    const token = await encode({ token: { sub: String(users[who].id), sid: sessionId, sv: 1 }, secret: process.env.NEXTAUTH_SECRET! });
    request.cookies.set("next-auth.session-token", token);
  }
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };

  it("rechaza sin permiso antes de leer el formulario, y deja la negativa en la auditoría", async () => {
    await signInAs("viewer");
    const state = await createMechanismAction(idleState, form({ name: "" }));
    expect(state).toEqual({ status: "error", message: "No tiene permiso para esta acción." });
    const denied = await database.db.auditEvent.findMany({ where: { action: "access.denied" } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ userId: users.viewer.id, data: { permission: "matrix:edit", what: "crear mecanismo" } });
    expect(await database.db.mechanism.count()).toBe(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("devuelve los errores de zod por campo, conserva lo escrito y no escribe ni refresca", async () => {
    await signInAs("admin");
    const state = await createMechanismAction(idleState, form({ name: "x", description: "Algo" }));
    expect(state.status).toBe("error");
    expect(state.fieldErrors?.name).toEqual(["Escriba el nombre del mecanismo."]);
    expect(state.values).toEqual({ name: "x", description: "Algo" });
    expect(await database.db.mechanism.count()).toBe(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("tras un éxito escribe con su evento de auditoría y refresca una sola vez todo el diseño", async () => {
    await signInAs("admin");
    const state = await createMechanismAction(idleState, form({ name: "Convenios marco", description: "" }));
    expect(state.status, state.message).toBe("success");
    expect(await database.db.mechanism.count({ where: { name: "Convenios marco" } })).toBe(1);
    expect(await database.db.auditEvent.count({ where: { action: "mechanism.create", userId: users.admin.id, requestId: "req-1" } })).toBe(
      1,
    );
    expect(vi.mocked(revalidatePath).mock.calls).toEqual([["/", "layout"]]);
  });

  it("muestra un AppError junto a su campo, sin refrescar", async () => {
    await signInAs("admin");
    const state = await createMechanismAction(idleState, form({ name: "convenios marco", description: "" }));
    expect(state.status).toBe("error");
    expect(state.fieldErrors?.name?.[0]).toContain("Ya existe el mecanismo");
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});
