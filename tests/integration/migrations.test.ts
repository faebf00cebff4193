import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { SCHEMA_FILE, startSchemaEngine, statementsOf, type SchemaEngineHandle } from "@/prisma/tools/schema-engine";
import { createTestDatabase, databaseUrl, type TestDatabase } from "../support/database";

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// The Prisma wasm engine replays every migration in a shadow database: allow it time on slow machines.
describe("migraciones versionadas", { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let engine: SchemaEngineHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    engine = await startSchemaEngine(database.url, databaseUrl(`${database.name}_shadow`));
  }, 120_000);
  afterAll(async () => {
    engine?.stop();
    await database?.drop();
  });

  it("schema.prisma no tiene cambios sin su migración (sin deriva)", async () => {
    const missing = statementsOf(await engine.diffMigrationsToSchema());
    expect(missing, "schema.prisma cambió sin migración: cree una con npm run db:migrate:create -- <nombre>").toBe("");
  });

  it("la comprobación de deriva ve un campo añadido al esquema sin migración", async () => {
    const schema = readFileSync(SCHEMA_FILE, "utf8").replace(/^model Mechanism \{$/m, "model Mechanism {\n  driftProbe String?");
    expect(statementsOf(await engine.diffMigrationsToSchema({ schema }))).toMatch(
      /ALTER TABLE "Mechanism" ADD COLUMN\s+"driftProbe" TEXT;/,
    );
  });

  it("se aplican en orden sobre una base vacía, crean cada tabla del esquema y quedan en _prisma_migrations con su checksum", async () => {
    const migrations = readMigrations();
    expect((await applyMigrations(database.url)).applied).toEqual(migrations.map((m) => m.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      database.url,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const row of rows) {
      const file = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }

    const schema = readFileSync(SCHEMA_FILE, "utf8");
    const modelTables = [...schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)].map(
      ([, name, body]) => /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? name!,
    );
    const tables = await query<{ tablename: string }>(
      database.url,
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    expect(tables.map((t) => t.tablename).sort()).toEqual(modelTables.sort());
    // Extensions are outside Prisma's model, so the drift check cannot see them.
    const extensions = await query<{ extname: string }>(database.url, `SELECT extname FROM pg_extension`);
    expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(["pg_trgm", "unaccent"]));

    expect((await applyMigrations(database.url)).applied).toEqual([]);
  });
});
