import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeDocument } from "@/lib/matrix/document";
import { exportMatrix } from "@/lib/matrix/export-matrix";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { MatrixFileError, readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

const EXPECTED: Record<string, number> = {
  "1.1": 36,
  "1.2": 24,
  "2.1": 5,
  "2.2": 12,
  "2.3": 11,
  "2.4": 8,
  "2.5": 6,
  "3.1": 9,
  "3.2": 2,
  "3.3": 1,
};

/** Everything the matrix tables hold, timestamps aside, in a stable order. */
async function snapshot(database: TestDatabase) {
  const { db } = database;
  return {
    development: await db.developmentObjective.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
    management: await db.managementObjective.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
    initiatives: await db.initiative.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
    objectives: await db.articulationObjective.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
    mechanisms: await db.mechanism.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
    links: await db.articulationObjectiveMechanism.findMany({ orderBy: [{ articulationObjectiveId: "asc" }, { position: "asc" }] }),
  };
}

describe("importación de la matriz en PostgreSQL", () => {
  let database: TestDatabase;
  const scratch = mkdtempSync(path.join(tmpdir(), "matriz-"));

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("reproduce el número de iniciativas por objetivo de gestión que declara el documento", async () => {
    const { document } = readMatrixFile(SEED_SOURCE);
    const report = await importMatrix(database.db, document);
    expect(report.initiativesPerObjective).toEqual(EXPECTED);

    const rows = await database.db.managementObjective.findMany({ include: { _count: { select: { initiatives: true } } } });
    expect(Object.fromEntries(rows.map((r) => [r.code, r._count.initiatives]))).toEqual(EXPECTED);
    expect(await database.db.initiative.count()).toBe(114);
    expect(await database.db.developmentObjective.count()).toBe(3);
  });

  it("es idempotente: importar dos veces deja la base igual", async () => {
    const before = await snapshot(database);
    const { document } = readMatrixFile(SEED_SOURCE);
    const report = await importMatrix(database.db, document);
    expect(report.initiatives).toEqual({ created: 0, updated: 0, unchanged: 114 });
    expect(report.articulationObjectives.created + report.articulationObjectives.updated + report.articulationObjectives.removed).toBe(0);
    expect(await snapshot(database)).toEqual(before);
  });

  it.each([
    ["una copia truncada", (text: string) => text.slice(0, Math.floor(text.length / 2))],
    [
      "una fila con una columna de más",
      (text: string) => text.replace("\tEstrategia de espacios saludables\t", "\tEstrategia de espacios saludables\tcolumna extra\t"),
    ],
    ["un código de objetivo de gestión desconocido", (text: string) => text.replace("<p>1.1 Promover", "<p>9.1 Promover")],
  ])("%s se rechaza con la línea y no toca la base", async (_label, corrupt) => {
    const before = await snapshot(database);
    const file = path.join(scratch, "malo.txt");
    writeFileSync(file, corrupt(readFileSync(SEED_SOURCE, "utf8")));
    let error: unknown;
    try {
      await importMatrix(database.db, readMatrixFile(file).document);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MatrixFileError);
    expect((error as Error).message).toMatch(/[Ll]ínea \d+/);
    expect(await snapshot(database)).toEqual(before);
  });

  it("una importación que falla a mitad de la transacción no deja nada escrito", async () => {
    const fresh = await createTestDatabase();
    try {
      const { document } = readMatrixFile(SEED_SOURCE);
      // The last initiative points at a mechanism id that cannot be resolved: the failure comes after 113 inserts.
      const broken = structuredClone(document);
      broken.initiatives.at(-1)!.articulationObjectives[0]!.mechanisms.push("Mecanismo inexistente");
      await expect(importMatrix(fresh.db, broken)).rejects.toThrow();
      expect(await fresh.db.initiative.count()).toBe(0);
      expect(await fresh.db.mechanism.count()).toBe(0);
    } finally {
      await fresh.drop();
    }
  });

  it("exportar → importar en una base vacía → exportar da los mismos bytes, archivadas incluidas", async () => {
    await database.db.initiative.update({ where: { id: 7 }, data: { archivedAt: new Date("2026-11-02T15:00:00Z") } });
    const first = serializeDocument(await exportMatrix(database.db));
    const file = path.join(scratch, "matriz.json");
    writeFileSync(file, first);
    const empty = await createTestDatabase();
    try {
      await importMatrix(empty.db, readMatrixFile(file).document);
      const second = serializeDocument(await exportMatrix(empty.db));
      expect(second).toBe(first);
      const parsed = JSON.parse(second);
      expect(parsed.initiatives).toHaveLength(114);
      expect(parsed.initiatives[0]).toMatchObject({ id: 1, name: "Estrategia de espacios saludables", managementObjectiveCode: "1.1" });
      expect(Object.keys(parsed)).toEqual([
        "developmentObjectives",
        "managementObjectives",
        "initiatives",
        "mechanisms",
        "secretariats",
        "counterparts",
        "reportingPeriods",
        "people",
        "indicatorThresholds",
      ]);
      // An archived initiative comes back archived, and only it.
      expect(parsed.initiatives.filter((i: { archived?: boolean }) => i.archived).map((i: { id: number }) => i.id)).toEqual([7]);
      expect((await empty.db.initiative.findMany({ where: { archivedAt: { not: null } }, select: { id: true } })).map((i) => i.id)).toEqual(
        [7],
      );
      expect((await importMatrix(empty.db, readMatrixFile(file).document)).initiatives.updated).toBe(0);
    } finally {
      await database.db.initiative.update({ where: { id: 7 }, data: { archivedAt: null } });
      await empty.drop();
    }
  });

  it("un JSON con un objetivo de gestión inexistente se rechaza nombrando el campo", () => {
    const file = path.join(scratch, "malo.json");
    writeFileSync(
      file,
      JSON.stringify({
        developmentObjectives: [{ code: "1", title: "Uno" }],
        managementObjectives: [{ code: "1.1", title: "Uno uno", developmentObjectiveCode: "1" }],
        initiatives: [{ id: 1, name: "X", managementObjectiveCode: "4.7", articulationObjectives: [{ text: "Y", mechanisms: [] }] }],
        mechanisms: [],
      }),
    );
    expect(() => readMatrixFile(file)).toThrow(MatrixFileError);
    try {
      readMatrixFile(file);
    } catch (error) {
      expect((error as MatrixFileError).problems.join("\n")).toMatch(/initiatives\[0\]\.managementObjectiveCode: .*4\.7/);
    }
  });
});
