import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoIndicatorsIfNone } from "@/lib/indicators/demo-indicators";
import { getInitiativeIndicators } from "@/lib/indicators/get-initiative-indicators";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { createDemoUsersIfNone } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("indicadores de demostración de npm run dev", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
  });
  afterAll(() => database?.drop());

  it("sin cuentas de demostración no crea nada; con ellas, tres indicadores con su semáforo, una sola vez", async () => {
    expect(await createDemoIndicatorsIfNone(database.db)).toBe(0);
    await createDemoUsersIfNone(database.db);
    expect(await createDemoIndicatorsIfNone(database.db)).toBe(3);
    expect(await createDemoIndicatorsIfNone(database.db)).toBe(0);
    const initiatives = await database.db.indicator.findMany({ orderBy: { id: "asc" }, select: { initiativeId: true } });
    const statuses = [];
    for (const { initiativeId } of initiatives) {
      statuses.push(...(await getInitiativeIndicators(database.db, initiativeId)).indicators.map((i) => i.status));
    }
    expect(statuses).toEqual(["en-camino", "en-riesgo", "sin-datos"]);
    expect(await database.db.auditEvent.count({ where: { action: "measurement.create" } })).toBe(2);
  });
});
