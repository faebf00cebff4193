import { checkProductionConfig } from "@/lib/config";
import { PROJECT_ROOT } from "@/lib/project-root";

/**
 * `npm start`: the production build on DATABASE_URL. A bad configuration is one
 * clear line and exit 1; SIGTERM (or Ctrl+C) stops gracefully and exits 0.
 */
(process.env as Record<string, string>).NODE_ENV = "production";
const problems = checkProductionConfig(process.env);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}

const { logger } = await import("@/lib/logger");
const { startPortalServer } = await import("@/lib/server/portal-server");
const port = Number(process.env.PORT ?? 3000);
// Not HOSTNAME: containers set it to their own name.
const hostname = process.env.HOST ?? "0.0.0.0";
const drainMs = Number(process.env.SHUTDOWN_DRAIN_SECONDS ?? 2) * 1000;
const graceMs = Number(process.env.SHUTDOWN_GRACE_SECONDS ?? 25) * 1000;

try {
  const server = await startPortalServer({ port, hostname, dir: PROJECT_ROOT, drainMs, graceMs });
  logger.info({ url: server.url, pid: process.pid }, "listening");
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void server.shutdown(signal).then(() => process.exit(0));
    });
  }
} catch (error) {
  console.error(`No se pudo iniciar el portal: ${(error as Error).message}`);
  process.exit(1);
}
