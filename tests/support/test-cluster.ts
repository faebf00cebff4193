import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { PROJECT_ROOT } from "@/lib/project-root";

export interface TestServer {
  /** A URL on the test server that may create and drop databases. */
  adminUrl: string;
  urlFor(database: string): string;
  close(): Promise<void>;
}

/** The server tests create their databases on: DATABASE_URL's, or an embedded one of their own. */
export async function startTestServer(): Promise<TestServer> {
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    return {
      adminUrl: base.toString(),
      urlFor: (database) => {
        const url = new URL(base);
        url.pathname = `/${database}`;
        return url.toString();
      },
      close: async () => {},
    };
  }
  const server: RunningPostgres = await startEmbeddedPostgres({
    dataDir: process.env.TEST_EMBEDDED_PG_DIR ?? path.join(PROJECT_ROOT, ".data/test-postgres"),
    port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339),
    log: () => {},
  });
  return { adminUrl: server.urlFor("postgres"), urlFor: server.urlFor, close: () => server.stop() };
}
