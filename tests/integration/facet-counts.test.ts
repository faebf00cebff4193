import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { countFacets } from "@/lib/initiatives/search-initiatives";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

/**
 * InitiativeFacetCount is kept by triggers: after any write, committed or
 * rolled back, from the portal or from plain SQL, it must equal a fresh count.
 */
describe("conteos por combinación de facetas (InitiativeFacetCount)", () => {
  let database: TestDatabase;

  const kept = () =>
    database.db.$queryRaw<
      unknown[]
    >`SELECT archived, "managementObjectiveId" AS o, "mechanismIds"::text AS m, status::text AS s, "leadSecretariatId" AS l,
      sum(n)::int AS n FROM "InitiativeFacetCount" GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5`;
  const fresh = () =>
    database.db.$queryRaw<
      unknown[]
    >`SELECT ("archivedAt" IS NOT NULL) AS archived, "managementObjectiveId" AS o, "mechanismIds"::text AS m, status::text AS s,
      "leadSecretariatId" AS l, count(*)::int AS n FROM "Initiative" GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
  const expectConsistent = async () => expect(await kept()).toEqual(await fresh());

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedMatrixIfEmpty(database.db);
  });
  afterAll(() => database?.drop());

  it("tras la importación coincide con un conteo directo", async () => {
    expect((await kept()).length).toBeGreaterThan(10);
    await expectConsistent();
  });

  it("sigue cada cambio de estado, archivo, mecanismos, responsable, nombre, alta y baja", async () => {
    await database.db.$executeRaw`UPDATE "Initiative" SET status = 'EN_EJECUCION' WHERE id % 3 = 0`;
    await expectConsistent();
    await database.db.$executeRaw`UPDATE "Initiative" SET "archivedAt" = now() WHERE id % 5 = 0`;
    await expectConsistent();
    await database.db.$executeRaw`UPDATE "Initiative" SET "mechanismIds" = array_append("mechanismIds", 1) WHERE id % 7 = 0`;
    await expectConsistent();
    const secretariat = await database.db.secretariat.findFirstOrThrow();
    await database.db.initiative.updateMany({ where: { id: { lt: 20 } }, data: { leadSecretariatId: secretariat.id } });
    await expectConsistent();
    const before = await kept();
    await database.db.$executeRaw`UPDATE "Initiative" SET name = name || ' ' WHERE id < 50`;
    expect(await kept()).toEqual(before);
    const template = await database.db.initiative.findFirstOrThrow({ where: { id: 2 } });
    await database.db.initiative.create({
      data: { name: "Nueva", position: 10_000, managementObjectiveId: template.managementObjectiveId, mechanismIds: [2, 3] },
    });
    await expectConsistent();
    await database.db.$executeRaw`DELETE FROM "Initiative" WHERE id IN (SELECT id FROM "Initiative" WHERE id % 11 = 0 LIMIT 3)`;
    await expectConsistent();
  });

  it("una transacción deshecha no deja rastro, y escrituras concurrentes suman bien", async () => {
    const before = await kept();
    await expect(
      database.db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Initiative" SET status = 'CONCLUIDA' WHERE id < 60`;
        throw new Error("deshacer");
      }),
    ).rejects.toThrow("deshacer");
    expect(await kept()).toEqual(before);

    const ids = (await database.db.initiative.findMany({ select: { id: true }, take: 24 })).map((i) => i.id);
    await Promise.all(
      ids.map((id, index) =>
        // Distinct initiatives, the same few combinations: only the counts' rows are shared.
        database.db.$transaction(async (tx) => {
          await tx.$executeRaw`UPDATE "Initiative" SET status = ${index % 2 ? "SUSPENDIDA" : "CANCELADA"}::"InitiativeStatus" WHERE id = ${id}`;
          await tx.$executeRaw`UPDATE "Initiative" SET "leadSecretariatId" = NULL, status = 'EN_EJECUCION' WHERE id = ${id}`;
        }),
      ),
    );
    await expectConsistent();
  });

  it("quien cambia una combinación no espera a otra transacción abierta sobre la misma, y TRUNCATE también se cuenta", async () => {
    const [pair] = await database.db.$queryRaw<{ ids: number[] }[]>`SELECT array_agg(id ORDER BY id) AS ids FROM "Initiative"
      GROUP BY "archivedAt" IS NULL, "managementObjectiveId", "mechanismIds", status, "leadSecretariatId" HAVING count(*) >= 2 LIMIT 1`;
    const [first, second] = pair!.ids;
    let firstCommitted = false;
    const open = database.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`UPDATE "Initiative" SET status = 'CONCLUIDA' WHERE id = ${first}`;
        await new Promise((r) => setTimeout(r, 1_500));
        firstCommitted = true;
      },
      { timeout: 20_000 },
    );
    await new Promise((r) => setTimeout(r, 300));
    await database.db.$executeRaw`UPDATE "Initiative" SET status = 'CONCLUIDA' WHERE id = ${second}`;
    expect(firstCommitted).toBe(false);
    await open;
    await expectConsistent();

    // Many small writes: the appended rows are folded now and then, and the table stays small.
    for (let i = 0; i < 150; i++) {
      await database.db
        .$executeRaw`UPDATE "Initiative" SET status = ${i % 2 ? "SUSPENDIDA" : "EN_EJECUCION"}::"InitiativeStatus" WHERE id = ${first}`;
    }
    await expectConsistent();
    const [{ rows }] = await database.db.$queryRaw<[{ rows: number }]>`SELECT count(*)::int AS rows FROM "InitiativeFacetCount"`;
    expect(rows).toBeLessThan((await fresh()).length + 2 * 150);

    await database.db.$executeRawUnsafe(`CREATE TABLE initiative_copy AS SELECT * FROM "Initiative"`);
    await database.db.$executeRawUnsafe(`TRUNCATE "Initiative" CASCADE`);
    expect(await kept()).toEqual([]);
    await database.db.$executeRawUnsafe(`INSERT INTO "Initiative" SELECT * FROM initiative_copy`);
    await expectConsistent();
  });

  it("los conteos sin texto (de las combinaciones) son los mismos que recorriendo las iniciativas", async () => {
    // With nothing updated, "stale" selects every initiative: a date filter keeps the count on the initiatives.
    await database.db.$executeRaw`UPDATE "Initiative" SET "lastUpdateOn" = NULL`;
    for (const params of [
      {},
      { objetivo: "1.1" },
      { mecanismo: ["convenios", "acuerdos"], modo: "todos" },
      { estado: "en-ejecucion", responsable: "ninguna" },
      { archivadas: "si" },
    ]) {
      const { query } = parseInitiativeQuery(params);
      const viaInitiatives = await countFacets(database.db, { ...query, desactualizadas: "si" });
      expect(await countFacets(database.db, query)).toEqual(viaInitiatives);
    }
  });
});
