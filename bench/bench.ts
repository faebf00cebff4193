import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { generatePassword } from "@/lib/auth/generate-password";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { PROJECT_ROOT } from "@/lib/project-root";
import { cpuMs, endedChildrenCpuMs, firstLoadJs, measure, parentPid, table } from "./http-figures";
import { buildUnlessSkipped } from "./production-setup";
import { applyMigrations } from "@/lib/db/migrate";
import { exportCsv, exportRowBatches, exportXlsx } from "@/lib/initiatives/export-initiatives";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { matchingInitiativeIds, searchTable } from "@/lib/initiatives/search-initiatives";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { startPortalProcess, signInOverHttp, type PortalProcess } from "@/tests/support/portal-process";
import { createUser } from "@/lib/users/manage-users";
import { postProgressUpdate } from "@/lib/tracking/post-progress-update";
import { todayInQuito } from "@/lib/tracking/days";
import { generateSyntheticMatrix } from "@/seeds/synthetic-matrix";

/**
 * `npm run bench`: the production build on the embedded PostgreSQL, measured
 * with autocannon against a plain node:http server returning the same bytes
 * (the baseline, measured in the same run), then list and facet queries on a
 * synthetic matrix of 100,000 initiatives (alone, and while a writer posts a
 * progress update every 100 ms), and the JavaScript each page ships. Ends with
 * the targets of issue #17 beside what this run measured.
 */
// Fixed defaults; overridable so two benches can run side by side.
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASELINE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? 3201);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54349);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const SYNTHETIC = Number(process.env.BENCH_INITIATIVES ?? 100_000);
// BENCH_ONLY=consultas: only the queries on the synthetic matrix (no build, no HTTP), to compare two commits quickly.
const QUERIES_ONLY = process.env.BENCH_ONLY === "consultas";
const log = (line: string) => console.log(line);

async function prepareDatabase(name: string, url: string, admin: (sql: string) => Promise<void>) {
  await admin(`CREATE DATABASE "${name}"`).catch(() => {});
  await applyMigrations(url);
  const db = createPrismaClient(url);
  await seedMatrixIfEmpty(db);
  return db;
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

const QUERY_CASES: [string, Record<string, string | string[]>][] = [
  ["sin filtros, orden del documento", {}],
  ["texto «salud»", { q: "salud" }],
  ["texto «articulacion convenios», relevancia", { q: "articulacion convenios" }],
  ["objetivo 1.1 + mecanismo convenios", { objetivo: "1.1", mecanismo: "convenios" }],
  ["3 mecanismos, «todos»", { mecanismo: ["convenios", "acuerdos", "alianzas-estrategicas"], modo: "todos" }],
  ["texto + objetivo + orden por nombre, página 20", { q: "gestion", desarrollo: "2", orden: "nombre", pagina: "20" }],
  ["texto de una letra «a»", { q: "a" }],
];

/**
 * A writer posting a progress update every 100 ms on random initiatives while the
 * reads run: the moment the old in-memory index switched itself off.
 */
function startProgressWriter(db: Db, authorId: number) {
  let stopped = false;
  let written = 0;
  let failed = 0;
  const done = (async () => {
    const ids = (await db.initiative.findMany({ where: { archivedAt: null }, select: { id: true }, take: 5_000 })).map((r) => r.id);
    while (!stopped) {
      const next = new Promise((r) => setTimeout(r, 100));
      const initiativeId = ids[Math.floor(Math.random() * ids.length)]!;
      try {
        const { trackingVersion } = await db.initiative.findUniqueOrThrow({
          where: { id: initiativeId },
          select: { trackingVersion: true },
        });
        await postProgressUpdate(
          db,
          {
            initiativeId,
            trackingVersion,
            occurredOn: todayInQuito(),
            note: "Avance de medición",
            progress: Math.floor(Math.random() * 101),
          },
          { id: authorId, email: "bench@quito.gob.ec", name: "Medición" },
        );
        written++;
      } catch {
        failed++;
      }
      await next;
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return { written, failed };
    },
  };
}

/**
 * CPU time (ms) of every PostgreSQL backend connected to this database, by process id, and under -1 that of the
 * server's processes that have ended: a parallel worker lives for one query, and its time is only counted there.
 */
async function backendCpu(db: Db): Promise<Map<number, number>> {
  const pids = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  const cpu = new Map(pids.flatMap(({ pid }) => (existsSync(`/proc/${pid}/stat`) ? [[pid, cpuMs(pid)] as [number, number]] : [])));
  const [backend] = cpu.keys();
  if (backend !== undefined) cpu.set(-1, endedChildrenCpuMs(parentPid(backend)));
  return cpu;
}

type QueryTiming = { label: string; count: number; p50: number; p95: number; pgCpu: number };

/** Each case 33 times (the first 3 warm up), timed whole, and PostgreSQL's CPU per request (without the writer, whose work it would include). */
async function timeQueries(db: Db): Promise<QueryTiming[]> {
  const rows: QueryTiming[] = [];
  for (const [label, params] of QUERY_CASES) {
    const query = parseInitiativeQuery(params).query;
    const times: number[] = [];
    let count = 0;
    let before = new Map<number, number>();
    for (let i = 0; i < 33; i++) {
      if (i === 3) before = await backendCpu(db);
      const t = performance.now();
      count = (await searchTable(db, query)).page.count;
      if (i >= 3) times.push(performance.now() - t);
    }
    const after = await backendCpu(db);
    let pgCpu = 0;
    for (const [pid, ms] of after) pgCpu += ms - (before.get(pid) ?? 0);
    // A connection the pool closed meanwhile is among the ended processes with all its time: only what it used since counts.
    for (const [pid, ms] of before) if (!after.has(pid)) pgCpu -= ms;
    rows.push({ label, count, p50: percentile(times, 50), p95: percentile(times, 95), pgCpu: pgCpu / times.length });
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

async function firstLoadJsRows(base: string, cookie: string, pages: string[]) {
  const rows: string[][] = [];
  for (const page of pages) {
    const { files, raw, gzip } = await firstLoadJs(base, cookie, page);
    rows.push([page, String(files), (raw / 1024).toFixed(0), (gzip / 1024).toFixed(0)]);
  }
  return rows;
}

const server = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data/bench-postgres"), port: PG_PORT, log });
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
  const httpRows: string[][] = [];
  const measuredBy = new Map<string, Awaited<ReturnType<typeof measure>> & { bytes: number }>();
  let jsRows: string[][] = [];
  if (!QUERIES_ONLY) {
    buildUnlessSkipped(log);

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
      ["Ingreso /login (sin sesión)", "/login"],
      ["Tabla /iniciativas", "/iniciativas"],
      ["Tabla filtrada", "/iniciativas?objetivo=1.1&mecanismo=convenios&q=salud"],
      ["Ficha /iniciativas/[id]", `/iniciativas/${initiativeId}`],
      ["API /api/v1/initiatives", "/api/v1/initiatives?objetivo=1.1"],
    ];
    for (const [label, target] of targets) {
      log(`Midiendo ${label} (${DURATION} s + ${DURATION} s de referencia)…`);
      // /login is measured as a visitor sees it: signed in, it sends you on (a redirect, not the page).
      const session = target === "/login" ? "" : cookie;
      const sample = await fetch(`${base}${target}`, { headers: { cookie: session }, redirect: "manual" });
      if (sample.status !== 200) throw new Error(`${target} respondió ${sample.status}`);
      const body = Buffer.from(await sample.arrayBuffer());
      const measured = await measure(`${base}${target}`, session, DURATION, app.child.pid);
      measuredBy.set(target, { ...measured, bytes: body.length });
      const baseline = await baselineServer(body, sample.headers.get("content-type") ?? "text/html");
      const reference = await measure(`http://127.0.0.1:${BASELINE_PORT}/`, cookie, DURATION);
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
        measured.cpuPerRequest.toFixed(1),
      ]);
    }
    jsRows = await firstLoadJsRows(base, cookie, ["/", "/iniciativas", `/iniciativas/${initiativeId}`, "/matriz", "/mecanismos", "/login"]);
  }

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
  log("Midiendo las mismas consultas con un avance registrado cada 100 ms…");
  const author =
    (await big.user.findUnique({ where: { email: "bench@quito.gob.ec" } })) ??
    (await createUser(big, { email: "bench@quito.gob.ec", name: "Medición", role: "PLANNER", password: generatePassword() }, null)).user;
  const writer = startProgressWriter(big, author.id);
  const queryRowsWriting = await timeQueries(big);
  const writes = await writer.stop();
  if (!QUERIES_ONLY) log("Midiendo exportaciones completas…");
  const exportRows = QUERIES_ONLY ? [] : await timeExports(big);
  await big.$disconnect();

  if (!QUERIES_ONLY) {
    console.log(`\n## HTTP (producción, sesión iniciada, 10 conexiones, ${DURATION} s cada uno)\n`);
    console.log(
      table(
        ["Ruta", "Respuesta", "req/s", "p50 ms", "p99 ms", "errores", "req/s ref.", "req/s ÷ ref.", "p50 ÷ ref.", "CPU ms/req"],
        httpRows,
      ),
    );
    console.log("\nReferencia: servidor node:http que devuelve los mismos bytes, medido en la misma ejecución.");
    console.log("CPU ms/req: tiempo de CPU (usuario + sistema) del proceso del portal dividido por las solicitudes atendidas.");
  }
  console.log(`\n## Consultas sobre ${total} iniciativas (PostgreSQL embebido, 30 repeticiones)\n`);
  console.log(
    table(
      [
        "Consulta (filas + total + conteos)",
        "resultados",
        "p50 ms",
        "p95 ms",
        "CPU PG ms/sol.",
        "p50 ms con escritor",
        "p95 ms con escritor",
      ],
      queryRows.map((row, n) => [
        row.label,
        String(row.count),
        row.p50.toFixed(1),
        row.p95.toFixed(1),
        row.pgCpu.toFixed(1),
        queryRowsWriting[n]!.p50.toFixed(1),
        queryRowsWriting[n]!.p95.toFixed(1),
      ]),
    ),
  );
  console.log(
    "\nCPU PG: tiempo de CPU de los procesos de PostgreSQL de esta base por solicitud (sus conexiones y los trabajadores paralelos), sin escritor; la cifra que menos cambia con la carga de la máquina.",
  );
  console.log(`\nEscritor: ${writes.written} avances registrados (${writes.failed} fallidos) mientras duraban las consultas.`);
  const worstP95 = Math.max(...queryRows.map((r) => r.p95), ...queryRowsWriting.map((r) => r.p95));
  const verdict = (ok: boolean) => (ok ? "cumple" : "NO cumple");
  const queryTarget = [
    "p95 de la solicitud de la tabla, peor caso (100 000, con y sin escritor)",
    "< 100 ms",
    `${worstP95.toFixed(1)} ms`,
    verdict(worstP95 < 100),
  ];
  if (QUERIES_ONLY) {
    console.log("\n## Objetivo de las consultas (issue #17) frente a esta ejecución\n");
    console.log(table(["Objetivo", "meta", "medido", ""], [queryTarget]));
  } else {
    console.log(`\n## Exportaciones sobre ${total} iniciativas (en flujo, lotes de 500 iniciativas)\n`);
    console.log(table(["Exportación", "filas", "MiB", "s", "filas/s", "memoria máx. MiB"], exportRows));
    console.log("\nMemoria: crecimiento máximo del proceso (RSS) mientras dura cada exportación.");
    console.log("\n## JavaScript de primera carga por página\n");
    console.log(table(["Página", "archivos", "KiB", "KiB gzip"], jsRows));

    const login = measuredBy.get("/login")!;
    const tablePage = measuredBy.get("/iniciativas")!;
    const tableJs = Number(jsRows.find((r) => r[0] === "/iniciativas")![3]);
    console.log("\n## Objetivos (issue #17) frente a esta ejecución\n");
    console.log(
      table(
        ["Objetivo", "meta", "medido", ""],
        [
          queryTarget,
          [
            "req/s de /iniciativas ÷ req/s de /login",
            "≥ 0,5",
            (tablePage.rps / login.rps).toFixed(2),
            verdict(tablePage.rps / login.rps >= 0.5),
          ],
          [
            "CPU por solicitud de /iniciativas",
            "≤ 12 ms",
            `${tablePage.cpuPerRequest.toFixed(1)} ms`,
            verdict(tablePage.cpuPerRequest <= 12),
          ],
          ["HTML de /iniciativas (25 filas)", "≤ 50 KB", `${(tablePage.bytes / 1000).toFixed(1)} KB`, verdict(tablePage.bytes <= 50_000)],
          ["JavaScript de primera carga de /iniciativas", "≤ 150 KiB gzip", `${tableJs} KiB`, verdict(tableJs <= 150)],
        ],
      ),
    );
  }
} finally {
  await app?.stop();
  await server.stop();
}
process.exit(0);
