import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInitiativeQuery, parseInitiativeQueryStrict } from "@/lib/initiatives/initiative-query";
import { SORTS } from "@/lib/initiatives/table-options";
import { parseCsv } from "@/lib/export/spreadsheet-cells";
import { exportCsv, exportRowBatches, type ExportRow } from "@/lib/initiatives/export-initiatives";
import { countFacets, matchingInitiativeIds, searchInitiatives } from "@/lib/initiatives/search-initiatives";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

const query = (params: Record<string, string | string[]>) => parseInitiativeQuery(params).query;

describe("búsqueda y filtros de iniciativas en PostgreSQL", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
  });
  afterAll(() => database?.drop());

  it("sin filtros, 114 iniciativas en orden del documento, paginadas", async () => {
    const page = await searchInitiatives(database.db, query({}));
    expect(page.count).toBe(114);
    expect(page.data).toHaveLength(25);
    expect(page.totalPages).toBe(5);
    expect(page.data[0]!.name).toBe("Estrategia de espacios saludables");
    const last = await searchInitiatives(database.db, query({ pagina: "5" }));
    expect(last.data).toHaveLength(14);
    expect(last.data.at(-1)!.managementObjective.code).toBe("3.3");
  });

  it("cada orden, ascendente y descendente, con y sin filtros: las páginas seguidas dan el orden completo de la exportación", async () => {
    for (const filters of [{}, { desarrollo: "1" }, { q: "estrategia" }] as Record<string, string>[]) {
      for (const orden of SORTS) {
        for (const dir of ["asc", "desc"]) {
          const params: Record<string, string> = { ...filters, orden, dir, por: "25" };
          const all = await matchingInitiativeIds(database.db, query(params));
          const first = await searchInitiatives(database.db, query(params));
          const pages = [first];
          for (let pagina = 2; pagina <= first.totalPages; pagina++)
            pages.push(await searchInitiatives(database.db, query({ ...params, pagina: String(pagina) })));
          const label = JSON.stringify(params);
          expect(first.count, label).toBe(all.length);
          expect(
            pages.flatMap((p) => p.data.map((r) => r.id)),
            label,
          ).toEqual(all);
        }
      }
    }
    const byName = await matchingInitiativeIds(database.db, query({ orden: "nombre" }));
    const names = new Map((await database.db.initiative.findMany({ select: { id: true, name: true } })).map((i) => [i.id, i.name]));
    const folded = byName.map((id) => names.get(id)!.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
    expect(folded).toEqual([...folded].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("filtra por objetivo de gestión y de desarrollo", async () => {
    expect((await searchInitiatives(database.db, query({ objetivo: "1.1" }))).count).toBe(36);
    expect((await searchInitiatives(database.db, query({ objetivo: ["3.2", "3.3"] }))).count).toBe(3);
    expect((await searchInitiatives(database.db, query({ desarrollo: "2" }))).count).toBe(42);
    expect((await searchInitiatives(database.db, query({ desarrollo: "1", objetivo: "2.1" }))).count).toBe(0);
  });

  it("combina mecanismos con «alguno» y «todos»", async () => {
    const any = await searchInitiatives(database.db, query({ mecanismo: ["consorcios", "mancomunidades"] }));
    const all = await searchInitiatives(database.db, query({ mecanismo: ["consorcios", "mancomunidades"], modo: "todos" }));
    const consorcios = await searchInitiatives(database.db, query({ mecanismo: "consorcios" }));
    expect(any.count).toBeGreaterThan(consorcios.count);
    expect(all.count).toBeGreaterThan(0);
    expect(all.count).toBeLessThan(consorcios.count);
    for (const row of all.data) expect(row.mechanisms.map((m) => m.slug)).toEqual(expect.arrayContaining(["consorcios", "mancomunidades"]));
    // A mechanism no longer in the vocabulary (an old bookmark) adds nothing to «alguno» and leaves «todos» empty.
    expect((await searchInitiatives(database.db, query({ mecanismo: ["consorcios", "ya-no-existe"] }))).count).toBe(consorcios.count);
    expect((await searchInitiatives(database.db, query({ mecanismo: ["consorcios", "ya-no-existe"], modo: "todos" }))).count).toBe(0);
    expect((await searchInitiatives(database.db, query({ mecanismo: "ya-no-existe" }))).count).toBe(0);
    expect((await searchInitiatives(database.db, query({ responsable: "ya-no-existe" }))).count).toBe(0);
  });

  it("la búsqueda ignora mayúsculas y tildes y ordena primero las mejores coincidencias", async () => {
    const accent = await searchInitiatives(database.db, query({ q: "articulacion" }));
    expect(accent.count).toBeGreaterThan(0);
    expect(accent.data.every((r) => /articulaci[oó]n/i.test(`${r.name} ${r.matchingObjective ?? ""}`))).toBe(true);
    const upper = await searchInitiatives(database.db, query({ q: "MANCOMUNIDAD" }));
    expect(upper.count).toBeGreaterThan(0);
    expect(upper.data.every((r) => r.mechanisms.some((m) => m.name === "Mancomunidades"))).toBe(true);
    const ranked = await searchInitiatives(database.db, query({ q: "cultura" }));
    expect(ranked.data[0]!.name.toLowerCase()).toContain("cultura");
  });

  it("los conteos por opción aplican los demás filtros", async () => {
    const facets = await countFacets(database.db, query({ objetivo: "1.1" }));
    expect(facets.managementObjectives["1.2"]).toBe(24);
    expect(facets.developmentObjectives).toEqual({ "1": 36 });
    expect(facets.mechanisms.convenios).toBe(
      (await searchInitiatives(database.db, query({ objetivo: "1.1", mecanismo: "convenios" }))).count,
    );
  });

  it("los parámetros inválidos se nombran en modo estricto y se ignoran en la página", () => {
    const strict = parseInitiativeQueryStrict(new URLSearchParams("por=13&objetivo=x"));
    expect(strict.success).toBe(false);
    expect(!strict.success && strict.errors.map((e) => e.parameter).sort()).toEqual(["objetivo", "por"]);
    // A misspelt filter is refused, unless the caller keeps only what it knows (a saved view drops the page's own «ocultar»).
    const misspelt = parseInitiativeQueryStrict(new URLSearchParams("estados=concluida&objetivo=1.1"));
    expect(!misspelt.success && misspelt.errors.map((e) => e.parameter)).toEqual(["estados"]);
    const view = parseInitiativeQueryStrict(new URLSearchParams("ocultar=avance&objetivo=1.1"), { unknown: "ignore" });
    expect(view.success && view.query.objetivo).toEqual(["1.1"]);
    const lenient = parseInitiativeQuery({ por: "13", objetivo: "1.1", q: '\'; DROP TABLE "Initiative"; --' });
    expect(lenient.ignored).toEqual(["por"]);
    expect(lenient.query).toMatchObject({ por: 25, objetivo: ["1.1"] });
  });

  it("los caracteres especiales de LIKE se buscan literalmente", async () => {
    expect((await searchInitiatives(database.db, query({ q: "%" }))).count).toBe(114);
    expect((await searchInitiatives(database.db, query({ q: "100%_x" }))).count).toBe(0);
  });

  it("el total de «N de M» cuenta solo las iniciativas de la vista: vigentes o archivadas", async () => {
    const [first, second] = await database.db.initiative.findMany({ orderBy: { position: "asc" }, take: 2, select: { id: true } });
    await database.db.initiative.updateMany({ where: { id: { in: [first!.id, second!.id] } }, data: { archivedAt: new Date() } });
    try {
      const live = await searchInitiatives(database.db, query({ objetivo: "1.1" }));
      expect([live.count, live.total]).toEqual([34, 112]);
      const archived = await searchInitiatives(database.db, query({ archivadas: "si" }));
      expect([archived.count, archived.total]).toEqual([2, 2]);
    } finally {
      await database.db.initiative.updateMany({ where: { id: { in: [first!.id, second!.id] } }, data: { archivedAt: null } });
    }
    expect((await searchInitiatives(database.db, query({}))).total).toBe(114);
  });

  it("la exportación lee por lotes: las mismas filas en el orden de la tabla, con cualquier tamaño de lote", async () => {
    const filters = query({ q: "de", orden: "nombre" });
    const read = async (batchSize: number) => {
      const rows: ExportRow[] = [];
      for await (const batch of exportRowBatches(database.db, await matchingInitiativeIds(database.db, filters), batchSize))
        rows.push(...batch);
      return rows;
    };
    const inOne = await read(1_000);
    expect(inOne.length).toBeGreaterThan(50);
    expect(await read(7)).toEqual(inOne);
    expect([...new Set(inOne.map((row) => row[0]))]).toEqual(await matchingInitiativeIds(database.db, filters));
    const csv = parseCsv(
      await new Response(exportCsv(exportRowBatches(database.db, await matchingInitiativeIds(database.db, filters), 7))).text(),
    ).filter((row) => row.length > 1);
    expect(csv.slice(1).map((row) => Number(row[0]))).toEqual(inOne.map((row) => row[0]));
  });
});
