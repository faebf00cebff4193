import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "@/lib/export/spreadsheet-cells";
import { EXPORT_COLUMNS, exportCsv, exportRowBatches, exportXlsx } from "@/lib/initiatives/export-initiatives";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { matchingInitiativeIds } from "@/lib/initiatives/search-initiatives";
import { applyBulkImport, fingerprint, planBulkImport, previewBulkImport } from "@/lib/import/bulk-import";
import { BulkFileError, readBulkFile } from "@/lib/import/read-bulk-file";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { createCounterpart } from "@/lib/tracking/manage-catalogues";
import { createInstrument } from "@/lib/tracking/manage-instruments";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("importación masiva con revisión previa", () => {
  let database: TestDatabase;
  let actor: { id: number; email: string };
  let csv: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
    ({ user: actor } = await createUser(
      database.db,
      { email: "importa@quito.gob.ec", name: "Importadora", role: "ADMIN", password: "tres tigres tristes en el trigal" },
      null,
    ));
    csv = await new Response(
      exportCsv(exportRowBatches(database.db, await matchingInitiativeIds(database.db, parseInitiativeQuery({ objetivo: "3.1" }).query))),
    ).text();
  });
  afterAll(() => database?.drop());

  const names = async () => await database.db.initiative.findMany({ orderBy: { id: "asc" }, select: { name: true, version: true } });

  it("la exportación sin cambios no propone nada; CSV y XLSX se leen igual", async () => {
    const file = await readBulkFile("iniciativas.csv", Buffer.from(csv));
    const plan = await planBulkImport(database.db, file, { archiveMissing: false });
    expect(plan).toMatchObject({ add: [], change: [], archive: [], unchanged: 9, errors: [] });
    const xlsx = Buffer.from(
      await new Response(
        exportXlsx(
          exportRowBatches(database.db, await matchingInitiativeIds(database.db, parseInitiativeQuery({ objetivo: "3.1" }).query)),
        ),
      ).arrayBuffer(),
    );
    const fromXlsx = await readBulkFile("iniciativas.xlsx", xlsx);
    expect(fromXlsx.initiatives).toEqual(file.initiatives);
  });

  it("revisa y aplica un cambio, una alta y un archivado, todo registrado", async () => {
    const lines = csv.split("\r\n");
    lines[1] = lines[1]!.replace("Plan de Transformación Digital para el DMQ", "Plan de Transformación Digital del DMQ");
    lines.push(lines[2]!.replace(/^\d+;/, ";").replace("Plan de Competencias Digitales", "Nueva iniciativa de datos abiertos"));
    const file = await readBulkFile("cambios.csv", Buffer.from(lines.join("\r\n")));
    const plan = await planBulkImport(database.db, file, { archiveMissing: false });
    expect(plan.errors).toEqual([]);
    expect(plan.change.map((c) => c.changes[0])).toEqual([
      {
        kind: "field",
        field: "name",
        before: "Plan de Transformación Digital para el DMQ",
        after: "Plan de Transformación Digital del DMQ",
      },
    ]);
    expect(plan.add.map((a) => a.name)).toEqual(["Nueva iniciativa de datos abiertos"]);
    await applyBulkImport(database.db, file, { archiveMissing: false, previewFingerprint: fingerprint(plan) }, actor);
    expect(await database.db.initiative.count()).toBe(115);
    expect(await database.db.initiative.count({ where: { name: "Plan de Transformación Digital del DMQ" } })).toBe(1);
    expect(await database.db.auditEvent.count({ where: { action: "import.apply" } })).toBe(1);
  });

  it("un archivo aplicado dos veces no duplica sus altas, y la extracción de texto actualiza por objetivo y nombre", async () => {
    const lines = csv.split("\r\n");
    lines.push(lines[3]!.replace(/^\d+;/, ";").replace(/;Plan [^;]+;/, ";Observatorio de datos urbanos;"));
    const file = await readBulkFile("altas.csv", Buffer.from(lines.join("\r\n")));
    const plan = await planBulkImport(database.db, file, { archiveMissing: false });
    expect(plan.add.map((a) => a.name)).toEqual(["Observatorio de datos urbanos"]);
    // The file predates the previous test's rename: applying it reverts that row only because it is chosen explicitly.
    expect(plan.change.every((c) => c.stale !== null)).toBe(true);
    await applyBulkImport(
      database.db,
      file,
      { archiveMissing: false, previewFingerprint: fingerprint(plan), staleDecisions: { all: "overwrite" } },
      actor,
    );
    const again = await planBulkImport(database.db, await readBulkFile("altas.csv", Buffer.from(lines.join("\r\n"))), {
      archiveMissing: false,
    });
    expect(again.add).toEqual([]);
    expect(again.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/ya existe «Observatorio de datos urbanos» en el objetivo 3\.1 \(id \d+\)/),
    ]);
    expect(await database.db.initiative.count({ where: { name: "Observatorio de datos urbanos" } })).toBe(1);

    // The source extraction numbers its initiatives by position. With two of them swapped, numbering would
    // overwrite each with the other's text; matched by objective and name, nothing changes.
    const sourceLines = readFileSync(SEED_SOURCE, "utf8").split("\n");
    expect(sourceLines[61]).toMatch(/^\t\tCoordinación con Concejos Zonales de Salud\t/);
    [sourceLines[61], sourceLines[62]] = [sourceLines[62]!, sourceLines[61]!];
    const source = await readBulkFile("apendice.txt", Buffer.from(sourceLines.join("\n")));
    const fromSource = await planBulkImport(database.db, source, { archiveMissing: false });
    expect(fromSource).toMatchObject({ errors: [], add: [], change: [], unchanged: 114 });
  });

  it("una fila inválida se informa con su número y no se escribe nada", async () => {
    const before = await names();
    const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ""));
    rows[2]![8] = "Mecanismo inventado";
    rows[3]![3] = "9.9";
    const file = await readBulkFile("malo.csv", Buffer.from(toCsv(header!, rows)));
    const plan = await planBulkImport(database.db, file, { archiveMissing: false });
    expect(plan.errors.map((e) => e.line).sort()).toEqual([4, 5]);
    expect(plan.errors.map((e) => e.message).join(" ")).toMatch(/Mecanismo inventado/);
    await expect(
      applyBulkImport(database.db, file, { archiveMissing: false, previewFingerprint: fingerprint(plan) }, actor),
    ).rejects.toThrow(/no se aplicó nada/);
    expect(await names()).toEqual(before);
  });

  it("una importación que falla a mitad deja la base como estaba", async () => {
    const before = await names();
    const lines = csv.split("\r\n");
    lines[5] = lines[5]!.replace("Modernizar", "Modernizar y simplificar");
    lines.push(lines[2]!.replace(/^\d+;/, ";").replace("Plan de Competencias Digitales", "Iniciativa que no llega a guardarse"));
    const file = await readBulkFile("mitad.csv", Buffer.from(lines.join("\r\n")));
    const plan = await planBulkImport(database.db, file, { archiveMissing: false });
    expect(plan.errors).toEqual([]);
    expect(plan.add.map((a) => a.name)).toEqual(["Iniciativa que no llega a guardarse"]);
    // The audit record of the first write names a user that does not exist: the transaction fails after writing.
    await expect(
      applyBulkImport(database.db, file, { archiveMissing: false, previewFingerprint: fingerprint(plan) }, { id: 999_999, email: "x@y" }),
    ).rejects.toThrow();
    expect(await names()).toEqual(before);
  });

  it("la revisión ya señala la fila que dejaría un instrumento sin su tipo, y no escribe nada", async () => {
    const objective = await database.db.articulationObjective.findFirstOrThrow({
      where: { initiative: { managementObjective: { code: "3.1" } }, mechanisms: { some: {} } },
      orderBy: { id: "asc" },
      select: { id: true, text: true, initiativeId: true, mechanisms: { select: { mechanism: { select: { id: true, name: true } } } } },
    });
    const signedUnder = objective.mechanisms[0]!.mechanism;
    const other = await database.db.mechanism.findFirstOrThrow({
      where: { id: { notIn: objective.mechanisms.map((m) => m.mechanism.id) } },
    });
    const counterpart = await createCounterpart(database.db, { name: "Prefectura de Pichincha", type: "sociedad-civil" }, actor);
    await createInstrument(
      database.db,
      {
        articulationObjectiveId: objective.id,
        mechanismId: signedUnder.id,
        counterpartId: counterpart.id,
        title: "Convenio de cooperación",
        signedOn: "2026-01-15",
      },
      actor,
    );
    const before = await names();

    const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ""));
    const index = rows.findIndex((row) => row[0] === String(objective.initiativeId) && row[7] === objective.text);
    rows[index]![8] = other.name;
    const file = await readBulkFile("sin-tipo.csv", Buffer.from(toCsv(header!, rows)));
    expect((await planBulkImport(database.db, file, { archiveMissing: false })).errors).toEqual([]);
    const preview = await previewBulkImport(database.db, file, { archiveMissing: false }, actor);
    expect(preview.errors).toEqual([
      { line: index + 2, message: expect.stringMatching(/instrumento «Convenio de cooperación».*no se puede quitar/) },
    ]);
    expect(preview.change.map((c) => c.id)).toEqual([objective.initiativeId]);
    expect(await names()).toEqual(before);
    const kept = await database.db.articulationObjectiveMechanism.findMany({
      where: { articulationObjectiveId: objective.id },
      select: { mechanismId: true },
    });
    expect(kept.map((m) => m.mechanismId)).toContain(signedUnder.id);
  });

  it("archivos hostiles se rechazan con un motivo claro", async () => {
    await expect(readBulkFile("x.csv", Buffer.from([0xff, 0xfe, 0x41, 0x00]))).rejects.toThrow(BulkFileError);
    await expect(readBulkFile("x.exe", Buffer.from("MZ"))).rejects.toThrow(/Tipo de archivo/);
    await expect(readBulkFile("x.csv", Buffer.from("a;b\r\n1;2"))).rejects.toThrow(/columnas/);
    await expect(readBulkFile("x.xlsx", Buffer.from("no es zip"))).rejects.toThrow(/XLSX/);
    // Without the tracking columns, as a hand-made file would be.
    const header = EXPORT_COLUMNS.join(";");
    const formula = await readBulkFile("f.csv", Buffer.from(`${header}\r\n=1+1;1;a;1.1;b;c;1;d;Convenios`));
    expect(formula.errors[0]).toMatchObject({ line: 2 });
    expect(formula.errors[0]!.message).toMatch(/fórmula/);
    const spaced = await readBulkFile("g.csv", Buffer.from(`${header}\r\n;1;a;1.1;b;c;1;  =HIPERVINCULO("http://x");Convenios`));
    expect(spaced.errors[0]!.message).toMatch(/fórmula/);
    const huge = await readBulkFile("h.csv", Buffer.from(`${header}\r\n;1;a;1.1;b;c;1;${"x".repeat(6000)};Convenios`));
    expect(huge.errors[0]!.message).toMatch(/supera 5000/);
    const full = csv.split("\r\n")[0]!.replace(/^\uFEFF/, "");
    const short = await readBulkFile("s.csv", Buffer.from(`${full}\r\n;1;a;1.1;b;c;1;d;Convenios`));
    expect(short.errors[0]!.message).toMatch(/se esperaban 16/);
  });
});
