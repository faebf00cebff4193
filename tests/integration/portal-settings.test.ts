import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ActionError } from "@/lib/actions/action-error";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { readPortalSettings } from "@/lib/settings/portal-settings";
import { portalSettingsSchema, updatePortalSettings } from "@/lib/settings/update-portal-settings";
import { computeDashboard } from "@/lib/tracking/get-dashboard";
import { computeObjectiveReport } from "@/lib/tracking/get-objective-report";
import { describeRollup } from "@/lib/tracking/rollup-text";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

vi.mock("server-only", () => ({}));

describe("cobertura mínima del avance agregado", () => {
  let database: TestDatabase;
  let actor: { id: number; email: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
    ({ user: actor } = await createUser(
      database.db,
      { email: "configura@quito.gob.ec", name: "Configuradora", role: "ADMIN", password: "tres tigres tristes en el trigal" },
      null,
    ));
    // One initiative of the whole plan reports 35 %: the case the issue describes.
    const first = await database.db.initiative.findFirstOrThrow({ orderBy: { position: "asc" } });
    await database.db.initiative.update({ where: { id: first.id }, data: { progress: 35 } });
  });
  afterAll(() => database?.drop());

  it("con el mínimo por omisión, una iniciativa de 114 no da un promedio: «Datos insuficientes» con la cobertura", async () => {
    const dashboard = await computeDashboard(database.db, "2026-06-15");
    const text = describeRollup(dashboard.overall.rollup, dashboard.minCoverage);
    expect(text).toMatchObject({ sufficient: false, headline: "Datos insuficientes", coverage: "(1 de 114 con dato)" });
    expect(text.reason).toContain("0,9 %");
    expect(text.reason).toContain("50 %");
  });

  it("administración baja el mínimo: se guarda con versión, queda auditado y todos los lectores lo usan", async () => {
    const input = portalSettingsSchema.parse({ version: "0", minCoverage: "0" });
    await updatePortalSettings(database.db, input, actor);
    expect(await readPortalSettings(database.db)).toEqual({ minCoverage: 0, version: 1, requireMfaForAll: false });
    const dashboard = await computeDashboard(database.db, "2026-06-15");
    expect(describeRollup(dashboard.overall.rollup, dashboard.minCoverage).full).toBe("35 % (1 de 114 con dato)");
    const report = (await computeObjectiveReport(database.db, "1"))!;
    expect(report.minCoverage).toBe(0);
    expect(report.rollup.sufficient).toBe(true);

    // A save over a version someone else already replaced is refused, and nothing is written.
    await expect(updatePortalSettings(database.db, { version: 0, minCoverage: 80 }, actor)).rejects.toThrow(ActionError);
    await expect(updatePortalSettings(database.db, { version: 5, minCoverage: 80 }, actor)).rejects.toThrow(ActionError);
    await updatePortalSettings(database.db, { version: 1, minCoverage: 60 }, actor);
    expect(await readPortalSettings(database.db)).toEqual({ minCoverage: 60, version: 2, requireMfaForAll: false });
    const events = await database.db.auditEvent.findMany({ where: { action: "settings.update" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { before: { minCoverage: 50 }, after: { minCoverage: 0 } },
      { before: { minCoverage: 0 }, after: { minCoverage: 60 } },
    ]);
  });

  it("rechaza un mínimo fuera de 0-100 o no entero", () => {
    for (const value of ["-1", "101", "12.5", "", "abc"]) {
      expect(portalSettingsSchema.safeParse({ version: "1", minCoverage: value }).success).toBe(false);
    }
  });
});
