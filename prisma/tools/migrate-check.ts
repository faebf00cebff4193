import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { PROJECT_ROOT } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrate";
import { actualFromDatabase, expectedFromSchema } from "./schema-drift";

/**
 * `npm run db:migrate:check`: builds a scratch database from prisma/migrations
 * and lists what schema.prisma has that the migrations do not, and the reverse.
 * Prisma's migration engine cannot be downloaded here, so migrations are written
 * by hand in Prisma's layout (prisma/migrations/<timestamp>_<name>/migration.sql);
 * this check (also run by `npm test`) says when they match.
 */
const server = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data/migrate-postgres"), port: Number(process.env.EMBEDDED_PG_MIGRATE_PORT ?? 54390), log: () => {} });
let status = 0;
try {
  await server.dropDatabase("migrate_check");
  await server.ensureDatabase("migrate_check");
  const url = server.urlFor("migrate_check");
  await applyMigrations(url);
  const expected = expectedFromSchema(path.join(PROJECT_ROOT, "prisma/schema.prisma"));
  const actual = await actualFromDatabase(url);
  const missing = expected.filter((line) => !actual.includes(line));
  const extra = actual.filter((line) => !expected.includes(line));
  if (missing.length === 0 && extra.length === 0) {
    console.log("Sin diferencias: el esquema y las migraciones coinciden.");
  } else {
    status = 1;
    if (missing.length) console.log(`En schema.prisma pero no en las migraciones (cree una migración):\n  ${missing.join("\n  ")}`);
    if (extra.length) console.log(`En las migraciones pero no en schema.prisma:\n  ${extra.join("\n  ")}`);
  }
} finally {
  await server.stop();
}
process.exit(status);
