import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUserSecretariats } from "@/lib/accountability/memberships";
import { parseCsv } from "@/lib/export/spreadsheet-cells";
import {
  applyIndicatorImport,
  type Importer,
  indicatorImportFingerprint,
  planIndicatorImport,
  previewIndicatorImport,
} from "@/lib/indicators/import-indicators";
import { type ExchangeKind, exchangeFileStream, exchangeRowBatches, readExchangeFile } from "@/lib/indicators/indicator-file";
import { createIndicatorSchema, measurementSchema } from "@/lib/indicators/indicator-schemas";
import { recordMeasurement } from "@/lib/indicators/record-measurement";
import { createIndicator } from "@/lib/indicators/save-indicator";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { createSecretariat } from "@/lib/tracking/manage-catalogues";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("exportar e importar indicadores y mediciones", () => {
  let database: TestDatabase;
  let planner: Importer;
  let water: number;
  let roads: number;

  const exported = async (kind: ExchangeKind, format: "csv" | "xlsx" = "csv") =>
    Buffer.from(
      await new Response(exchangeFileStream(kind, format, await exchangeRowBatches(database.db, kind), "2026-12-04")).arrayBuffer(),
    );
  const csvOf = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(";")).join("\r\n")}\r\n`);
  const lines = async (kind: ExchangeKind) => parseCsv((await exported(kind)).toString("utf8")).filter((r) => r.some((c) => c !== ""));
  const counts = async () => ({
    indicators: await database.db.indicator.count(),
    targets: await database.db.indicatorTarget.findMany({ orderBy: [{ indicatorId: "asc" }, { year: "asc" }] }),
    measurements: await database.db.measurement.findMany({ orderBy: { id: "asc" } }),
    versions: (await database.db.indicator.findMany({ orderBy: { id: "asc" }, select: { version: true } })).map((i) => i.version),
    audit: await database.db.auditEvent.count(),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
    const { user } = await createUser(
      database.db,
      { email: "planifica@quito.gob.ec", name: "Planificadora", role: "PLANNER", password: "sol de verano en el parque" },
      null,
    );
    planner = { ...user, role: "PLANNER" };
    await createSecretariat(database.db, { name: "Secretaría de Datos Abiertos" }, planner);
    ({ id: water } = await createIndicator(
      database.db,
      createIndicatorSchema.parse({
        initiativeId: "3",
        name: "Cobertura de agua potable",
        unit: "%",
        direction: "HIGHER_IS_BETTER",
        baselineYear: "2024",
        baselineValue: "10",
        dataSource: "EPMAPS",
        target2025: "50",
        target2027: "100",
      }),
      planner,
    ));
    ({ id: roads } = await createIndicator(
      database.db,
      createIndicatorSchema.parse({
        initiativeId: "4",
        name: "Tiempo medio de viaje",
        unit: "min",
        direction: "LOWER_IS_BETTER",
        target2026: "40",
      }),
      planner,
    ));
    const version = async () => (await database.db.indicator.findUniqueOrThrow({ where: { id: water } })).version;
    await recordMeasurement(
      database.db,
      measurementSchema.parse({ indicatorId: String(water), version: String(await version()), measuredOn: "2025-12-31", value: "55" }),
      planner,
    );
  });
  afterAll(() => database?.drop());

  it("la exportación, sin tocarla, no cambia nada; el CSV y el XLSX se leen igual", async () => {
    for (const kind of ["indicators", "measurements"] as const) {
      const csv = await readExchangeFile("a.csv", await exported(kind));
      const xlsx = await readExchangeFile("a.xlsx", await exported(kind, "xlsx"));
      expect(xlsx).toEqual(csv);
      const plan = await planIndicatorImport(database.db, csv, planner);
      expect(plan).toMatchObject({ kind, add: [], change: [], errors: [], unchanged: kind === "indicators" ? 2 : 1 });
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported("indicators", "xlsx")) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Contenido", "Indicadores"]);
  });

  it("la revisión muestra qué se crearía y qué celdas cambiarían, y no escribe nada", async () => {
    const rows = await lines("indicators");
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const waterRow = rows.find((r) => r[0] === String(water))!;
    waterRow[col("Meta 2027")] = "90";
    waterRow[col("Secretaría responsable")] = "Secretaría de Datos Abiertos";
    const fresh = [...waterRow];
    fresh[0] = "";
    fresh[col("Versión")] = "";
    fresh[col("Indicador")] = "Conexiones nuevas de alcantarillado";
    fresh[col("Unidad")] = "conexiones";
    const file = await readExchangeFile("cambios.csv", csvOf([...rows, fresh]));
    const before = await counts();
    const plan = await previewIndicatorImport(database.db, file, planner);
    expect(plan.errors).toEqual([]);
    expect(plan.add.map((a) => a.label)).toEqual(["3 · Conexiones nuevas de alcantarillado"]);
    expect(plan.change).toHaveLength(1);
    expect(plan.change[0]!.changes).toEqual([
      { column: "Secretaría responsable", before: "", after: "Secretaría de Datos Abiertos" },
      { column: "Meta 2027", before: "100", after: "90" },
    ]);
    expect(await counts()).toEqual(before);

    await applyIndicatorImport(database.db, file, { previewFingerprint: indicatorImportFingerprint(plan) }, planner);
    const after = await counts();
    expect(after.indicators).toBe(before.indicators + 1);
    expect(
      await database.db.indicatorTarget.findUniqueOrThrow({ where: { indicatorId_year: { indicatorId: water, year: 2027 } } }),
    ).toMatchObject({
      value: 90,
    });
    expect(await database.db.auditEvent.count({ where: { action: "indicator.update", entityId: String(water) } })).toBe(1);
    expect(await database.db.auditEvent.count({ where: { action: "indicator.create" } })).toBe(3);
    const summary = await database.db.auditEvent.findFirstOrThrow({ where: { action: "import.apply" } });
    expect(summary).toMatchObject({ entityType: "IndicatorImport", data: { file: "indicators", added: 1, changed: 1, unchanged: 1 } });

    // Exported again, the file is what was applied: the new row has its id, the changed one its next version.
    const again = await lines("indicators");
    const strip = (r: string[]) => [...r.slice(1, col("Versión"))];
    expect(again.slice(1).map(strip).sort()).toEqual([...rows.slice(1), fresh].map(strip).sort());
  });

  it("cada fila inválida se informa con su columna, y mientras haya una no se aplica ninguna", async () => {
    const rows = await lines("indicators");
    const header = rows[0]!;
    const bad = [...rows[1]!];
    bad[header.indexOf("Meta 2026")] = "muchos";
    const moved = [...rows[2]!];
    moved[header.indexOf("Id iniciativa")] = "9";
    const file = await readExchangeFile("malo.csv", csvOf([header, bad, moved]));
    const before = await counts();
    const plan = await previewIndicatorImport(database.db, file, planner);
    expect(plan.errors).toEqual([
      { line: 2, message: "columna «Meta 2026»: Escriba un número (use punto o coma decimal)." },
      { line: 3, message: expect.stringMatching(/^columna «Id iniciativa»: un indicador no cambia de iniciativa/) },
    ]);
    const attempt = applyIndicatorImport(database.db, file, { previewFingerprint: indicatorImportFingerprint(plan) }, planner);
    await expect(attempt).rejects.toThrow("El archivo tiene filas inválidas: no se aplicó nada.");
    expect(await counts()).toEqual(before);
  });

  it("una fila que la escritura rechaza (falta la explicación de un valor en riesgo) deshace todas las demás", async () => {
    const rows = await lines("measurements");
    const header = rows[0]!;
    const row = (indicatorId: number, day: string, value: string, explanation = "") => {
      const cells = header.map(() => "");
      cells[header.indexOf("Id indicador")] = String(indicatorId);
      cells[header.indexOf("Fecha")] = day;
      cells[header.indexOf("Valor")] = value;
      cells[header.indexOf("Explicación del desvío")] = explanation;
      return cells;
    };
    // Water expects 50 by the end of 2025 from 10 in 2024: 56 is on track, 20 is off track.
    const good = row(water, "2025-12-31", "56");
    const fine = row(water, "2025-12-31", "20", "Sequía en el primer semestre.");
    const missing = row(water, "2025-12-31", "20");
    const file = await readExchangeFile("mediciones.csv", csvOf([header, good, fine, missing]));
    const before = await counts();
    const plan = await previewIndicatorImport(database.db, file, planner);
    expect(plan.errors).toEqual([
      { line: 4, message: "columna «Explicación del desvío»: Con este valor el indicador queda «Fuera de ruta»: explique el desvío." },
    ]);
    expect(await counts()).toEqual(before);
    // Even when sent anyway, the apply writes the first two rows, meets the third, and rolls all of them back.
    const attempt = applyIndicatorImport(database.db, file, { previewFingerprint: indicatorImportFingerprint(plan) }, planner);
    await expect(attempt).rejects.toThrow(/^Fila 4: columna «Explicación del desvío»: .* No se aplicó nada\.$/);
    expect(await counts()).toEqual(before);

    const valid = await readExchangeFile("mediciones.csv", csvOf([header, good, fine]));
    const ok = await previewIndicatorImport(database.db, valid, planner);
    expect(ok.errors).toEqual([]);
    await applyIndicatorImport(database.db, valid, { previewFingerprint: indicatorImportFingerprint(ok) }, planner);
    expect((await counts()).measurements.map((m) => m.value)).toEqual([55, 56, 20]);
    expect(await database.db.auditEvent.count({ where: { action: "measurement.create" } })).toBe(3);
  });

  it("corregir mediciones por archivo: ida y vuelta igual, y una fila exportada antes de otro cambio se rechaza", async () => {
    const rows = await lines("measurements");
    const header = rows[0]!;
    const first = rows.find((r) => r[header.indexOf("Valor")] === "55")!;
    first[header.indexOf("Nota")] = "Dato del censo; revisado";
    const file = await readExchangeFile("notas.csv", csvOf(rows.map((r) => r.map((c) => (c.includes(";") ? `"${c}"` : c)))));
    const plan = await previewIndicatorImport(database.db, file, planner);
    expect(plan.errors).toEqual([]);
    expect(plan.change.map((c) => c.changes)).toEqual([[{ column: "Nota", before: "", after: "Dato del censo; revisado" }]]);
    await applyIndicatorImport(database.db, file, { previewFingerprint: indicatorImportFingerprint(plan) }, planner);
    const strip = (r: string[]) => r.slice(0, -1);
    expect((await lines("measurements")).map(strip)).toEqual(rows.map(strip));
    expect(await database.db.auditEvent.count({ where: { action: "measurement.update" } })).toBe(1);

    // The same file again: the note is now the portal's, and the row's version is old, but nothing would change.
    expect(await planIndicatorImport(database.db, file, planner)).toMatchObject({ change: [], errors: [], unchanged: 3 });
    first[header.indexOf("Nota")] = "Otra nota";
    const stale = await readExchangeFile("viejo.csv", csvOf(rows.map((r) => r.map((c) => (c.includes(";") ? `"${c}"` : c)))));
    expect((await planIndicatorImport(database.db, stale, planner)).errors).toEqual([
      { line: expect.any(Number), message: expect.stringMatching(/^columna «Versión»: se modificó en el portal después de exportar/) },
    ]);
  });

  it("aplicar otro archivo que el revisado, aunque toque las mismas filas, se rechaza", async () => {
    const rows = await lines("measurements");
    const header = rows[0]!;
    const edited = (note: string) => rows.map((r, i) => (i === 1 ? r.map((c, k) => (k === header.indexOf("Nota") ? note : c)) : r));
    const reviewed = await previewIndicatorImport(database.db, await readExchangeFile("a.csv", csvOf(edited("Primera"))), planner);
    const other = await readExchangeFile("b.csv", csvOf(edited("Segunda")));
    const before = await counts();
    await expect(
      applyIndicatorImport(database.db, other, { previewFingerprint: indicatorImportFingerprint(reviewed) }, planner),
    ).rejects.toThrow("La matriz cambió desde la revisión. Vuelva a revisar el archivo antes de aplicarlo.");
    expect(await counts()).toEqual(before);
  });

  it("con el perfil de reporte solo se importan mediciones de las iniciativas de sus secretarías", async () => {
    const secretariat = await database.db.secretariat.findFirstOrThrow();
    await database.db.initiative.update({ where: { id: 4 }, data: { leadSecretariatId: secretariat.id } });
    const { user } = await createUser(
      database.db,
      { email: "reporta@quito.gob.ec", name: "Reportera", role: "REPORTER", password: "luna de otoño sobre el río" },
      null,
    );
    await setUserSecretariats(database.db, user.id, [secretariat.id], planner);
    const reporter: Importer = { ...user, role: "REPORTER" };
    const header = (await lines("measurements"))[0]!;
    const row = (indicatorId: number, value: string) => {
      const cells = header.map(() => "");
      cells[header.indexOf("Id indicador")] = String(indicatorId);
      cells[header.indexOf("Fecha")] = "2026-01-15";
      cells[header.indexOf("Valor")] = value;
      return cells;
    };
    const file = await readExchangeFile("reporte.csv", csvOf([header, row(roads, "30"), row(water, "60")]));
    const plan = await previewIndicatorImport(database.db, file, reporter);
    expect(plan.add.map((a) => a.line)).toEqual([2]);
    expect(plan.errors).toEqual([
      { line: 3, message: "no puede registrar mediciones de la iniciativa 3: sus secretarías no la lideran ni la apoyan." },
    ]);
  });

  it("un archivo que no es de indicadores ni de mediciones se rechaza con las columnas esperadas", async () => {
    await expect(readExchangeFile("x.csv", csvOf([["Id iniciativa", "Iniciativa"]]))).rejects.toThrow(
      /^Las columnas no son las de una exportación de indicadores \(Id indicador; Id iniciativa;/,
    );
    await expect(readExchangeFile("x.txt", Buffer.from("hola"))).rejects.toThrow("Tipo de archivo no admitido: use CSV o XLSX.");
  });
});
