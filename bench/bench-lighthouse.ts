import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { PROJECT_ROOT } from "@/lib/project-root";
import { buildUnlessSkipped, builtBeforeDir, type SignedInBuild, startSignedInBuilds } from "./production-setup";
import { median } from "./http-figures";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/tests/support/browser";

/**
 * `npm run bench:lighthouse`: Lighthouse (Debian's Chromium, signed in) on the
 * production build with the real matrix, mobile preset and desktop, and prints
 * performance, accessibility, best practices and layout shift per page. With
 * BENCH_BEFORE_DIR (another checkout, built) both builds are audited page by page
 * in the same run, since the scores move with the machine's load; BENCH_PAGES
 * ("/matriz /tablero") audits only those pages; BENCH_RUNS (3) runs per page.
 */
// Fixed defaults; overridable so two benches can run side by side.
const PORT = Number(process.env.BENCH_PORT ?? 3203);
const BEFORE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? 3204);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54349);
const BEFORE_DIR = builtBeforeDir();
const ONLY_PAGES = (process.env.BENCH_PAGES ?? "").split(/\s+/).filter(Boolean);
// Lighthouse's own advice for a noisy machine: the median of several runs, not one.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const log = (line: string) => console.log(line);

type Run = { performance: number; accessibility: number; bestPractices: number; cls: number; lcp: number; tbt: number };

const server = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data/bench-postgres"), port: PG_PORT, log });
const apps: SignedInBuild[] = [];
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  buildUnlessSkipped(log);
  const { initiativeId } = await startSignedInBuilds(apps, server, {
    database: "bench_lighthouse",
    email: "lighthouse@quito.gob.ec",
    port: PORT,
    beforePort: BEFORE_PORT,
    beforeDir: BEFORE_DIR,
  });
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });

  const allPages = ["/", "/iniciativas", `/iniciativas/${initiativeId}`, "/matriz", "/tablero"];
  const pages = ONLY_PAGES.length > 0 ? ONLY_PAGES : allPages;
  const rows: string[][] = [];
  const problems: string[] = [];
  const name = (page: string, label: string) => (apps.length > 1 ? `${page}, ${label}` : page);
  for (const page of pages) {
    // The builds take turns run by run, so a slow spell of the machine falls on both.
    const runs = new Map<string, Run[]>();
    for (const [preset, config] of [
      ["móvil", undefined],
      ["escritorio", desktopConfig],
    ] as const)
      for (let run = 1; run <= RUNS; run++)
        for (const { label, app, cookie } of apps) {
          const key = `${label} ${preset}`;
          if (!runs.has(key)) runs.set(key, []);
          log(`Lighthouse ${preset}: ${name(page, label)} (${run} de ${RUNS})…`);
          const audit = () =>
            lighthouse(
              `${app.url}${page}`,
              {
                port: chrome!.port,
                output: "json",
                logLevel: "error",
                onlyCategories: ["performance", "accessibility", "best-practices"],
                extraHeaders: { cookie },
              },
              config,
            );
          let result = await audit();
          // A run that failed to load or trace (NO_FCP, a lost target) scores 0 without being a measurement: once more, and said if it fails again.
          if (result?.lhr.runtimeError) {
            log(`  ${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}; se repite.`);
            result = await audit();
          }
          if (!result) throw new Error(`Lighthouse no devolvió resultado para ${page}`);
          if (result.lhr.runtimeError) {
            problems.push(
              `${name(page, label)} (${preset}, ejecución ${run}): la medición falló dos veces (${result.lhr.runtimeError.code})`,
            );
            continue;
          }
          const { categories, audits } = result.lhr;
          const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
          const failing = ["accessibility", "best-practices"].flatMap((id) =>
            (categories[id]?.auditRefs ?? [])
              .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
              .map((ref) => ref.id),
          );
          if (failing.length > 0) problems.push(`${name(page, label)} (${preset}, ejecución ${run}): ${[...new Set(failing)].join(", ")}`);
          runs.get(key)!.push({
            performance: score("performance"),
            accessibility: score("accessibility"),
            bestPractices: score("best-practices"),
            cls: audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
            // What the mobile score is made of, so a low one says where to look.
            lcp: (audits["largest-contentful-paint"]?.numericValue ?? Number.NaN) / 1000,
            tbt: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
          });
        }
    for (const { label } of apps) {
      const cells = [name(page, label)];
      for (const preset of ["móvil", "escritorio"]) {
        const done = runs.get(`${label} ${preset}`)!;
        const performance = done.map((r) => r.performance);
        if (done.length === 0) cells.push(...(preset === "móvil" ? ["error", "-", "-", "-", "-", "-", "-"] : ["error", "-"]));
        else if (preset === "móvil")
          cells.push(
            String(median(performance)),
            `${Math.min(...performance)}–${Math.max(...performance)}`,
            String(Math.min(...done.map((r) => r.accessibility))),
            String(Math.min(...done.map((r) => r.bestPractices))),
            median(done.map((r) => r.cls)).toFixed(3),
            median(done.map((r) => r.lcp)).toFixed(1),
            median(done.map((r) => r.tbt)).toFixed(0),
          );
        else cells.push(String(median(performance)), median(done.map((r) => r.cls)).toFixed(3));
      }
      rows.push(cells);
    }
  }

  const header = [
    "Página",
    "rend. móvil",
    "mín–máx",
    "accesib. (mín.)",
    "buenas prácticas (mín.)",
    "CLS móvil",
    "LCP móvil s",
    "TBT móvil ms",
    "rend. escritorio",
    "CLS escritorio",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log("\n## Lighthouse 12 (Chromium de Debian, sesión iniciada, matriz real, versión de producción)\n");
  console.log(
    [line(header), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map(line)].join(
      "\n",
    ),
  );
  if (problems.length > 0)
    console.log(
      `\nAuditorías de accesibilidad y buenas prácticas que fallan, y mediciones fallidas:\n${problems.map((p) => `- ${p}`).join("\n")}`,
    );
  console.log(
    `\n${RUNS} ejecuciones por página y versión: rendimiento, CLS, LCP y TBT son la mediana; accesibilidad y buenas prácticas, la peor.`,
  );
  console.log("\nObjetivos: rendimiento ≥ 95 (móvil), accesibilidad 100, buenas prácticas 100; CLS < 0,05 en /iniciativas.");
} finally {
  await chrome?.kill();
  for (const { app } of apps) await app.stop();
  await server.stop();
}
process.exit(0);
