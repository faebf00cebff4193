import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { searchTable } from "@/lib/initiatives/search-initiatives";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

async function settingsOfNewConnection(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ work_mem: string; random_page_cost: string }>(
      "SELECT current_setting('work_mem') AS work_mem, current_setting('random_page_cost') AS random_page_cost",
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

describe("ajustes con que se planifica la sentencia de la tabla", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
  });
  afterAll(() => database?.drop());

  it("las migraciones los fijan en la base: toda conexión nueva empieza con ellos", async () => {
    expect(await settingsOfNewConnection(database.url)).toEqual({ work_mem: "64MB", random_page_cost: "1.1" });
  });

  it("sin ellos en la base (un rol que no es dueño, una restauración), la tabla responde lo mismo fijándolos ella", async () => {
    const query = parseInitiativeQuery({ q: "salud", objetivo: "1.1" }).query;
    const withSettings = await searchTable(database.db, query);

    const dbName = new URL(database.url).pathname.slice(1);
    await database.db.$executeRawUnsafe(`ALTER DATABASE "${dbName}" RESET work_mem`);
    await database.db.$executeRawUnsafe(`ALTER DATABASE "${dbName}" RESET random_page_cost`);
    expect(await settingsOfNewConnection(database.url)).toEqual({ work_mem: "4MB", random_page_cost: "4" });

    const bare = createPrismaClient(database.url);
    try {
      const withoutSettings = await searchTable(bare, query);
      expect(withoutSettings.page.count).toBeGreaterThan(0);
      expect(withoutSettings).toEqual(withSettings);
      // SET LOCAL: the settings ended with the statement's transaction, and the connection is back to the database's.
      const [after] = await bare.$queryRaw<{ work_mem: string }[]>`SELECT current_setting('work_mem') AS work_mem`;
      expect(after!.work_mem).toBe("4MB");
    } finally {
      await bare.$disconnect();
    }
  });
});
