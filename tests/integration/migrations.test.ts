import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { actualFromDatabase, expectedFromSchema } from "@/prisma/tools/schema-drift";

const SCHEMA = path.resolve("prisma/schema.prisma");

describe("migraciones versionadas", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database?.drop());

  it("se aplican en orden sobre una base vacía y quedan en _prisma_migrations con su checksum", async () => {
    const first = await applyMigrations(database.url);
    const migrations = readMigrations();
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [index, row] of rows.entries()) {
      const file = readFileSync(path.join("prisma/migrations", row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(migrations[index]!.checksum).toBe(row.checksum);
    }
    expect((await applyMigrations(database.url)).applied).toEqual([]);
  });

  it("schema.prisma y las migraciones describen la misma base (sin deriva)", async () => {
    const expected = expectedFromSchema(SCHEMA);
    const actual = await actualFromDatabase(database.url);
    expect({ missingInMigrations: expected.filter((l) => !actual.includes(l)), extraInMigrations: actual.filter((l) => !expected.includes(l)) }).toEqual({
      missingInMigrations: [],
      extraInMigrations: [],
    });
  });

  it("la comprobación detecta un campo añadido al esquema sin migración", async () => {
    const changed = path.join(tmpdir(), `schema-${process.pid}.prisma`);
    writeFileSync(changed, readFileSync(SCHEMA, "utf8").replace("model Mechanism {\n", "model Mechanism {\n  color String?\n"));
    const actual = await actualFromDatabase(database.url);
    expect(expectedFromSchema(changed).filter((l) => !actual.includes(l))).toEqual(["column Mechanism.color text null"]);
  });
});
