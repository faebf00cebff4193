import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../support/database";

// Only what needs a Next request scope is replaced: the request's cookies and headers.
const request = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "prueba-del-contrato-de-la-api-0123456789abcdef";
  return { cookies: new Map<string, string>(), headers: new Headers({ "user-agent": "vitest", "x-request-id": "req-api" }) };
});
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ cookies: async () => request.cookies, headers: async () => request.headers }));

const { apiHandler, segment } = await import("@/lib/api/api-handler");
const { AppError } = await import("@/lib/errors/app-error");
const { createUserSession } = await import("@/lib/auth/session-store");
const { GET: objectiveRoute } = await import("@/app/api/v1/objectives/[code]/route");

describe("el envoltorio de la API (lib/api/api-handler.ts)", () => {
  let database: TestDatabase;
  const users: Record<"viewer" | "admin", { id: number }> = {} as never;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    for (const [key, role] of [
      ["viewer", "VIEWER"],
      ["admin", "ADMIN"],
    ] as const) {
      users[key] = await database.db.user.create({
        data: { email: `${key}@quito.gob.ec`, name: key, role, passwordHash: "x" },
        select: { id: true },
      });
    }
  });
  afterAll(async () => {
    const { disconnectDatabases } = await import("@/lib/db/client");
    await disconnectDatabases();
    await database.drop();
  });

  async function signInAs(who: "viewer" | "admin" | null) {
    request.cookies.clear();
    if (!who) return;
    const sessionId = await createUserSession(database.db, users[who].id, { ip: null, userAgent: "vitest", requestId: null });
    const token = await encode({ token: { sub: String(users[who].id), sid: sessionId, sv: 1 }, secret: process.env.NEXTAUTH_SECRET! });
    request.cookies.set("next-auth.session-token", token);
  }

  let ran = 0;
  const countUsers = apiHandler(
    {
      permission: "users:manage",
      what: "api: contar usuarios",
      query: z.object({ rol: z.enum(["VIEWER", "ADMIN"], { error: "Elija un rol." }) }),
    },
    async ({ db, readDb, query, user }) => {
      ran++;
      if (query.rol === "VIEWER" && user.role === "ADMIN") throw new AppError("conflict", "Ya existe.");
      return Response.json({ count: await db.user.count({ where: { role: query.rol } }), same: db === readDb || readDb !== null });
    },
  );
  const call = (handler: typeof countUsers, url: string, params: object = {}) =>
    handler(new Request(`http://portal.test${url}`), { params: Promise.resolve(params) });

  it("sin sesión responde 401 en JSON sin llamar al manejador", async () => {
    await signInAs(null);
    const response = await call(countUsers, "/x?rol=ADMIN");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
    expect(ran).toBe(0);
  });

  it("sin el permiso responde 403 y deja la negativa en la auditoría", async () => {
    await signInAs("viewer");
    const response = await call(countUsers, "/x?rol=ADMIN");
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "forbidden", message: "No tiene permiso para esta acción." });
    const denied = await database.db.auditEvent.findMany({ where: { action: "access.denied", userId: users.viewer.id } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ data: { permission: "users:manage", what: "api: contar usuarios" } });
    expect(ran).toBe(0);
  });

  it("un parámetro inválido da 400 con el mensaje en español, antes del manejador", async () => {
    await signInAs("admin");
    const response = await call(countUsers, "/x?rol=DIOS");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "bad_request",
      message: "Parámetros inválidos.",
      errors: [{ parameter: "rol", message: "Elija un rol." }],
    });
    expect(ran).toBe(0);
  });

  it("con permiso y parámetros válidos entrega los clientes de la base de datos", async () => {
    await signInAs("admin");
    const response = await call(countUsers, "/x?rol=ADMIN");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ count: 1, same: true });
    expect(ran).toBe(1);
  });

  it("un AppError responde con el estado de su código", async () => {
    await signInAs("admin");
    const response = await call(countUsers, "/x?rol=VIEWER");
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: "conflict", message: "Ya existe." });
  });

  it("cualquier otro error es un 500 que no cuenta detalles", async () => {
    await signInAs("admin");
    const failing = apiHandler({ permission: "matrix:read", what: "api: fallar" }, async () => {
      throw new Error("secreto interno");
    });
    const response = await call(failing, "/x");
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secreto");
  });

  it("un segmento de la ruta inválido da 400 nombrándolo; uno que no existe, 404", async () => {
    await signInAs("viewer");
    const bad = await call(objectiveRoute, "/api/v1/objectives/x", { code: "x" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: "bad_request",
      message: expect.stringMatching(/^code: /),
      errors: [{ parameter: "code" }],
    });
    const missing = await call(objectiveRoute, "/api/v1/objectives/9", { code: "9" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found" });
    const parsed = segment((value) => (value === "1" ? 1 : null), "uno").safeParse("2");
    expect(parsed.error?.issues[0]?.message).toBe("uno");
  });
});
