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
    // Variety for every order and filter: statuses, figures, owners, update dates, archived rows, ties (names,
    // figures, dates, and positions, as a re-import leaves them), and a text with a character outside the BMP
    // before the match (its offsets differ in UTF-16).
    const secretariats = await database.db.secretariat.findMany({ select: { id: true }, take: 3 });
    await database.db.$executeRaw`UPDATE "Initiative" SET
      status = (ARRAY['POR_INICIAR','EN_EJECUCION','CONCLUIDA','SUSPENDIDA','CANCELADA'])[1 + id % 5]::"InitiativeStatus",
      progress = CASE WHEN id % 4 = 0 THEN NULL ELSE (id * 7) % 101 END,
      "lastUpdateOn" = CASE WHEN id % 3 = 0 THEN NULL ELSE date '2026-01-01' + (id % 40) END,
      "leadSecretariatId" = CASE WHEN id % 6 = 0 THEN NULL ELSE (${secretariats.map((s) => s.id)}::int[])[1 + id % 3] END,
      "archivedAt" = CASE WHEN id % 17 = 0 THEN now() END`;
    await database.db.$executeRaw`UPDATE "Initiative" SET "searchText" = '😀 salud 𝐀 ' || "searchText" WHERE id % 50 = 1`;
    // A word as long as a search term can be (60 characters), ending outside the BMP: the term must keep it whole.
    await database.db.$executeRaw`UPDATE "Initiative" SET "searchText" = "searchText" || ${` ${"x".repeat(59)}𝐀`} WHERE id % 50 = 2`;
    await database.db.$executeRaw`UPDATE "Initiative" SET position = position - 1 WHERE id % 29 = 0`;
  });
  afterAll(() => database?.drop());

  it("da los mismos ids, en el mismo orden, y los mismos conteos que SQL", async () => {
    const secretariat = await database.db.secretariat.findFirstOrThrow({ select: { slug: true } });
    const terms = ["salud", "articulacion convenios", "a", "de la", "2024", "MANCOMUNIDAD", "zzzz", "gestion 1", "𝐀 salud", `${"x".repeat(59)}𝐀`];
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
      { objetivo: "1.1", orden: "nombre", dir: "desc" },
      { mecanismo: "convenios", orden: "documento", dir: "desc" },
      { estado: "concluida", orden: "relevancia", dir: "desc" },
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

  it("sin la fila de revisión no usa el índice y busca en SQL", async () => {
    await awaitInitiativeIndex(database.db);
    const params = query({ q: "salud" });
    const expected = await searchInitiatives(database.db, params, "sql");
    const [row] = await database.db.$queryRaw<{ revision: bigint; token: string }[]>`DELETE FROM "InitiativeRevision" RETURNING revision, token::text`;
    try {
      expect(await freshInitiativeIndex(database.db)).toBeNull();
      expect(await searchInitiatives(database.db, params)).toEqual(expected);
    } finally {
      await database.db.$executeRaw`INSERT INTO "InitiativeRevision" (id, revision, token) VALUES (1, ${row!.revision}, ${row!.token}::uuid)`;
    }
  });

  it("vaciar la tabla también mueve la revisión, y un token no se repite aunque el número vuelva atrás", async () => {
    const before = await database.db.initiativeRevision.findUniqueOrThrow({ where: { id: 1 } });
    await database.db.$executeRaw`UPDATE "Initiative" SET progress = progress WHERE id = 1`;
    const after = await database.db.initiativeRevision.findUniqueOrThrow({ where: { id: 1 } });
    expect(after.revision).toBe(before.revision + 1n);
    expect(after.token).not.toBe(before.token);
    // As a restored snapshot would: the counter back where it was, then one more write.
    await database.db.$executeRaw`UPDATE "InitiativeRevision" SET revision = ${before.revision}`;
    await database.db.$executeRaw`UPDATE "Initiative" SET progress = progress WHERE id = 1`;
    const again = await database.db.initiativeRevision.findUniqueOrThrow({ where: { id: 1 } });
    expect(again.revision).toBe(after.revision);
    expect(again.token).not.toBe(after.token);
    await database.db.$executeRawUnsafe(`TRUNCATE "Initiative" CASCADE`);
    expect(await revision()).toBe(again.revision + 1n);
    expect((await searchInitiatives(database.db, query({ q: "salud" }))).count).toBe(0);
  });
});
