import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { generatePassword } from "@/lib/auth/generate-password";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createUser } from "@/lib/users/manage-users";
import { type PortalProcess, signInOverHttp, startPortalProcess } from "@/tests/support/portal-process";

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

/** BENCH_BEFORE_DIR, the other checkout to measure beside this one, checked for a build before anything starts. */
export function builtBeforeDir() {
  const dir = process.env.BENCH_BEFORE_DIR;
  if (dir && !existsSync(path.join(dir, "dist/server/start.js"))) {
    throw new Error(`BENCH_BEFORE_DIR=${dir} no tiene una compilación (ejecute npm run build allí)`);
  }
  return dir;
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

export type SignedInBuild = { label: string; app: PortalProcess; cookie: string };

/**
 * The real matrix in a database of its own (`database`), a reader account on it,
 * and this checkout's build and, with `beforeDir`, another checkout's, started on
 * that database and signed in as the reader. Each build is pushed into `apps` as
 * it starts, so the caller's `finally` stops the ones that did start if a later
 * one fails. Returns the database and the first initiative, for a detail page.
 */
export async function startSignedInBuilds(
  apps: SignedInBuild[],
  server: { urlFor(name: string): string },
  options: { database: string; email: string; port: number; beforePort: number; beforeDir?: string },
) {
  const { url, db } = await freshMatrixDatabase(server, options.database);
  const password = generatePassword();
  await createUser(db, { email: options.email, name: "Medición", role: "VIEWER", password }, null);
  const initiativeId = (await db.initiative.findFirstOrThrow({ orderBy: { position: "asc" } })).id;
  await db.$disconnect();
  const env = { DATABASE_URL: url, NEXTAUTH_SECRET: generatePassword(48), LOG_LEVEL: "warn" };
  const builds = [
    ...(options.beforeDir
      ? [{ label: `antes (${path.basename(options.beforeDir)})`, port: options.beforePort, cwd: options.beforeDir }]
      : []),
    { label: "esta versión", port: options.port, cwd: PROJECT_ROOT },
  ];
  for (const build of builds) {
    const app = await startPortalProcess({ port: build.port, env, cwd: build.cwd });
    apps.push({ label: build.label, app, cookie: await signInOverHttp(app.url, options.email, password) });
  }
  return { url, initiativeId };
}
