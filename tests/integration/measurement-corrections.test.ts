import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  createIndicatorSchema,
  deleteMeasurementSchema,
  measurementSchema,
  updateMeasurementSchema,
} from "@/lib/indicators/indicator-schemas";
import { deleteMeasurement, recordMeasurement, updateMeasurement } from "@/lib/indicators/record-measurement";
import { createIndicator } from "@/lib/indicators/save-indicator";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("corregir y eliminar mediciones", () => {
  let database: TestDatabase;
  let planner: { id: number; email: string; name: string };
  let indicatorId: number;
  let measurementId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
    ({ user: planner } = await createUser(
      database.db,
      { email: "planifica@quito.gob.ec", name: "Planificadora", role: "PLANNER", password: "sol de verano en el parque" },
      null,
    ));
    ({ id: indicatorId } = await createIndicator(
      database.db,
      createIndicatorSchema.parse({
        initiativeId: "5",
        name: "Cobertura",
        unit: "%",
        direction: "HIGHER_IS_BETTER",
        baselineYear: "2024",
        baselineValue: "0",
        target2024: "100",
      }),
      planner,
    ));
    const { measurement } = await recordMeasurement(
      database.db,
      measurementSchema.parse({ indicatorId: String(indicatorId), version: "1", measuredOn: "2024-12-31", value: "95" }),
      planner,
    );
    measurementId = measurement.id;
  });
  afterAll(() => database?.drop());

  const row = () => database.db.measurement.findUniqueOrThrow({ where: { id: measurementId } });
  const progress = async () => (await database.db.initiative.findUniqueOrThrow({ where: { id: 5 } })).progress;
  const correction = (fields: Record<string, string>) =>
    updateMeasurementSchema.parse({ id: String(measurementId), measuredOn: "2024-12-31", ...fields });

  it("una corrección sobre la versión vista cambia el valor, mueve las versiones, recalcula el avance y audita antes y después", async () => {
    expect(await progress()).toBe(95);
    const indicatorBefore = (await database.db.indicator.findUniqueOrThrow({ where: { id: indicatorId } })).version;
    const { status } = await updateMeasurement(database.db, correction({ version: "1", value: "92", note: "Dato revisado" }), planner);
    expect(status).toBe("en-camino");
    expect(await row()).toMatchObject({ value: 92, note: "Dato revisado", version: 2 });
    expect((await database.db.indicator.findUniqueOrThrow({ where: { id: indicatorId } })).version).toBe(indicatorBefore + 1);
    expect(await progress()).toBe(92);
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { action: "measurement.update" } });
    expect(event.data).toMatchObject({ measurementId, before: { value: 95, note: null }, after: { value: 92, note: "Dato revisado" } });
  });

  it("dos correcciones de la misma versión a la vez: una se guarda y la otra recibe un conflicto", async () => {
    const results = await Promise.allSettled([
      updateMeasurement(database.db, correction({ version: "2", value: "91" }), planner),
      updateMeasurement(database.db, correction({ version: "2", value: "93" }), planner),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(AppError);
    expect((refusal.reason as AppError).code).toBe("conflict");
    expect((await row()).version).toBe(3);
  });

  it("una corrección que deja el indicador fuera de ruta exige la explicación y, sin ella, no escribe nada", async () => {
    const before = await row();
    const attempt = updateMeasurement(database.db, correction({ version: "3", value: "10" }), planner);
    await expect(attempt).rejects.toMatchObject({ field: "explanation" });
    expect(await row()).toEqual(before);
  });

  it("eliminar con una versión vieja se rechaza; con la actual borra, audita lo que decía y deja la iniciativa sin avance medido", async () => {
    await expect(
      deleteMeasurement(database.db, deleteMeasurementSchema.parse({ id: String(measurementId), version: "1" }), planner),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await deleteMeasurement(database.db, deleteMeasurementSchema.parse({ id: String(measurementId), version: "3" }), planner);
    expect(await database.db.measurement.count({ where: { id: measurementId } })).toBe(0);
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { action: "measurement.delete" } });
    expect(event.data).toMatchObject({ measurementId, before: { authorEmail: "planifica@quito.gob.ec" }, progress: null });
    expect(await progress()).toBeNull();
  });
});
