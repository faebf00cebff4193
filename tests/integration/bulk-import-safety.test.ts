import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/action-error";
import { parseCsv, toCsv } from "@/lib/export/spreadsheet-cells";
import { EXPORT_HEADER, exportCsv, exportRowBatches } from "@/lib/initiatives/export-initiatives";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { matchingInitiativeIds } from "@/lib/initiatives/search-initiatives";
import { applyBulkImport, fingerprint, planBulkImport } from "@/lib/import/bulk-import";
import { readBulkFile } from "@/lib/import/read-bulk-file";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("importación que nunca deshace ni descarta trabajo", () => {
  let database: TestDatabase;
  let actor: { id: number; email: string };
  let header: string[];
  let rows: string[][];
  const column = (name: string) => EXPORT_HEADER.indexOf(name as (typeof EXPORT_HEADER)[number]);
  const asFile = (data: string[][], head = header) => readBulkFile("reimporta.csv", Buffer.from(toCsv(head, data)));

  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
    ({ user: actor } = await createUser(
      database.db,
      { email: "reimporta@quito.gob.ec", name: "Reimportadora", role: "ADMIN", password: "tres tigres tristes en el trigal" },
      null,
    ));
    const ids = await matchingInitiativeIds(database.db, parseInitiativeQuery({ objetivo: "3.1" }).query);
    const csv = await new Response(exportCsv(exportRowBatches(database.db, ids))).text();
    [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, "")) as [string[], ...string[][]];
  });
  afterAll(() => database?.drop());

  it("la exportación lleva la versión de cada fila y, sin cambios, no señala nada", async () => {
    expect(header.at(-1)).toBe("Versión");
    expect(rows.every((row) => row.at(-1) === "1")).toBe(true);
    const plan = await planBulkImport(database.db, await asFile(rows), { archiveMissing: false });
    expect(plan).toMatchObject({ change: [], add: [], errors: [], warnings: [], unversioned: false, unchanged: 9 });
  });

  it("una columna que no se importa (la secretaría responsable, un título) se señala en su fila, no se pierde en silencio", async () => {
    const changed = rows.map((row) => [...row]);
    changed[1]![column("Secretaría responsable")] = "Secretaría de Movilidad";
    changed[3]![column("Objetivo de gestión")] = "Un título retocado en la hoja";
    const plan = await planBulkImport(database.db, await asFile(changed), { archiveMissing: false });
    expect(plan.change).toEqual([]);
    expect(plan.unchanged).toBe(9);
    expect(plan.warnings).toEqual([
      {
        line: 3,
        message: expect.stringMatching(
          /^columna ignorada: Secretaría responsable \(«Secretaría de Movilidad» en el archivo, «\(vacío\)» en el portal\)/,
        ),
      },
      { line: 5, message: expect.stringMatching(/^columna ignorada: Objetivo de gestión \(«Un título retocado en la hoja»/) },
    ]);
    // A warning does not block the apply of the other rows.
    expect(plan.errors).toEqual([]);
  });

  it("una exportación antigua no revierte en silencio lo que se guardó después: se elige por fila o para todas, y queda auditado", async () => {
    const [first, second] = [rows[0]!, rows.find((row) => row[0] !== rows[0]![0])!];
    const firstId = Number(first[0]);
    const secondId = Number(second[0]);
    // After the export, someone renames both initiatives in the portal.
    for (const id of [firstId, secondId]) {
      const { name } = await database.db.initiative.findUniqueOrThrow({ where: { id } });
      await database.db.initiative.update({ where: { id }, data: { name: `${name} (revisada)`, version: { increment: 1 } } });
    }
    const file = await asFile(rows);
    const plan = await planBulkImport(database.db, file, { archiveMissing: false });
    expect(plan.change.map((c) => [c.id, c.stale])).toEqual([
      [firstId, { fileVersion: 1, currentVersion: 2 }],
      [secondId, { fileVersion: 1, currentVersion: 2 }],
    ]);
    const options = { archiveMissing: false, previewFingerprint: fingerprint(plan) };

    // No choice: nothing is written.
    await expect(applyBulkImport(database.db, file, options, actor)).rejects.toThrow(ActionError);
    await expect(
      applyBulkImport(database.db, file, { ...options, staleDecisions: { rows: { [firstId]: "keep" } } }, actor),
    ).rejects.toThrow(/1 fila|Una fila/);
    expect(await database.db.initiative.count({ where: { name: { endsWith: "(revisada)" } } })).toBe(2);

    // Keep the first, overwrite the second.
    const applied = await applyBulkImport(
      database.db,
      file,
      { ...options, staleDecisions: { rows: { [firstId]: "keep", [secondId]: "overwrite" } } },
      actor,
    );
    expect(applied.kept).toBe(1);
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: firstId } })).name).toMatch(/\(revisada\)$/);
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: secondId } })).name).toBe(second[column("Iniciativa")]);
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: "import.apply" }, orderBy: { id: "desc" } });
    expect(audit.data).toMatchObject({
      changed: 1,
      keptNewer: 1,
      staleChoiceForAll: null,
      stale: [
        { id: firstId, fileVersion: 1, currentVersion: 2, decision: "keep" },
        { id: secondId, fileVersion: 1, currentVersion: 2, decision: "overwrite" },
      ],
    });

    // The same old file again: the first is still newer in the portal; «para todas» overwrites it, and says so.
    const again = await planBulkImport(database.db, file, { archiveMissing: false });
    expect(again.change.map((c) => c.id)).toEqual([firstId]);
    await applyBulkImport(
      database.db,
      file,
      { archiveMissing: false, previewFingerprint: fingerprint(again), staleDecisions: { all: "overwrite" } },
      actor,
    );
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: firstId } })).name).toBe(first[column("Iniciativa")]);
    const last = await database.db.auditEvent.findFirstOrThrow({ where: { action: "import.apply" }, orderBy: { id: "desc" } });
    expect(last.data).toMatchObject({ staleChoiceForAll: "overwrite", stale: [{ id: firstId, decision: "overwrite" }] });
  });

  it("un archivo sin la columna «Versión» (exportación anterior) se acepta y avisa que no puede distinguir cambios posteriores", async () => {
    const plan = await planBulkImport(
      database.db,
      await asFile(
        rows.map((row) => row.slice(0, -1)),
        header.slice(0, -1),
      ),
      { archiveMissing: false },
    );
    expect(plan.unversioned).toBe(true);
    expect(plan.errors).toEqual([]);
  });
});
