import cluster from "node:cluster";
import { checkProductionConfig, env } from "@/lib/config";
import { t } from "@/lib/i18n";
import { PROJECT_ROOT } from "@/lib/project-root";

/**
 * `npm start`: the production build on DATABASE_URL. A bad configuration is one
 * clear line and exit 1; SIGTERM (or Ctrl+C) stops gracefully and exits 0.
 * WEB_CONCURRENCY > 1 runs that many worker processes on one port (Node's
 * cluster), to use every core of a machine; each is as stateless as a separate
 * instance.
 */
// A write, before anything reads env.NODE_ENV: `npm start` is production whatever the shell says.
(process.env as Record<string, string>).NODE_ENV = "production";
const problems = checkProductionConfig();
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}

const { logger } = await import("@/lib/logger");
const workers = Math.max(1, env.WEB_CONCURRENCY);
const signals = ["SIGTERM", "SIGINT"] as const;

if (workers > 1 && cluster.isPrimary) {
  let stopping = false;
  const listening = new Set<number>();
  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.values(cluster.workers ?? {}).every((w) => !w || w.id === worker.id || w.isDead())) process.exit(0);
      return;
    }
    // A worker that never listened would fail again: stop rather than loop.
    if (!listening.has(worker.id)) {
      console.error(t.cli.server.workerFailed(worker.process.pid, signal ?? code));
      process.exit(1);
    }
    logger.error({ pid: worker.process.pid, code, signal }, "worker died: starting another");
    cluster.fork();
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  for (const signal of signals) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal, workers }, "stopping workers");
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    });
  }
} else {
  const { startPortalServer } = await import("./portal-server");
  try {
    const server = await startPortalServer({
      port: env.PORT,
      hostname: env.HOST,
      dir: PROJECT_ROOT,
      drainMs: env.SHUTDOWN_DRAIN_SECONDS * 1000,
      graceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    });
    logger.info({ url: server.url, pid: process.pid }, "listening");
    // Ctrl+C reaches the workers and the primary forwards SIGTERM too: shutdown() runs once.
    for (const signal of signals) process.on(signal, () => void server.shutdown(signal).then(() => process.exit(0)));
  } catch (error) {
    console.error(t.cli.server.startFailed((error as Error).message));
    process.exit(1);
  }
}
