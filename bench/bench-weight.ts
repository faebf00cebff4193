import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { PROJECT_ROOT } from "@/lib/project-root";
import { firstLoadJs, htmlWeight, measure, table } from "./http-figures";
import { buildUnlessSkipped, builtBeforeDir, type SignedInBuild, startSignedInBuilds } from "./production-setup";

/**
 * `npm run bench:weight`: what `/iniciativas` weighs and costs beside the app's
 * own `/login`, on the production build with the real matrix, signed in. With
 * BENCH_BEFORE_DIR (another checkout, built with `npm run build`) both builds run
 * on the same database and are measured in the same run, one after the other
 * page by page, so the figures before and after a change share the machine's load.
 * BENCH_PAGES="/matriz /tablero" measures more pages beside them (the targets stay
 * those of /iniciativas).
 */
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BEFORE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? 3201);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54349);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const BEFORE_DIR = builtBeforeDir();
const PAGES = ["/login", "/iniciativas", ...(process.env.BENCH_PAGES ?? "").split(/\s+/).filter(Boolean)];
const log = (line: string) => console.log(line);

const server = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data/bench-postgres"), port: PG_PORT, log });
const apps: SignedInBuild[] = [];
try {
  buildUnlessSkipped(log);
  await startSignedInBuilds(apps, server, {
    database: "bench_weight",
    email: "peso@quito.gob.ec",
    port: PORT,
    beforePort: BEFORE_PORT,
    beforeDir: BEFORE_DIR,
  });

  const rows: string[][] = [];
  const figures = new Map<string, { rps: number; cpu: number; html: number; js: number }>();
  for (const page of PAGES) {
    for (const { label, app, cookie } of apps) {
      log(`Midiendo ${page} en ${label} (${DURATION} s)…`);
      // /login is measured as a visitor sees it: signed in, it sends you on.
      const headers = page === "/login" ? "" : cookie;
      const sample = await fetch(`${app.url}${page}`, { headers: { cookie: headers } });
      if (sample.status !== 200) throw new Error(`${page} respondió ${sample.status} en ${label}`);
      const weight = htmlWeight(await sample.text());
      const js = await firstLoadJs(app.url, headers, page);
      const run = await measure(`${app.url}${page}`, headers, DURATION, app.child.pid);
      figures.set(`${label} ${page}`, { rps: run.rps, cpu: run.cpuPerRequest, html: weight.total, js: js.gzip });
      rows.push([
        `${page}, ${label}`,
        (weight.total / 1000).toFixed(1),
        (weight.markup / 1000).toFixed(1),
        (weight.payload / 1000).toFixed(1),
        (weight.gzip / 1000).toFixed(1),
        (js.gzip / 1024).toFixed(0),
        run.rps.toFixed(0),
        String(run.p50),
        String(run.p99),
        String(run.errors),
        run.cpuPerRequest.toFixed(1),
      ]);
    }
  }

  console.log(`\n## Peso y costo por página (producción, matriz real, sesión iniciada, 10 conexiones, ${DURATION} s cada una)\n`);
  console.log(
    table(
      [
        "Página, versión",
        "HTML KB",
        "marcado KB",
        "RSC KB",
        "HTML gzip KB",
        "JS 1.ª carga KiB gzip",
        "req/s",
        "p50 ms",
        "p99 ms",
        "errores",
        "CPU ms/req",
      ],
      rows,
    ),
  );
  console.log("\nRSC: los scripts self.__next_f.push(…) que Next incluye en el HTML para hidratar; marcado: el resto.");
  console.log("/login se pide sin sesión, como lo ve quien va a ingresar.");

  const verdict = (ok: boolean) => (ok ? "cumple" : "NO cumple");
  const targetRows: string[][] = [];
  for (const { label } of apps) {
    const login = figures.get(`${label} /login`)!;
    const tablePage = figures.get(`${label} /iniciativas`)!;
    const ratio = tablePage.rps / login.rps;
    targetRows.push(
      [
        `HTML de /iniciativas (25 filas), ${label}`,
        "≤ 50 KB",
        `${(tablePage.html / 1000).toFixed(1)} KB`,
        verdict(tablePage.html <= 50_000),
      ],
      [
        `JS de primera carga de /iniciativas, ${label}`,
        "≤ 150 KiB gzip",
        `${(tablePage.js / 1024).toFixed(0)} KiB`,
        verdict(tablePage.js <= 150 * 1024),
      ],
      [`CPU por solicitud de /iniciativas, ${label}`, "≤ 12 ms", `${tablePage.cpu.toFixed(1)} ms`, verdict(tablePage.cpu <= 12)],
      [`req/s de /iniciativas ÷ req/s de /login, ${label}`, "≥ 0,5", ratio.toFixed(2), verdict(ratio >= 0.5)],
    );
  }
  console.log("\n## Objetivos (issue #17) frente a esta ejecución\n");
  console.log(table(["Objetivo", "meta", "medido", ""], targetRows));
} finally {
  for (const { app } of apps) await app.stop();
  await server.stop();
}
process.exit(0);
