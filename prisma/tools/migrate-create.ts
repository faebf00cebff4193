import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { readMigrations } from "@/lib/db/migrate";
import { MIGRATION_LOCK, MIGRATIONS_DIR, PROJECT_ROOT, startSchemaEngine, statementsOf } from "./schema-engine";

/**
 * `npm run db:migrate:create -- <name>`: writes the migration that takes a
 * database built from prisma/migrations to prisma/schema.prisma, in Prisma's
 * layout, like `prisma migrate dev --create-only`. It never applies anything:
 * lib/db/migrate.ts does.
 */

// As Prisma's CLI does for usual names (it runs @sindresorhus/slugify with "_" as separator).
const slugify = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z\d]+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 200);

const utcStamp = (date: Date) => date.toISOString().replace(/\D/g, "").slice(0, 14);

/** Prisma's `YYYYMMDDHHMMSS` (UTC), moved past the newest migration if that one carries a later stamp, so the new one still runs last. */
function nextTimestamp(existing: string[]): string {
  const now = utcStamp(new Date());
  const last = existing.at(-1)?.slice(0, 14);
  if (!last || now > last) return now;
  const [y, mo, d, h, mi, s] = last
    .match(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/)!
    .slice(1)
    .map(Number) as number[];
  return utcStamp(new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s! + 1)));
}

const args = process.argv.slice(2).filter((arg) => arg !== "--create-only");
const name = slugify(args.join(" "));
if (!name || args.some((arg) => arg.startsWith("-"))) {
  console.error("Uso: npm run db:migrate:create -- <nombre>   (por ejemplo: npm run db:migrate:create -- add_mechanism_color)");
  process.exit(1);
}

/** Replays the migrations in a scratch database on DATABASE_URL's server or on an embedded PostgreSQL. */
async function diffMigrationsToSchema(): Promise<string> {
  const shadowName = `prisma_migrate_shadow_${randomBytes(4).toString("hex")}`;
  let server: { url: string; shadowUrl: string; stop(): Promise<void> };
  if (process.env.DATABASE_URL) {
    const shadowUrl = new URL(process.env.DATABASE_URL);
    shadowUrl.pathname = `/${shadowName}`;
    server = { url: process.env.DATABASE_URL, shadowUrl: shadowUrl.toString(), stop: async () => {} };
  } else {
    // The same cluster as `npm run db:migrate:check`, so both can run at once.
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(PROJECT_ROOT, ".data/migrate-postgres"),
      port: Number(process.env.EMBEDDED_PG_MIGRATE_PORT ?? 54390),
      log: (line) => console.error(line),
    });
    server = { url: embedded.urlFor("postgres"), shadowUrl: embedded.urlFor(shadowName), stop: () => embedded.stop() };
  }
  try {
    const engine = await startSchemaEngine(server.url, server.shadowUrl);
    try {
      return await engine.diffMigrationsToSchema();
    } finally {
      engine.stop();
    }
  } finally {
    await server.stop();
  }
}

let sql: string;
try {
  sql = await diffMigrationsToSchema();
} catch (error) {
  // Typically a migration that fails to replay, e.g. one that needs an extension nobody created.
  console.error(`No se pudo calcular la migración: ${(error as Error).message}`);
  process.exit(1);
}

if (statementsOf(sql) === "") {
  console.log("Sin cambios: el esquema y las migraciones coinciden.");
} else {
  const directory = `${nextTimestamp(readMigrations().map((m) => m.name))}_${name}`;
  const file = path.join(MIGRATIONS_DIR, directory, "migration.sql");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, sql);
  const lockFile = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lockFile)) {
    writeFileSync(lockFile, MIGRATION_LOCK);
    console.log(`Creado ${path.relative(PROJECT_ROOT, lockFile)}`);
  }
  console.log(`Migración creada (sin aplicar): ${path.relative(PROJECT_ROOT, file)}\n\n${sql}`);
  console.log(
    "Revísela (borrados de columnas o tablas, datos existentes) antes de confirmarla; se aplica con lib/db/migrate.ts (npm run db:deploy, npm run dev).",
  );
}
