import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPeriod, updatePeriod } from "@/lib/accountability/periods";
import { initiativeStandings, ownedInitiatives, reviewQueue } from "@/lib/accountability/queries";
import { reportState } from "@/lib/accountability/report-status";
import { approveReports, ReportConflictError, returnReport, submitReport } from "@/lib/accountability/reports";
import { createPeriodSchema } from "@/lib/accountability/schemas";
import { AppError } from "@/lib/errors/app-error";
import { addDays, todayInQuito } from "@/lib/tracking/days";
import { parseInitiativeQuery, parseInitiativeQueryStrict } from "@/lib/initiatives/initiative-query";
import { searchInitiatives } from "@/lib/initiatives/search-initiatives";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("periodos de reporte y estados de cada iniciativa", () => {
  let database: TestDatabase;
  let reporter: { id: number; email: string; name: string };
  let planner: { id: number; email: string; name: string };
  const ids: Record<"a" | "b" | "concluded", number> = {} as never;
  const today = todayInQuito();

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    reporter = await db.user.create({ data: { email: "r@quito.gob.ec", name: "Reportera", role: "REPORTER", passwordHash: "x" } });
    planner = await db.user.create({ data: { email: "p@quito.gob.ec", name: "Planificador", role: "PLANNER", passwordHash: "x" } });
    const salud = await db.secretariat.findUniqueOrThrow({ where: { slug: "salud" } });
    await db.userSecretariat.create({ data: { userId: reporter.id, secretariatId: salud.id } });
    const dev = await db.developmentObjective.create({ data: { code: "1", title: "D", position: 1 } });
    const mo = await db.managementObjective.create({ data: { code: "1.1", title: "G", position: 1, developmentObjectiveId: dev.id } });
    const make = (name: string, position: number, status: "EN_EJECUCION" | "CONCLUIDA" = "EN_EJECUCION") =>
      db.initiative.create({ data: { name, position, managementObjectiveId: mo.id, leadSecretariatId: salud.id, status, progress: 10 } });
    ids.a = (await make("A", 1)).id;
    ids.b = (await make("B", 2)).id;
    ids.concluded = (await make("C", 3, "CONCLUIDA")).id;
  });
  afterAll(() => database?.drop());

  it("los estados derivados: pendiente antes de la fecha límite, atrasado después, excluido con su motivo", () => {
    const initiative = { status: "EN_EJECUCION" as const, archivedAt: null };
    expect(reportState({ report: null, initiative, dueOn: "2026-04-10", today: "2026-04-10" })).toBe("pendiente");
    expect(reportState({ report: null, initiative, dueOn: "2026-04-10", today: "2026-04-11" })).toBe("atrasado");
    expect(reportState({ report: { status: "SUBMITTED" }, initiative, dueOn: "2026-04-10", today: "2026-05-01" })).toBe("enviado");
    expect(reportState({ report: { status: "RETURNED" }, initiative, dueOn: "2026-04-10", today: "2026-04-01" })).toBe("devuelto");
    expect(reportState({ report: { status: "RETURNED" }, initiative, dueOn: "2026-04-10", today: "2026-04-11" })).toBe("atrasado");
    expect(reportState({ report: { status: "APPROVED" }, initiative, dueOn: "2026-04-10", today: "2026-05-01" })).toBe("aprobado");
    expect(
      reportState({ report: null, initiative: { status: "CANCELADA", archivedAt: null }, dueOn: "2026-04-10", today: "2026-05-01" }),
    ).toBe("excluido");
    expect(
      reportState({
        report: null,
        initiative: { status: "EN_EJECUCION", archivedAt: new Date() },
        dueOn: "2026-04-10",
        today: "2026-05-01",
      }),
    ).toBe("excluido");
  });

  it("valida las fechas del periodo y audita su creación y cambio con versión", async () => {
    const bad = createPeriodSchema.safeParse({ name: "X", startsOn: "2026-04-01", endsOn: "2026-03-01", dueOn: "2026-03-01" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["endsOn", "dueOn"]));
    const period = await createPeriod(
      database.db,
      { name: "2026-T1", startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-10", open: true },
      planner,
    );
    await expect(
      createPeriod(
        database.db,
        { name: "2026-T1", startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-10", open: true },
        planner,
      ),
    ).rejects.toThrow(AppError);
    const saved = await updatePeriod(database.db, { ...period, periodId: period.id, open: false }, planner);
    expect(saved).toMatchObject({ open: false, version: 2 });
    await expect(updatePeriod(database.db, { ...period, periodId: period.id, version: 1 }, planner)).rejects.toThrow(AppError);
    expect(
      await database.db.auditEvent.count({ where: { action: { in: ["period.create", "period.update"] }, entityId: String(period.id) } }),
    ).toBe(2);
    // A closed period takes no report.
    await expect(
      submitReport(
        database.db,
        { periodId: period.id, initiativeId: ids.a, version: 0, progressStatus: "EN_EJECUCION", note: "Tarde" },
        reporter,
      ),
    ).rejects.toThrow(/cerrado/);
  });

  it("enviado → devuelto con motivo → reenviado → aprobado; el avance de la iniciativa cambia solo al aprobar", async () => {
    const period = await createPeriod(
      database.db,
      { name: "Actual", startsOn: addDays(today, -60), endsOn: today, dueOn: addDays(today, 5), open: true },
      planner,
    );
    const state = async (id: number) => (await initiativeStandings(database.db, id)).find((s) => s.period.id === period.id)!.state;
    expect(await state(ids.a)).toBe("pendiente");
    expect(await state(ids.concluded)).toBe("excluido");
    await expect(
      submitReport(
        database.db,
        { periodId: period.id, initiativeId: ids.concluded, version: 0, progressStatus: "CONCLUIDA", note: "Nada" },
        reporter,
      ),
    ).rejects.toThrow(/excluida/);

    const sent = await submitReport(
      database.db,
      { periodId: period.id, initiativeId: ids.a, version: 0, progressStatus: "EN_EJECUCION", progress: 55, note: "Primer reporte" },
      reporter,
    );
    expect(await state(ids.a)).toBe("enviado");
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: ids.a } })).progress).toBe(10);
    expect((await reviewQueue(database.db)).map((r) => r.id)).toEqual([sent.id]);

    await expect(returnReport(database.db, { reportId: sent.id, version: sent.version + 1, reason: "x" }, planner)).rejects.toThrow(
      ReportConflictError,
    );
    const returned = await returnReport(database.db, { reportId: sent.id, version: sent.version, reason: "Adjunte el acta" }, planner);
    expect(await state(ids.a)).toBe("devuelto");
    const mine = await ownedInitiatives(database.db, reporter.id, (await initiativeStandings(database.db, ids.a))[0]!.period);
    expect(mine.find((o) => o.id === ids.a)).toMatchObject({ state: "devuelto", report: { returnReason: "Adjunte el acta" } });
    // The return tells its author, in the same transaction.
    const notices = await database.db.notification.findMany({ where: { userId: reporter.id, kind: "REPORT_RETURNED" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ link: `/iniciativas/${ids.a}/seguimiento`, data: { reason: "Adjunte el acta" } });

    const resent = await submitReport(
      database.db,
      {
        periodId: period.id,
        initiativeId: ids.a,
        version: returned.version,
        progressStatus: "EN_EJECUCION",
        progress: 60,
        note: "Corregido",
        evidenceUrl: "https://quito.gob.ec/acta.pdf",
      },
      reporter,
    );
    expect(resent.version).toBe(3);
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: ids.a } })).progress).toBe(10);
    await approveReports(database.db, [{ reportId: resent.id, version: resent.version }], planner);
    expect(await state(ids.a)).toBe("aprobado");
    expect(await database.db.initiative.findUniqueOrThrow({ where: { id: ids.a } })).toMatchObject({
      progress: 60,
      status: "EN_EJECUCION",
    });
    await expect(
      submitReport(
        database.db,
        { periodId: period.id, initiativeId: ids.a, version: 4, progressStatus: "EN_EJECUCION", note: "Otra vez" },
        reporter,
      ),
    ).rejects.toThrow(/aprobado/);
    const trail = await database.db.auditEvent.findMany({
      where: { entityType: "PeriodReport", entityId: String(sent.id) },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => e.action)).toEqual(["report.submit", "report.return", "report.submit", "report.approve"]);
  });

  it("la aprobación en lote es una transacción: con un reporte cambiado, no aprueba ninguno", async () => {
    const period = await createPeriod(
      database.db,
      { name: "Lote", startsOn: addDays(today, -10), endsOn: today, dueOn: addDays(today, -1), open: true },
      planner,
    );
    expect((await initiativeStandings(database.db, ids.b)).find((s) => s.period.id === period.id)!.state).toBe("atrasado");
    const input = { periodId: period.id, version: 0, progressStatus: "EN_EJECUCION" as const, progress: 30, note: "Lote" };
    const one = await submitReport(database.db, { ...input, initiativeId: ids.a }, reporter);
    const two = await submitReport(database.db, { ...input, initiativeId: ids.b }, reporter);
    await expect(
      approveReports(
        database.db,
        [
          { reportId: one.id, version: one.version },
          { reportId: two.id, version: two.version + 7 },
        ],
        planner,
      ),
    ).rejects.toThrow(ReportConflictError);
    expect(await database.db.periodReport.count({ where: { periodId: period.id, status: "APPROVED" } })).toBe(0);
    const approved = await approveReports(
      database.db,
      [one, two].map((r) => ({ reportId: r.id, version: r.version })),
      planner,
    );
    expect(approved).toHaveLength(2);
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: ids.b } })).progress).toBe(30);
  });

  it("la tabla filtra por periodo y estado de reporte, con la misma regla que las pantallas", async () => {
    const period = await createPeriod(
      database.db,
      { name: "Filtro", startsOn: addDays(today, -5), endsOn: today, dueOn: addDays(today, 3), open: true },
      planner,
    );
    const sent = await submitReport(
      database.db,
      { periodId: period.id, initiativeId: ids.a, version: 0, progressStatus: "EN_EJECUCION", note: "Para el filtro" },
      reporter,
    );
    const found = async (reporte: string, periodo = period.id) =>
      (await searchInitiatives(database.db, parseInitiativeQuery({ reporte, periodo: String(periodo) }).query)).data.map((r) => r.id);
    expect(await found("enviado")).toEqual([ids.a]);
    expect(await found("pendiente")).toEqual([ids.b]);
    expect(await found("excluido")).toEqual([ids.concluded]);
    expect(await found("aprobado")).toEqual([]);
    await returnReport(database.db, { reportId: sent.id, version: sent.version, reason: "Corrija" }, planner);
    expect(await found("devuelto")).toEqual([ids.a]);
    const overdue = await createPeriod(
      database.db,
      { name: "Vencido", startsOn: addDays(today, -50), endsOn: addDays(today, -20), dueOn: addDays(today, -10), open: false },
      planner,
    );
    expect(await found("atrasado", overdue.id)).toEqual([ids.a, ids.b]);
    expect(parseInitiativeQueryStrict({ reporte: "tarde" }).success).toBe(false);
  });
});
