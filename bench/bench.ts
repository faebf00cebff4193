import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { generatePassword } from "@/lib/auth/generate-password";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { PROJECT_ROOT } from "@/lib/project-root";
import { applyMigrations } from "@/lib/db/migrate";
import { exportCsv, exportRowBatches, exportXlsx } from "@/lib/initiatives/export-initiatives";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { matchingInitiativeIds, searchTable } from "@/lib/initiatives/search-initiatives";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { startPortalProcess, signInOverHttp, type PortalProcess } from "@/tests/support/portal-process";
import { createUser } from "@/lib/users/manage-users";
import { generateSyntheticMatrix } from "@/seeds/synthetic-matrix";

/**
 * `npm run bench`: the production build on the embedded PostgreSQL, measured
 * with autocannon against a plain node:http server returning the same bytes
 * (the baseline, measured in the same run), then list and facet queries on a
 * synthetic matrix of 100,000 initiatives, and the JavaScript each page ships.
 */
const PORT = 3200;
const BASELINE_PORT = 3201;
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const SYNTHETIC = Number(process.env.BENCH_INITIATIVES ?? 100_000);
const log = (line: string) => console.log(line);

async function prepareDatabase(name: string, url: string, admin: (sql: string) => Promise<void>) {
  await admin(`CREATE DATABASE "${name}"`).catch(() => {});
  await applyMigrations(url);
  const db = createPrismaClient(url);
  await seedMatrixIfEmpty(db);
  return db;
}

async function measure(url: string, cookie: string) {
  const result = await autocannon({ url, connections: 10, duration: DURATION, headers: { cookie } });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** A server that only replays recorded bytes: the ceiling for this machine and this client. */
function baselineServer(body: Buffer, contentType: string): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": contentType, "content-length": body.length });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(BASELINE_PORT, "127.0.0.1", () => resolve(server)));
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timeQueries(db: Db) {
  const cases: [string, Record<string, string | string[]>][] = [
    ["sin filtros, orden del documento", {}],
    ["texto «salud»", { q: "salud" }],
    ["texto «articulacion convenios», relevancia", { q: "articulacion convenios" }],
    ["objetivo 1.1 + mecanismo convenios", { objetivo: "1.1", mecanismo: "convenios" }],
    ["3 mecanismos, «todos»", { mecanismo: ["convenios", "acuerdos", "alianzas-estrategicas"], modo: "todos" }],
    ["texto + objetivo + orden por nombre, página 20", { q: "gestion", desarrollo: "2", orden: "nombre", pagina: "20" }],
    ["texto de una letra «a»", { q: "a" }],
  ];
  const rows: string[][] = [];
  for (const [label, params] of cases) {
    const query = parseInitiativeQuery(params).query;
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < 33; i++) {
      const t = performance.now();
      count = (await searchTable(db, query)).page.count;
      if (i >= 3) times.push(performance.now() - t);
    }
    rows.push([label, String(count), percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1)]);
  }
  return rows;
}

/** The exports of the whole synthetic matrix and of a common word, streamed and counted, with the process's memory growth while each runs. */
async function timeExports(db: Db) {
  const cases: [string, Record<string, string>, "csv" | "xlsx"][] = [
    ["todas, CSV", {}, "csv"],
    ["todas, XLSX", {}, "xlsx"],
    ["texto «salud», CSV", { q: "salud" }, "csv"],
  ];
  const rows: string[][] = [];
  for (const [label, params, format] of cases) {
    const start = process.memoryUsage().rss;
    let peak = start;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t = performance.now();
    let lines = 0;
    const batches = (async function* () {
      for await (const batch of exportRowBatches(db, await matchingInitiativeIds(db, parseInitiativeQuery(params).query))) {
        lines += batch.length;
        yield batch;
      }
    })();
    let bytes = 0;
    const reader = (format === "csv" ? exportCsv : exportXlsx)(batches).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.byteLength;
    clearInterval(sampler);
    const seconds = (performance.now() - t) / 1000;
    rows.push([
      label,
      String(lines),
      (bytes / 2 ** 20).toFixed(1),
      seconds.toFixed(1),
      (lines / seconds).toFixed(0),
      ((peak - start) / 2 ** 20).toFixed(0),
    ]);
  }
  return rows;
}

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

async function firstLoadJs(base: string, cookie: string, pages: string[]) {
  const rows: string[][] = [];
  for (const page of pages) {
    const html = await (await fetch(`${base}${page}`, { headers: { cookie } })).text();
    const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!))];
    let raw = 0;
    let gzip = 0;
    for (const src of scripts) {
      const body = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
      raw += body.length;
      gzip += gzipSync(body).length;
    }
    rows.push([page, String(scripts.length), (raw / 1024).toFixed(0), (gzip / 1024).toFixed(0)]);
  }
  return rows;
}

const server = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data/bench-postgres"), port: 54349, log });
const adminUrl = server.urlFor("postgres");
const admin = async (sql: string) => {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};
let app: PortalProcess | undefined;
try {
  if (process.env.BENCH_SKIP_BUILD !== "1" || !existsSync(path.join(PROJECT_ROOT, "dist/server/start.js"))) {
    log("Compilando la versión de producción (npm run build)…");
    const build = spawnSync("npm", ["run", "build"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`npm run build falló:\n${build.stdout}\n${build.stderr}`);
  }

  // 1. HTTP on the real matrix.
  await admin(`DROP DATABASE IF EXISTS "bench_app" WITH (FORCE)`);
  const url = server.urlFor("bench_app");
  const db = await prepareDatabase("bench_app", url, admin);
  const password = generatePassword();
  await createUser(db, { email: "bench@quito.gob.ec", name: "Medición", role: "VIEWER", password }, null);
  const initiativeId = (await db.initiative.findFirstOrThrow({ orderBy: { position: "asc" } })).id;
  await db.$disconnect();

  app = await startPortalProcess({ port: PORT, env: { DATABASE_URL: url, NEXTAUTH_SECRET: generatePassword(48), LOG_LEVEL: "warn" } });
  const base = app.url;
  const cookie = await signInOverHttp(base, "bench@quito.gob.ec", password);

  const targets: [string, string][] = [
    ["Tabla /iniciativas", "/iniciativas"],
    ["Tabla filtrada", "/iniciativas?objetivo=1.1&mecanismo=convenios&q=salud"],
    ["Ficha /iniciativas/[id]", `/iniciativas/${initiativeId}`],
    ["API /api/v1/initiatives", "/api/v1/initiatives?objetivo=1.1"],
  ];
  const httpRows: string[][] = [];
  for (const [label, target] of targets) {
    log(`Midiendo ${label} (${DURATION} s + ${DURATION} s de referencia)…`);
    const sample = await fetch(`${base}${target}`, { headers: { cookie } });
    if (sample.status !== 200) throw new Error(`${target} respondió ${sample.status}`);
    const body = Buffer.from(await sample.arrayBuffer());
    const measured = await measure(`${base}${target}`, cookie);
    const baseline = await baselineServer(body, sample.headers.get("content-type") ?? "text/html");
    const reference = await measure(`http://127.0.0.1:${BASELINE_PORT}/`, cookie);
    await new Promise((r) => baseline.close(r));
    httpRows.push([
      label,
      `${(body.length / 1024).toFixed(1)} KiB`,
      measured.rps.toFixed(0),
      String(measured.p50),
      String(measured.p99),
      String(measured.errors),
      reference.rps.toFixed(0),
      (measured.rps / reference.rps).toFixed(3),
      (measured.p50 / Math.max(1, reference.p50)).toFixed(1),
    ]);
  }
  const jsRows = await firstLoadJs(base, cookie, ["/", "/iniciativas", `/iniciativas/${initiativeId}`, "/matriz", "/mecanismos", "/login"]);

  // 2. Queries on a synthetic matrix of SYNTHETIC initiatives.
  const bigUrl = server.urlFor("bench_100k");
  const big = await prepareDatabase("bench_100k", bigUrl, admin);
  const present = await big.initiative.count();
  if (present < SYNTHETIC) {
    log(`Generando ${SYNTHETIC - present} iniciativas sintéticas (seeds/synthetic-matrix.ts)…`);
    await generateSyntheticMatrix(big, SYNTHETIC - present, {
      onProgress: (done) => {
        if (done % 20_000 === 0) log(`  ${done} de ${SYNTHETIC - present}`);
      },
    });
  }
  await big.$executeRawUnsafe(`VACUUM ANALYZE "Initiative"`);
  const total = await big.initiative.count();
  log(`Midiendo consultas sobre ${total} iniciativas…`);
  const queryRows = await timeQueries(big);
  log("Midiendo exportaciones completas…");
  const exportRows = await timeExports(big);
  await big.$disconnect();

  console.log(`\n## HTTP (producción, sesión iniciada, 10 conexiones, ${DURATION} s cada uno)\n`);
  console.log(table(["Ruta", "Respuesta", "req/s", "p50 ms", "p99 ms", "errores", "req/s ref.", "req/s ÷ ref.", "p50 ÷ ref."], httpRows));
  console.log("\nReferencia: servidor node:http que devuelve los mismos bytes, medido en la misma ejecución.");
  console.log(`\n## Consultas sobre ${total} iniciativas (PostgreSQL embebido, 30 repeticiones)\n`);
  console.log(table(["Consulta (filas + total + conteos)", "resultados", "p50 ms", "p95 ms"], queryRows));
  console.log(`\n## Exportaciones sobre ${total} iniciativas (en flujo, lotes de 500 iniciativas)\n`);
  console.log(table(["Exportación", "filas", "MiB", "s", "filas/s", "memoria máx. MiB"], exportRows));
  console.log("\nMemoria: crecimiento máximo del proceso (RSS) mientras dura cada exportación.");
  console.log("\n## JavaScript de primera carga por página\n");
  console.log(table(["Página", "archivos", "KiB", "KiB gzip"], jsRows));
} finally {
  await app?.stop();
  await server.stop();
}
process.exit(0);
