import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitInitiativeIndex, freshInitiativeIndex } from "@/lib/initiatives/initiative-index";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { countFacets, matchingInitiativeIds, searchInitiatives } from "@/lib/initiatives/search-initiatives";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { generateSyntheticMatrix } from "@/seeds/synthetic-matrix";
import { createTestDatabase, type TestDatabase } from "../support/database";

const query = (params: Record<string, string | string[]>) => parseInitiativeQuery(params).query;

/**
 * The in-memory index must answer exactly what SQL answers: the same ids in the
 * same order, the same counts and facet counts, for every filter and order it
 * takes; and it must never answer from a revision the database has left.
 */
describe("índice de búsqueda en memoria", { timeout: 120_000 }, () => {
  let database: TestDatabase;
  const revision = async () => (await database.db.initiativeRevision.findUniqueOrThrow({ where: { id: 1 } })).revision;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedMatrixIfEmpty(database.db);
    await generateSyntheticMatrix(database.db, 2_000, { seed: 11 });
    // Variety for every order and filter: statuses, figures, owners, update dates, archived rows, ties,
    // and a text with a character outside the BMP before the match (its offsets differ in UTF-16).
    const secretariats = await database.db.secretariat.findMany({ select: { id: true }, take: 3 });
    await database.db.$executeRaw`UPDATE "Initiative" SET
      status = (ARRAY['POR_INICIAR','EN_EJECUCION','CONCLUIDA','SUSPENDIDA','CANCELADA'])[1 + id % 5]::"InitiativeStatus",
      progress = CASE WHEN id % 4 = 0 THEN NULL ELSE (id * 7) % 101 END,
      "lastUpdateOn" = CASE WHEN id % 3 = 0 THEN NULL ELSE date '2026-01-01' + (id % 40) END,
      "leadSecretariatId" = CASE WHEN id % 6 = 0 THEN NULL ELSE (${secretariats.map((s) => s.id)}::int[])[1 + id % 3] END,
      "archivedAt" = CASE WHEN id % 17 = 0 THEN now() END`;
    await database.db.$executeRaw`UPDATE "Initiative" SET "searchText" = '😀 salud 𝐀 ' || "searchText" WHERE id % 50 = 1`;
  });
  afterAll(() => database?.drop());

  it("da los mismos ids, en el mismo orden, y los mismos conteos que SQL", async () => {
    const secretariat = await database.db.secretariat.findFirstOrThrow({ select: { slug: true } });
    const terms = ["salud", "articulacion convenios", "a", "de la", "2024", "MANCOMUNIDAD", "zzzz", "gestion 1", "𝐀 salud"];
    const filters: Record<string, string | string[]>[] = [
      {},
      { desarrollo: "2" },
      { objetivo: ["1.1", "2.3"] },
      { mecanismo: "convenios" },
      { mecanismo: ["convenios", "acuerdos"], modo: "todos" },
      { mecanismo: ["convenios", "ya-no-existe"], modo: "todos" },
      { mecanismo: ["ya-no-existe"] },
      { estado: ["en-ejecucion", "cancelada"] },
      { responsable: ["ninguna", secretariat.slug] },
      { responsable: "no-existe" },
      { archivadas: "si" },
      { desarrollo: "1", mecanismo: "convenios", estado: "por-iniciar", responsable: "ninguna" },
    ];
    await awaitInitiativeIndex(database.db);
    let compared = 0;
    for (const q of terms) {
      for (const filter of filters) {
        const params = { ...filter, q };
        const label = JSON.stringify(params);
        const ids = await matchingInitiativeIds(database.db, query(params), "sql");
        expect(await matchingInitiativeIds(database.db, query(params), "index"), label).toEqual(ids);
        expect(await countFacets(database.db, query(params), "index"), label).toEqual(await countFacets(database.db, query(params), "sql"));
        for (const page of [{ ...params, pagina: "2" }, { ...params, pagina: "4", por: "100" }]) {
          expect(await searchInitiatives(database.db, query(page), "index"), label).toEqual(await searchInitiatives(database.db, query(page), "sql"));
        }
        compared += ids.length;
      }
      for (const orden of ["documento", "relevancia", "nombre", "estado", "avance", "actualizacion"]) {
        for (const dir of ["asc", "desc"]) {
          const params = { q, orden, dir };
          const label = JSON.stringify(params);
          expect(await matchingInitiativeIds(database.db, query(params), "index"), label).toEqual(await matchingInitiativeIds(database.db, query(params), "sql"));
        }
      }
    }
    // The comparisons covered real results, not only empty ones.
    expect(compared).toBeGreaterThan(10_000);
  });

  it("la revisión avanza una vez por transacción confirmada, no con una deshecha", async () => {
    const before = await revision();
    await database.db.$executeRaw`UPDATE "Initiative" SET name = name WHERE id < 500`;
    expect(await revision()).toBe(before + 1n);
    await expect(
      database.db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Initiative" SET name = 'x' WHERE id < 10`;
        throw new Error("deshacer");
      }),
    ).rejects.toThrow("deshacer");
    expect(await revision()).toBe(before + 1n);
    await database.db.$transaction([
      database.db.$executeRaw`UPDATE "Initiative" SET progress = 1 WHERE id = 1`,
      database.db.$executeRaw`UPDATE "Initiative" SET progress = 2 WHERE id = 2`,
    ]);
    expect(await revision()).toBe(before + 2n);
  });

  it("tras un cambio no responde con el índice viejo: la búsqueda siguiente ya lo ve", async () => {
    const index = await awaitInitiativeIndex(database.db);
    expect(await freshInitiativeIndex(database.db)).toBe(index);
    const params = query({ q: "quetzalcoatl" });
    expect((await searchInitiatives(database.db, params)).count).toBe(0);
    const target = await database.db.initiative.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { position: "asc" } });
    await database.db.initiative.update({ where: { id: target.id }, data: { searchText: `${target.searchText} quetzalcoatl` } });
    expect(await freshInitiativeIndex(database.db)).toBeNull();
    const page = await searchInitiatives(database.db, params);
    expect(page.data.map((row) => row.id)).toEqual([target.id]);
    expect(Object.values((await countFacets(database.db, params)).statuses).reduce((sum, n) => sum + n, 0)).toBe(1);
    const rebuilt = await awaitInitiativeIndex(database.db);
    expect(rebuilt).not.toBe(index);
    expect(await searchInitiatives(database.db, params, "index")).toEqual(page);
  });
});
