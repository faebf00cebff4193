import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { PROJECT_ROOT } from "@/lib/project-root";

/** What every bench measures: the production build (`npm run build`), reused with BENCH_SKIP_BUILD=1 when it exists. */
export function buildUnlessSkipped(log: (line: string) => void) {
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(path.join(PROJECT_ROOT, "dist/server/start.js"))) return;
  log("Compilando la versión de producción (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`npm run build falló:\n${build.stdout}\n${build.stderr}`);
}

/** A database of its own for one bench, dropped and recreated, migrated and loaded with the real matrix. */
export async function freshMatrixDatabase(server: { urlFor(name: string): string }, name: string) {
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = server.urlFor(name);
  await applyMigrations(url);
  const db = createPrismaClient(url);
  await seedMatrixIfEmpty(db);
  return { url, db };
}
