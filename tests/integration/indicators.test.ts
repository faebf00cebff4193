import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { getInitiativeIndicators } from "@/lib/indicators/get-initiative-indicators";
import { createIndicatorSchema, measurementSchema, thresholdsSchema } from "@/lib/indicators/indicator-schemas";
import { updateIndicatorThresholds } from "@/lib/indicators/indicator-settings";
import { recordMeasurement } from "@/lib/indicators/record-measurement";
import { createIndicator } from "@/lib/indicators/save-indicator";
import { createMilestone } from "@/lib/indicators/save-milestone";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { createPrismaClient } from "@/lib/db/client";
import { getIndicatorOverview } from "@/lib/indicators/indicator-overview";
import { todayInQuito } from "@/lib/tracking/days";
import { postProgressUpdate } from "@/lib/tracking/post-progress-update";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("indicadores y mediciones en PostgreSQL", () => {
  let database: TestDatabase;
  let planner: { id: number; email: string; name: string };
  let indicatorId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
    ({ user: planner } = await createUser(
      database.db,
      { email: "planifica@quito.gob.ec", name: "Planificadora", role: "PLANNER", password: "sol de verano en el parque" },
      null,
    ));
    const input = createIndicatorSchema.parse({
      initiativeId: "3",
      name: "Cobertura de agua potable",
      unit: "%",
      direction: "HIGHER_IS_BETTER",
      baselineYear: "2024",
      baselineValue: "0",
      target2024: "50",
      target2025: "100",
    });
    ({ id: indicatorId } = await createIndicator(database.db, input, planner));
  });
  afterAll(() => database?.drop());

  const version = async () => (await database.db.indicator.findUniqueOrThrow({ where: { id: indicatorId } })).version;
  const measurement = (fields: Record<string, string>) => measurementSchema.parse({ indicatorId: String(indicatorId), ...fields });

  it("definir un indicador deja la iniciativa sin avance hasta su primera medición, con su auditoría", async () => {
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: 3 } })).progress).toBeNull();
    const events = await database.db.auditEvent.findMany({ where: { action: "indicator.create" } });
    expect(events).toHaveLength(1);
    expect((await database.db.indicatorTarget.findMany({ where: { indicatorId } })).map((t) => t.year)).toEqual([2024, 2025]);
  });

  it("una medición en riesgo exige explicación y, sin ella, no escribe nada", async () => {
    const before = await version();
    // Expected 50 on 31 Dec 2024: 40 is 80 %, at risk.
    const attempt = recordMeasurement(
      database.db,
      measurement({ version: String(before), measuredOn: "2024-12-31", value: "40" }),
      planner,
    );
    await expect(attempt).rejects.toMatchObject({ field: "explanation", message: expect.stringContaining("En riesgo") });
    expect(await database.db.measurement.count()).toBe(0);
    expect(await version()).toBe(before);

    const { status } = await recordMeasurement(
      database.db,
      measurement({ version: String(before), measuredOn: "2024-12-31", value: "40", explanation: "Retraso en la obra de captación" }),
      planner,
    );
    expect(status).toBe("en-riesgo");
    // 40 of the final 100 from a baseline of 0.
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: 3 } })).progress).toBe(40);
    const view = await getInitiativeIndicators(database.db, 3);
    expect(view.indicators[0]).toMatchObject({ status: "en-riesgo" });
    expect(view.progress).toEqual({ percent: 40, counted: 1, ignored: 0 });
  });

  it("dos personas registran desde la misma página: una gana, la otra recibe un conflicto en español y no queda nada a medias", async () => {
    const seen = await version();
    const other = createPrismaClient(database.url);
    try {
      const results = await Promise.allSettled([
        recordMeasurement(database.db, measurement({ version: String(seen), measuredOn: "2025-01-15", value: "55" }), planner),
        recordMeasurement(other, measurement({ version: String(seen), measuredOn: "2025-01-16", value: "56" }), planner),
      ]);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBeInstanceOf(AppError);
      expect((rejected[0]!.reason as AppError).code).toBe("conflict");
      expect((rejected[0]!.reason as AppError).message).toMatch(/Otra persona modificó este indicador/);
    } finally {
      await other.$disconnect();
    }
    expect(await database.db.measurement.count()).toBe(2);
    expect(await database.db.auditEvent.count({ where: { action: "measurement.create" } })).toBe(2);
    expect(await version()).toBe(seen + 1);
  });

  it("los umbrales del administrador cambian el semáforo sin tocar las mediciones", async () => {
    const admin = (
      await createUser(
        database.db,
        { email: "admin@quito.gob.ec", name: "Admin", role: "ADMIN", password: "cielo azul sobre el panecillo" },
        null,
      )
    ).user;
    expect(thresholdsSchema.safeParse({ version: "0", onTrackPercent: "50", atRiskPercent: "60" }).success).toBe(false);
    await updateIndicatorThresholds(
      database.db,
      thresholdsSchema.parse({ version: "0", onTrackPercent: "50", atRiskPercent: "20" }),
      admin,
    );
    const view = await getInitiativeIndicators(database.db, 3);
    expect(view.indicators[0]!.status).toBe("en-camino");
    await expect(
      updateIndicatorThresholds(database.db, thresholdsSchema.parse({ version: "0", onTrackPercent: "80", atRiskPercent: "60" }), admin),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("un avance escrito a mano no pisa el avance que dan los indicadores", async () => {
    const before = await database.db.initiative.findUniqueOrThrow({ where: { id: 3 } });
    await postProgressUpdate(
      database.db,
      { initiativeId: 3, trackingVersion: before.trackingVersion, occurredOn: todayInQuito(), note: "Avance a mano", progress: 99 },
      planner,
    );
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: 3 } })).progress).toBe(before.progress);
  });

  it("un hito abierto después de su fecha prevista aparece atrasado", async () => {
    await createMilestone(
      database.db,
      { initiativeId: 3, title: "Licitación adjudicada", plannedOn: "2025-03-01", state: "PLANNED" },
      planner,
    );
    await createMilestone(
      database.db,
      { initiativeId: 3, title: "Diseño aprobado", plannedOn: "2025-01-01", achievedOn: "2025-01-10", state: "DONE" },
      planner,
    );
    const view = await getInitiativeIndicators(database.db, 3, "2025-06-01");
    expect(view.milestones.map((m) => [m.title, m.late])).toEqual([
      ["Diseño aprobado", false],
      ["Licitación adjudicada", true],
    ]);
  });
  it("el tablero cuenta los indicadores por estado y los hitos atrasados, por objetivo", async () => {
    const overview = await getIndicatorOverview(database.db, "2099-01-01");
    expect(overview.total).toBe(1);
    expect(overview.counts).toEqual({ "en-camino": 1, "en-riesgo": 0, "fuera-de-ruta": 0, "sin-datos": 0 });
    expect(overview.lateMilestones.map((m) => m.title)).toEqual(["Licitación adjudicada"]);
    const code = (await database.db.initiative.findUniqueOrThrow({ where: { id: 3 }, include: { managementObjective: true } }))
      .managementObjective.code;
    expect((await getIndicatorOverview(database.db, "2099-01-01", code)).total).toBe(1);
    expect((await getIndicatorOverview(database.db, "2099-01-01", code === "1.1" ? "9.9" : "1.1")).total).toBe(0);
  });
});
