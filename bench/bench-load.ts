import path from "node:path";
import { generatePassword } from "@/lib/auth/generate-password";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { t } from "@/lib/i18n";
import { PROJECT_ROOT } from "@/lib/project-root";
import { buildUnlessSkipped, freshMatrixDatabase } from "./production-setup";
import { signInOverHttp, startPortalProcess, type PortalProcess } from "@/tests/support/portal-process";
import { createUser } from "@/lib/users/manage-users";
import { formFields, submitForm } from "@/tests/support/html-form";

/**
 * `npm run bench:load`: the production server (`npm start`) on the embedded
 * PostgreSQL with the real matrix, and BENCH_LOAD_USERS virtual users (50),
 * each signed in with a session of its own, browsing, filtering, opening
 * initiatives, exporting and posting progress updates for BENCH_LOAD_SECONDS
 * (60), with a pause between actions like a person reading the page.
 */
const PORT = 3210;
const USERS = Number(process.env.BENCH_LOAD_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const [THINK_MIN, THINK_MAX] = (process.env.BENCH_LOAD_THINK_MS ?? "1000-5000").split("-").map(Number) as [number, number];
// One worker per core of this 2-core machine, as an operator would run it (README: WEB_CONCURRENCY).
const WORKERS = process.env.WEB_CONCURRENCY ?? "2";
const log = (line: string) => console.log(line);

type Kind = "tabla" | "tabla filtrada" | "ficha" | "API" | "exportación CSV" | "formulario de avance" | "registro de avance";
interface Sample {
  kind: Kind;
  ms: number;
  ok: boolean;
}

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number) {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function table(header: string[], rows: string[][]) {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

const server = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data/bench-postgres"), port: 54349, log });
let app: PortalProcess | undefined;
try {
  buildUnlessSkipped(log);
  const { url, db } = await freshMatrixDatabase(server, "bench_load");
  const accounts = Array.from({ length: Math.min(USERS, 10) }, (_, i) => ({
    email: `carga${i + 1}@quito.gob.ec`,
    name: `Carga ${i + 1}`,
    role: "PLANNER" as const,
    password: generatePassword(),
  }));
  for (const account of accounts) await createUser(db, account, null);
  const ids = (await db.initiative.findMany({ select: { id: true } })).map((i) => i.id);
  const objectives = (await db.managementObjective.findMany({ select: { code: true } })).map((o) => o.code);
  const mechanisms = (await db.mechanism.findMany({ where: { uses: { some: {} } }, select: { slug: true } })).map((m) => m.slug);
  await db.$disconnect();

  app = await startPortalProcess({
    port: PORT,
    env: { DATABASE_URL: url, NEXTAUTH_SECRET: generatePassword(48), LOG_LEVEL: "warn", WEB_CONCURRENCY: WORKERS },
  });
  const base = app.url;
  log(`Iniciando ${USERS} sesiones…`);
  const cookies: string[] = [];
  for (let i = 0; i < USERS; i++)
    cookies.push(await signInOverHttp(base, accounts[i % accounts.length]!.email, accounts[i % accounts.length]!.password));

  const words = ["salud", "movilidad", "agua", "convenio", "seguridad", "educación", "ambiente", "parroquias", "turismo", "vivienda"];
  const samples: Sample[] = [];
  const failures: string[] = [];
  let conflicts = 0;
  let measuring = false;

  async function timed(kind: Kind, run: () => Promise<{ ok: boolean; detail?: string }>) {
    const start = performance.now();
    let outcome: { ok: boolean; detail?: string };
    try {
      outcome = await run();
    } catch (error) {
      outcome = { ok: false, detail: (error as Error).message };
    }
    if (!measuring) return;
    samples.push({ kind, ms: performance.now() - start, ok: outcome.ok });
    if (!outcome.ok && failures.length < 20) failures.push(`${kind}: ${outcome.detail}`);
  }

  const page = (target: string, cookie: string) => async () => {
    const response = await fetch(`${base}${target}`, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    const ok = response.status === 200 && !body.includes(t.errors.title);
    return { ok, detail: `${target} → ${response.status}` };
  };

  async function act(cookie: string, roll = Math.random()) {
    if (roll < 0.25)
      return timed("tabla", page(`/iniciativas?pagina=${1 + Math.floor(Math.random() * 3)}&orden=${pick(["nombre", "objetivo"])}`, cookie));
    if (roll < 0.5) {
      const filters = new URLSearchParams();
      if (Math.random() < 0.6) filters.set("objetivo", pick(objectives));
      if (Math.random() < 0.5) filters.append("mecanismo", pick(mechanisms));
      if (Math.random() < 0.5) filters.set("q", pick(words));
      return timed("tabla filtrada", page(`/iniciativas?${filters}`, cookie));
    }
    if (roll < 0.75) return timed("ficha", page(`/iniciativas/${pick(ids)}`, cookie));
    if (roll < 0.83) return timed("API", page(`/api/v1/initiatives?objetivo=${pick(objectives)}`, cookie));
    if (roll < 0.9) return timed("exportación CSV", page(`/iniciativas/exportar?formato=csv&objetivo=${pick(objectives)}`, cookie));
    // An edit: open the progress form, then post an update (a conflict with another user is a correct answer, not an error).
    const target = `/iniciativas/${pick(ids)}/seguimiento`;
    let html = "";
    await timed("formulario de avance", async () => {
      const response = await fetch(`${base}${target}`, { headers: { cookie } });
      html = await response.text();
      return { ok: response.status === 200, detail: `${target} → ${response.status}` };
    });
    if (!html) return;
    await sleep(THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));
    await timed("registro de avance", async () => {
      const fields = formFields(html, "progress-form");
      fields.set("note", `Avance de la prueba de carga ${new Date().toISOString()}`);
      fields.set("progress", String(Math.floor(Math.random() * 101)));
      const result = await submitForm(`${base}${target}`, cookie, fields);
      if (result.html.includes("Otra persona modificó")) conflicts++;
      const ok = result.status === 200 && (result.html.includes(t.tracking.posted) || result.html.includes("Otra persona modificó"));
      return { ok, detail: `${target} POST → ${result.status}` };
    });
  }

  async function virtualUser(cookie: string, until: number) {
    // Users do not all arrive in the same millisecond.
    await sleep(Math.random() * THINK_MAX);
    while (Date.now() < until) {
      await act(cookie);
      await sleep(THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));
    }
  }

  // Steady state, not start-up: each worker loads a route's code on its first request, so every kind of
  // request is made a few times (the cluster deals them out in turn) before the clock starts.
  log("Calentamiento…");
  // One roll per kind of request (see act), each four times.
  for (const roll of [0.1, 0.3, 0.6, 0.8, 0.85, 0.95]) await Promise.all(cookies.slice(0, 4).map((cookie) => act(cookie, roll)));
  const warmUntil = Date.now() + 10_000;
  await Promise.all(cookies.slice(0, 10).map((cookie) => virtualUser(cookie, warmUntil)));
  log(`Midiendo: ${USERS} usuarios virtuales durante ${SECONDS} s, pausa de ${THINK_MIN / 1000}–${THINK_MAX / 1000} s entre acciones…`);
  measuring = true;
  const started = Date.now();
  await Promise.all(cookies.map((cookie) => virtualUser(cookie, started + SECONDS * 1000)));
  measuring = false;
  const elapsed = (Date.now() - started) / 1000;

  const summarize = (label: string, list: Sample[]) => {
    const sorted = list.map((s) => s.ms).sort((x, y) => x - y);
    return [
      label,
      String(list.length),
      (list.length / elapsed).toFixed(1),
      percentile(sorted, 50).toFixed(0),
      percentile(sorted, 95).toFixed(0),
      percentile(sorted, 99).toFixed(0),
      String(list.filter((s) => !s.ok).length),
    ];
  };
  const kinds = [...new Set(samples.map((s) => s.kind))];
  const errors = samples.filter((s) => !s.ok).length;
  const p99 = percentile(
    samples.map((s) => s.ms).sort((x, y) => x - y),
    99,
  );
  console.log(
    `\n## Carga: ${USERS} usuarios virtuales, ${SECONDS} s, producción (npm start, WEB_CONCURRENCY=${WORKERS}) en esta máquina\n`,
  );
  console.log(
    table(
      ["Acción", "solicitudes", "req/s", "p50 ms", "p95 ms", "p99 ms", "errores"],
      [
        ...kinds.map((k) =>
          summarize(
            k,
            samples.filter((s) => s.kind === k),
          ),
        ),
        summarize("**Total**", samples),
      ],
    ),
  );
  console.log(`\nConflictos de versión (respuesta correcta, no error): ${conflicts}. Pausa entre acciones: ${THINK_MIN}–${THINK_MAX} ms.`);
  console.log(
    `Objetivo: 0 errores y p99 < 500 ms → ${errors === 0 && p99 < 500 ? "cumplido" : "NO cumplido"} (errores ${errors}, p99 ${p99.toFixed(0)} ms).`,
  );
  for (const failure of failures) console.log(`  - ${failure}`);
} finally {
  await app?.stop();
  await server.stop();
}
process.exit(0);
