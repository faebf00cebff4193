import path from "node:path";
import { chromium } from "@playwright/test";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { PROJECT_ROOT } from "@/lib/project-root";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/tests/support/browser";
import { cpuMs, median, table } from "./http-figures";
import { buildUnlessSkipped, builtBeforeDir, type SignedInBuild, startSignedInBuilds } from "./production-setup";

/**
 * `npm run bench:visit`: what one visit to a page costs the server, as a browser
 * makes it. Debian's Chromium opens each page signed in (phone and laptop
 * width), scrolls to the end and waits; the bench counts the requests the page
 * made after its document (the Link prefetches), the server CPU and the database
 * transactions the visit took, and the time from a click on a link to the page
 * it opens. With BENCH_BEFORE_DIR (another checkout, built) both builds are
 * measured visit by visit in the same run; BENCH_RUNS (3) visits per page and
 * width, the figures are their median.
 */
const PORT = Number(process.env.BENCH_PORT ?? 3205);
const BEFORE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? 3206);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54349);
const BEFORE_DIR = builtBeforeDir();
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DATABASE = "bench_visit";
// A reader's pause between pointing at a link and clicking it.
const HOVER_MS = 300;
const log = (line: string) => console.log(line);

const server = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data/bench-postgres"), port: PG_PORT, log });
const apps: SignedInBuild[] = [];
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
let stats: pg.Client | undefined;
try {
  buildUnlessSkipped(log);
  const { url, initiativeId } = await startSignedInBuilds(apps, server, {
    database: DATABASE,
    email: "visita@quito.gob.ec",
    port: PORT,
    beforePort: BEFORE_PORT,
    beforeDir: BEFORE_DIR,
  });
  stats = new pg.Client({ connectionString: url });
  await stats.connect();
  const commits = async () =>
    Number((await stats!.query("SELECT xact_commit FROM pg_stat_database WHERE datname = $1", [DATABASE])).rows[0].xact_commit);
  // The statistics collector publishes with a delay; the pause lets one window's transactions land in it.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 700));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

  /** One visit: requests after the document, server CPU ms and database transactions, idle ones (job polling) subtracted. */
  async function visit(app: SignedInBuild, page: string, width: number) {
    const context = await browser!.newContext({ viewport: { width, height: 800 }, extraHTTPHeaders: { cookie: app.cookie } });
    const tab = await context.newPage();
    let requests = 0;
    tab.on("request", (request) => {
      const { origin, pathname } = new URL(request.url());
      if (origin === app.app.url && !pathname.startsWith("/_next/static/") && request.resourceType() !== "document") requests++;
    });
    const cpuBefore = cpuMs(app.app.child.pid!);
    const before = await commits();
    const start = performance.now();
    await tab.goto(`${app.app.url}${page}`, { waitUntil: "networkidle" });
    await tab.mouse.wheel(0, 50_000);
    await tab.waitForLoadState("networkidle");
    await settle();
    const duration = performance.now() - start;
    const during = (await commits()) - before;
    const cpu = cpuMs(app.app.child.pid!) - cpuBefore;
    await context.close();
    // The same wait without a visit: what the job queues committed meanwhile.
    const idleBefore = await commits();
    await new Promise((resolve) => setTimeout(resolve, duration));
    const idle = (await commits()) - idleBefore;
    return { requests, cpu, transactions: Math.max(0, during - idle) };
  }

  /** From a click on the first initiative of the table, after a reader's pause on it, to the initiative's heading. */
  async function openInitiative(app: SignedInBuild) {
    const context = await browser!.newContext({ viewport: { width: 1366, height: 800 }, extraHTTPHeaders: { cookie: app.cookie } });
    const tab = await context.newPage();
    await tab.goto(`${app.app.url}/iniciativas`, { waitUntil: "networkidle" });
    const link = tab.getByTestId("initiative-row").first().getByRole("link").first();
    const name = ((await link.textContent()) ?? "").trim();
    await link.hover();
    await tab.waitForTimeout(HOVER_MS);
    const start = performance.now();
    await link.click();
    await tab.getByRole("heading", { level: 1, name }).waitFor();
    const elapsed = performance.now() - start;
    await context.close();
    return elapsed;
  }

  const pages = ["/", "/iniciativas", `/iniciativas/${initiativeId}`, "/matriz", "/tablero"];
  const rows: string[][] = [];
  for (const page of pages)
    for (const width of [390, 1366]) {
      const runs = new Map<string, Awaited<ReturnType<typeof visit>>[]>();
      // The builds take turns visit by visit, so a slow spell of the machine falls on both.
      for (let run = 1; run <= RUNS; run++)
        for (const app of apps) {
          log(`Visita a ${page} (${width} px) en ${app.label} (${run} de ${RUNS})…`);
          runs.set(app.label, [...(runs.get(app.label) ?? []), await visit(app, page, width)]);
        }
      for (const { label } of apps) {
        const done = runs.get(label)!;
        rows.push([
          `${page}, ${width} px, ${label}`,
          String(median(done.map((r) => r.requests))),
          String(median(done.map((r) => r.transactions))),
          String(median(done.map((r) => r.cpu))),
        ]);
      }
    }
  const clicks = new Map<string, number[]>();
  for (let run = 1; run <= RUNS; run++)
    for (const app of apps) {
      log(`Clic en una iniciativa de la tabla en ${app.label} (${run} de ${RUNS})…`);
      clicks.set(app.label, [...(clicks.get(app.label) ?? []), await openInitiative(app)]);
    }

  console.log("\n## Una visita en el navegador (producción, matriz real, sesión iniciada, Chromium de Debian)\n");
  console.log(table(["Página, ancho, versión", "solicitudes tras el documento", "transacciones de BD", "CPU del servidor ms"], rows));
  console.log(
    `\nMediana de ${RUNS} visitas: la página se abre, se desplaza hasta el final y se espera a que la red quede quieta. Las solicitudes son las que la página hace al portal después de su documento, sin los archivos estáticos: sobre todo precargas de enlaces. Las transacciones descuentan las de una espera igual sin visita (las colas de trabajos). La CPU se mide en pasos de 10 ms.`,
  );
  console.log("\n## Del clic a la página abierta\n");
  console.log(
    table(
      ["Versión", "ms, mediana", "mín–máx"],
      apps.map(({ label }) => {
        const times = clicks.get(label)!;
        return [label, median(times).toFixed(0), `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}`];
      }),
    ),
  );
  console.log(
    `\nDesde /iniciativas (1366 px): el puntero se posa ${HOVER_MS} ms sobre la primera iniciativa de la tabla, se hace clic y se espera el título de su ficha.`,
  );
} finally {
  await browser?.close();
  await stats?.end();
  for (const { app } of apps) await app.stop();
  await server.stop();
}
process.exit(0);
