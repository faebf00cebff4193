import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";

// As in form-action.test.ts: only the Next request scope is replaced; actions, sessions and PostgreSQL are real.
const request = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "prueba-de-derechos-de-reporte-0123456789abcdef";
  return { cookies: new Map<string, string>(), headers: new Headers({ "user-agent": "vitest", "x-request-id": "req-rights" }) };
});
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ cookies: async () => request.cookies, headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { postProgressUpdateAction, submitReportAction } = await import("@/app/iniciativas/[id]/seguimiento/actions");
const { approveReportsAction, returnReportAction } = await import("@/app/revision/actions");
const { createPeriodAction } = await import("@/app/admin/periodos/actions");
const { setSecretariatsAction } = await import("@/app/admin/usuarios/actions");
const { createUserSession } = await import("@/lib/auth/session-store");
const { idleState } = await import("@/lib/actions/form-action");
const { submitReport } = await import("@/lib/accountability/reports");
const { todayInQuito, addDays } = await import("@/lib/tracking/days");

type Who = "viewer" | "reporter" | "planner" | "admin";
type Where = "lead" | "support" | "other";

describe("derechos de reporte: perfil × secretaría propia o ajena × acción", () => {
  let database: TestDatabase;
  const users = {} as Record<Who, { id: number; email: string; name: string }>;
  const initiatives = {} as Record<Where, number>;
  let periodId: number;
  const today = todayInQuito();

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    const db = database.db;
    for (const [key, role] of [
      ["viewer", "VIEWER"],
      ["reporter", "REPORTER"],
      ["planner", "PLANNER"],
      ["admin", "ADMIN"],
    ] as const) {
      users[key] = await db.user.create({
        data: { email: `${key}@quito.gob.ec`, name: key, role, passwordHash: "x" },
        select: { id: true, email: true, name: true },
      });
    }
    const salud = await db.secretariat.findUniqueOrThrow({ where: { slug: "salud" } });
    const movilidad = await db.secretariat.findUniqueOrThrow({ where: { slug: "movilidad" } });
    await db.userSecretariat.create({ data: { userId: users.reporter.id, secretariatId: salud.id } });
    const dev = await db.developmentObjective.create({ data: { code: "1", title: "Desarrollo", position: 1 } });
    const mo = await db.managementObjective.create({
      data: { code: "1.1", title: "Gestión", position: 1, developmentObjectiveId: dev.id },
    });
    const make = (name: string, position: number, leadSecretariatId: number) =>
      db.initiative.create({ data: { name, position, managementObjectiveId: mo.id, leadSecretariatId } });
    initiatives.lead = (await make("Salud lidera", 1, salud.id)).id;
    initiatives.support = (await make("Salud apoya", 2, movilidad.id)).id;
    await db.initiativeSupport.create({ data: { initiativeId: initiatives.support, secretariatId: salud.id } });
    initiatives.other = (await make("Solo Movilidad", 3, movilidad.id)).id;
    periodId = (
      await db.reportingPeriod.create({
        data: {
          name: "T1",
          startsOn: new Date(`${addDays(today, -30)}T00:00:00Z`),
          endsOn: new Date(`${today}T00:00:00Z`),
          dueOn: new Date(`${addDays(today, 10)}T00:00:00Z`),
        },
      })
    ).id;
  });
  afterAll(async () => {
    const { disconnectDatabases } = await import("@/lib/db/client");
    await disconnectDatabases();
    await database.drop();
  });

  async function signInAs(who: Who) {
    const sessionId = await createUserSession(database.db, users[who].id, { ip: null, userAgent: "vitest", requestId: null });
    const token = await encode({ token: { sub: String(users[who].id), sid: sessionId, sv: 1 }, secret: process.env.NEXTAUTH_SECRET! });
    request.cookies.set("next-auth.session-token", token);
  }
  const form = (fields: Record<string, string | number | string[]>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      for (const one of Array.isArray(value) ? value : [value]) data.append(name, String(one));
    }
    return data;
  };
  const denials = () => database.db.auditEvent.count({ where: { action: "access.denied" } });

  async function postProgress(initiativeId: number) {
    const { trackingVersion } = await database.db.initiative.findUniqueOrThrow({ where: { id: initiativeId } });
    return postProgressUpdateAction(
      idleState,
      form({ initiativeId, trackingVersion, occurredOn: today, note: "Avance de prueba", progress: "10" }),
    );
  }
  async function sendReport(initiativeId: number) {
    const existing = await database.db.periodReport.findUnique({ where: { periodId_initiativeId: { periodId, initiativeId } } });
    return submitReportAction(
      idleState,
      form({
        periodId,
        initiativeId,
        version: existing?.version ?? 0,
        progressStatus: "EN_EJECUCION",
        progress: "20",
        note: "Reporte del trimestre",
      }),
    );
  }

  const matrix: [Who, Where, boolean][] = [
    ["viewer", "lead", false],
    ["viewer", "other", false],
    ["reporter", "lead", true],
    ["reporter", "support", true],
    ["reporter", "other", false],
    ["planner", "other", true],
    ["planner", "lead", true],
    ["admin", "other", true],
  ];

  it.each(matrix)("%s en una iniciativa «%s»: registrar avance → %s", async (who, where, allowed) => {
    await signInAs(who);
    const before = await denials();
    const count = await database.db.progressUpdate.count({ where: { initiativeId: initiatives[where] } });
    const state = await postProgress(initiatives[where]);
    expect(state.status, state.message).toBe(allowed ? "success" : "error");
    expect(await database.db.progressUpdate.count({ where: { initiativeId: initiatives[where] } })).toBe(count + (allowed ? 1 : 0));
    expect(await denials()).toBe(before + (allowed ? 0 : 1));
  });

  it.each(matrix)("%s en una iniciativa «%s»: enviar el reporte del periodo → %s", async (who, where, allowed) => {
    await signInAs(who);
    const before = await denials();
    const state = await sendReport(initiatives[where]);
    expect(state.status, state.message).toBe(allowed ? "success" : "error");
    expect(await denials()).toBe(before + (allowed ? 0 : 1));
    if (!allowed) expect(state.message).toBe("No tiene permiso para esta acción.");
  });

  it("la negativa a un reportero de otra secretaría queda auditada con la iniciativa", async () => {
    await signInAs("reporter");
    await sendReport(initiatives.other);
    const last = await database.db.auditEvent.findFirstOrThrow({ where: { action: "access.denied" }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ userId: users.reporter.id, data: { permission: "reports:submit", initiativeId: initiatives.other } });
    expect(await database.db.periodReport.count({ where: { initiativeId: initiatives.other, authorId: users.reporter.id } })).toBe(0);
  });

  it.each([
    ["viewer", false],
    ["reporter", false],
    ["planner", true],
    ["admin", true],
  ] as const)("%s revisa (devolver y aprobar) → %s", async (who, allowed) => {
    const period = await database.db.reportingPeriod.create({
      data: { name: `Revisión ${who}`, startsOn: new Date("2026-01-01"), endsOn: new Date("2026-03-31"), dueOn: new Date("2099-04-15") },
    });
    const input = { periodId: period.id, version: 0, progressStatus: "EN_EJECUCION" as const, progress: 40, note: "Para revisar" };
    const toReturn = await submitReport(database.db, { ...input, initiativeId: initiatives.lead }, users.reporter);
    const toApprove = await submitReport(database.db, { ...input, initiativeId: initiatives.support }, users.reporter);
    await signInAs(who);
    const returned = await returnReportAction(
      idleState,
      form({ reportId: toReturn.id, version: toReturn.version, reason: "Falta la evidencia" }),
    );
    const approved = await approveReportsAction(idleState, form({ reports: [`${toApprove.id}:${toApprove.version}`] }));
    expect([returned.status, approved.status]).toEqual(allowed ? ["success", "success"] : ["error", "error"]);
    const rows = await database.db.periodReport.findMany({ where: { periodId: period.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(allowed ? ["RETURNED", "APPROVED"] : ["SUBMITTED", "SUBMITTED"]);
  });

  it("solo Administración define periodos y asigna secretarías", async () => {
    for (const who of ["reporter", "planner"] as const) {
      await signInAs(who);
      const state = await createPeriodAction(
        idleState,
        form({ name: `P ${who}`, startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-10" }),
      );
      expect(state.status).toBe("error");
      const set = await setSecretariatsAction(idleState, form({ userId: users[who].id, secretariatIds: ["1", "2"] }));
      expect(set.status).toBe("error");
    }
    await signInAs("admin");
    const created = await createPeriodAction(
      idleState,
      form({ name: "T2", startsOn: "2026-04-01", endsOn: "2026-06-30", dueOn: "2026-07-10", open: "on" }),
    );
    expect(created.status, created.message).toBe("success");
    const set = await setSecretariatsAction(idleState, form({ userId: users.planner.id, secretariatIds: ["1"] }));
    expect(set.status, set.message).toBe("success");
    expect(await database.db.auditEvent.count({ where: { action: { in: ["period.create", "user.secretariats.update"] } } })).toBe(2);
  });

  it("quitar la membresía quita el derecho al instante", async () => {
    await database.db.userSecretariat.deleteMany({ where: { userId: users.reporter.id } });
    await signInAs("reporter");
    expect((await postProgress(initiatives.lead)).status).toBe("error");
  });
});
