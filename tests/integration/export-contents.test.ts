import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFilters, exportFileName } from "@/lib/initiatives/describe-filters";
import { exportRowBatches, exportXlsx } from "@/lib/initiatives/export-initiatives";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { matchingInitiativeIds } from "@/lib/initiatives/search-initiatives";
import { readBulkFile } from "@/lib/import/read-bulk-file";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("las exportaciones dicen lo que contienen", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
  });
  afterAll(() => database?.drop());

  it("el XLSX abre con una hoja «Contenido» con la fecha y los filtros, las celdas largas se ajustan y se reimporta igual", async () => {
    const { query } = parseInitiativeQuery({ objetivo: "2.3", mecanismo: "convenios", q: "salud", estado: "por-iniciar" });
    const filters = await describeFilters(database.db, query);
    expect(filters).toEqual(["Búsqueda: «salud»", "Objetivo de gestión: 2.3", "Mecanismos (cualquiera): Convenios", "Estado: Por iniciar"]);
    expect(exportFileName(query, "2026-12-03", "xlsx")).toBe("iniciativas-2026-12-03-og-2.3-convenios-por-iniciar-busqueda-salud.xlsx");
    expect(exportFileName(parseInitiativeQuery({}).query, "2026-12-03", "csv")).toBe("iniciativas-2026-12-03-todas.csv");

    const ids = await matchingInitiativeIds(database.db, parseInitiativeQuery({ objetivo: "2.3" }).query);
    const bytes = Buffer.from(
      await new Response(
        exportXlsx(exportRowBatches(database.db, ids), { day: "2026-12-03", filters: ["Objetivo de gestión: 2.3"] }),
      ).arrayBuffer(),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Contenido", "Iniciativas"]);
    const about = workbook.getWorksheet("Contenido")!;
    const text = about.getSheetValues().flat().filter(Boolean).join(" | ");
    expect(text).toContain("Fecha de la exportación | 2026-12-03");
    expect(text).toContain("Filtros aplicados | Objetivo de gestión: 2.3");
    const sheet = workbook.getWorksheet("Iniciativas")!;
    expect(sheet.getCell("H2").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(sheet.getCell("A2").alignment?.wrapText).toBeFalsy();

    // The contents sheet does not stop the file from being imported back.
    const file = await readBulkFile("iniciativas.xlsx", bytes);
    expect(file.errors).toEqual([]);
    expect(file.initiatives.map((i) => i.id)).toEqual(ids);
  });
});
