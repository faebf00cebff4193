import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getEditorOptions } from "@/lib/initiatives/editor-options";
import { getInitiative, getInitiativeName } from "@/lib/initiatives/get-initiative";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { listInitiatives } from "@/lib/initiatives/list-initiatives";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { getMechanism } from "@/lib/mechanisms/get-mechanism";
import { getMechanismName } from "@/lib/mechanisms/get-mechanism-name";
import { listMechanismsForEditing } from "@/lib/mechanisms/list-mechanisms-for-editing";
import { getMechanismGrid, listMechanismUsage } from "@/lib/mechanisms/mechanism-usage";
import { getObjective } from "@/lib/objectives/get-objective";
import { getObjectiveName } from "@/lib/objectives/get-objective-name";
import { getPlanStructure } from "@/lib/objectives/get-plan-structure";
import { listObjectivesForEditing } from "@/lib/objectives/list-objectives-for-editing";
import { getInitiativeTracking, getTrackingCatalogues } from "@/lib/tracking/get-initiative-tracking";
import { listCatalogues } from "@/lib/tracking/list-catalogues";
import { createTestDatabase, type TestDatabase } from "../support/database";

vi.mock("server-only", () => ({}));

// The readers take db and check no role (their pages and routes do): any client reads with them, this test's too.
describe("lecturas de la matriz sobre el cliente que se les pasa", () => {
  let database: TestDatabase;
  let archivedId: number;
  let mechanism: { id: number; slug: string; name: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await importMatrix(db, readMatrixFile(SEED_SOURCE).document);
    // The most used mechanism, and one initiative using it archived: it must leave every count.
    const [top] = await db.$queryRaw<{ id: number; slug: string; name: string }[]>`
      SELECT m.id, m.slug, m.name FROM "Mechanism" m
      JOIN "ArticulationObjectiveMechanism" am ON am."mechanismId" = m.id
      GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1`;
    mechanism = top!;
    const using = await db.initiative.findFirstOrThrow({
      where: { articulationObjectives: { some: { mechanisms: { some: { mechanismId: mechanism.id } } } } },
      orderBy: { position: "asc" },
    });
    archivedId = using.id;
    await db.initiative.update({ where: { id: archivedId }, data: { archivedAt: new Date() } });
  });
  afterAll(() => database?.drop());

  const usingMechanism = (mechanismId: number) => ({
    archivedAt: null,
    articulationObjectives: { some: { mechanisms: { some: { mechanismId } } } },
  });

  it("la estructura del plan cuenta solo las iniciativas vivas, por objetivo", async () => {
    const { db } = database;
    const plan = await getPlanStructure(db);
    expect(plan.initiativeCount).toBe(await db.initiative.count({ where: { archivedAt: null } }));
    expect(plan.initiativeCount).toBe((await db.initiative.count()) - 1);
    const first = plan.developmentObjectives[0]!.managementObjectives[0]!;
    expect(first.initiativeCount).toBe(
      await db.initiative.count({ where: { archivedAt: null, managementObjective: { code: first.code } } }),
    );
    expect(plan.mechanismCount).toBe(await db.mechanism.count({ where: { uses: { some: {} } } }));
  });

  it("un objetivo de gestión y uno de desarrollo, con sus mecanismos; nada para un código desconocido", async () => {
    const { db } = database;
    const management = await getObjective(db, "1.1");
    if (management?.kind !== "management") throw new Error(`1.1: ${management?.kind}`);
    const live = await db.initiative.findMany({
      where: { archivedAt: null, managementObjective: { code: "1.1" } },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    expect(management.objective.initiatives.map((i) => i.id)).toEqual(live.map((i) => i.id));
    for (const { slug, n } of management.mechanisms) {
      const m = await db.mechanism.findUniqueOrThrow({ where: { slug } });
      expect(n).toBe(await db.initiative.count({ where: { ...usingMechanism(m.id), managementObjective: { code: "1.1" } } }));
    }
    expect((await getObjective(db, "1"))?.kind).toBe("development");
    expect(await getObjective(db, "9.9")).toBeNull();
    expect(await getObjectiveName(db, "1.1")).toEqual({ kind: "management", code: "1.1" });
    expect(await getObjectiveName(db, "9")).toBeNull();
    expect(await getObjectiveName(db, "%E0")).toBeNull();
  });

  it("un mecanismo: su total, sus objetivos y su nombre, sin la iniciativa archivada", async () => {
    const { db } = database;
    const found = (await getMechanism(db, mechanism.slug))!;
    expect(found.total).toBe(await db.initiative.count({ where: usingMechanism(mechanism.id) }));
    expect(found.byObjective.flatMap((o) => o.initiatives.map((i) => i.id))).not.toContain(archivedId);
    expect(found.byObjective.reduce((n, o) => n + o.count, 0)).toBe(found.total);
    expect(await getMechanism(db, "no-existe")).toBeNull();
    expect(await getMechanismName(db, mechanism.slug)).toBe(mechanism.name);
    expect(await getMechanismName(db, "no existe")).toBeNull();

    const usage = await listMechanismUsage(db);
    expect(usage.find((m) => m.slug === mechanism.slug)?.initiatives).toBe(found.total);
    const grid = await getMechanismGrid(db);
    expect(grid.objectives.reduce((n, o) => n + grid.count(o.code, mechanism.slug), 0)).toBe(found.total);
  });

  it("una iniciativa con sus vecinas, su nombre y su seguimiento", async () => {
    const { db } = database;
    const live = await db.initiative.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { position: "asc" } });
    const found = (await getInitiative(db, live.id))!;
    expect(found.initiative.name).toBe(live.name);
    expect(found.sameObjective.map((i) => i.id)).not.toContain(live.id);
    expect(found.sameObjective.map((i) => i.id)).not.toContain(archivedId);
    expect(await getInitiative(db, 999_999)).toBeNull();
    expect(await getInitiativeName(db, String(live.id))).toBe(live.name);
    expect(await getInitiativeName(db, "abc")).toBeNull();
    const tracking = (await getInitiativeTracking(db, live.id))!;
    expect(tracking.articulationObjectives.length).toBe(await db.articulationObjective.count({ where: { initiativeId: live.id } }));
    expect(await getInitiativeTracking(db, 999_999)).toBeNull();
  });

  it("la tabla filtra por mecanismo y ofrece sus opciones; una opción desconocida queda señalada", async () => {
    const { db } = database;
    const { page, options, unmatched } = await listInitiatives(db, parseInitiativeQuery({ mecanismo: [mechanism.slug] }).query);
    expect(page.count).toBe(await db.initiative.count({ where: usingMechanism(mechanism.id) }));
    expect(options.mechanisms.map((m) => m.slug)).toContain(mechanism.slug);
    expect(options.developmentObjectives.length).toBe(await db.developmentObjective.count());
    expect(unmatched).toEqual([]);
    const unknown = await listInitiatives(db, parseInitiativeQuery({ mecanismo: ["no-existe"] }).query);
    expect(unknown.page.count).toBe(0);
    expect(unknown.unmatched).toEqual([{ parameter: "mecanismo", value: "no-existe" }]);
  });

  it("los formularios de edición leen el vocabulario, los objetivos y los catálogos con sus versiones", async () => {
    const { db } = database;
    const editor = await getEditorOptions(db);
    expect(editor.mechanisms.length).toBe(await db.mechanism.count());
    expect(editor.objectives.length).toBe(await db.managementObjective.count());

    const vocabulary = await listMechanismsForEditing(db);
    const names = vocabulary.map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "es")));
    expect(vocabulary.find((m) => m.id === mechanism.id)?.uses).toBe(
      await db.articulationObjectiveMechanism.count({ where: { mechanismId: mechanism.id } }),
    );

    const objectives = await listObjectivesForEditing(db);
    expect(objectives.flatMap((d) => d.managementObjectives).length).toBe(await db.managementObjective.count());
    expect(objectives.every((d) => d.version >= 1)).toBe(true);

    const catalogues = await listCatalogues(db);
    const tracking = await getTrackingCatalogues(db);
    expect(catalogues.secretariats.map((s) => s.id)).toEqual(tracking.secretariats.map((s) => s.id));
    expect(catalogues.secretariats.length).toBe(await db.secretariat.count());
  });
});
