import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { PROJECT_ROOT } from "@/lib/project-root";
import { applyMigrations } from "@/lib/db/migrate";
import { generatePassword } from "@/lib/auth/generate-password";
import { enrolKnownSecret } from "@/lib/auth/mfa";
import { newTotpSecret } from "@/lib/auth/totp";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { createUser } from "@/lib/users/manage-users";
import { CHROMIUM_PATH } from "./support/browser";
import { E2E_ACCOUNT_SPECS, type E2EAccount } from "./support/e2e-accounts";
import { startTestServer } from "./support/test-cluster";

/**
 * `npm test`: the whole suite, cheapest first, so a type or lint error fails in
 * seconds: typecheck, lint, known advisories of the production dependencies,
 * unit and integration tests (vitest, real
 * PostgreSQL), the production build, the operations tests on production
 * instances, and the browser tests (Playwright in Debian's Chromium).
 *
 * `--only=ops` and `--only=e2e` (npm run test:ops / test:e2e) run the build and
 * that one stage; SKIP_BUILD=1 reuses the last build. Other arguments go to
 * Playwright.
 */
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const onlyArg = process.argv.slice(2).find((arg) => arg.startsWith("--only="));
const only = onlyArg?.slice("--only=".length) ?? (process.env.E2E_ONLY === "1" ? "e2e" : null);
if (only !== null && only !== "ops" && only !== "e2e") {
  console.error(`Etapa desconocida «${only}»: use --only=ops o --only=e2e.`);
  process.exit(2);
}
const playwrightArgs = process.argv.slice(2).filter((arg) => arg !== onlyArg);
const wants = (stage: "checks" | "vitest" | "ops" | "e2e") => only === null || only === stage;

function run(label: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.log("Instalando Chromium de Debian para las pruebas de navegador…");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Falta Chromium en ${CHROMIUM_PATH}. Instálelo con «sudo apt-get install chromium» (o defina CHROMIUM_PATH).`);
    process.exit(1);
  }
}

/**
 * Known advisories against what production installs (`npm audit --omit=dev`,
 * high or critical fails). The registry mirror of some machines does not serve
 * the advisory endpoint: then the stage says so and goes on, rather than fail
 * a build for a service it cannot reach.
 */
function auditDependencies() {
  console.log("\n=== Avisos de seguridad de las dependencias (npm audit --omit=dev) ===");
  const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: PROJECT_ROOT, encoding: "utf8", env });
  let report: { statusCode?: number; message?: string; metadata?: { vulnerabilities?: Record<string, number> } };
  try {
    report = JSON.parse(result.stdout || "{}");
  } catch {
    report = { message: result.stderr.trim().split("\n").at(-1) ?? "sin respuesta" };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    console.log(`El registro no respondió a la consulta de avisos (${report.message ?? "sin respuesta"}); esta etapa se omite.`);
    return 0;
  }
  console.log(
    Object.entries(counts)
      .map(([level, n]) => `${level}: ${n}`)
      .join(" · "),
  );
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  if (serious > 0) {
    spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high"], { cwd: PROJECT_ROOT, stdio: "inherit", env });
    return 1;
  }
  return 0;
}

if (wants("e2e")) ensureChromium();
const server = await startTestServer();
let status = 0;
try {
  if (wants("checks")) {
    status = run("Tipos (tsc --noEmit)", process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"]);
    if (status === 0)
      status = run("Estilo y errores comunes (biome check)", process.execPath, [
        "node_modules/@biomejs/biome/bin/biome",
        "check",
        "--error-on-warnings",
        ".",
      ]);
  }

  if (status === 0 && wants("checks")) status = auditDependencies();

  if (status === 0 && wants("vitest")) {
    status = run("Pruebas unitarias y de integración (vitest)", process.execPath, ["node_modules/vitest/vitest.mjs", "run"]);
  }

  if (status === 0 && process.env.SKIP_BUILD !== "1") {
    status = run("Compilación de producción (npm run build)", "npm", ["run", "build"]);
  }

  // The production instances of the operations tests need the build.
  if (status === 0 && wants("ops")) {
    status = run(
      "Pruebas de operación: varias instancias, caídas, apagado (vitest)",
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run"],
      {
        VITEST_OPERATIONS: "1",
      },
    );
  }

  if (status === 0 && wants("e2e")) {
    const name = "matriz_e2e";
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = server.urlFor(name);
    await applyMigrations(url);
    const db = createPrismaClient(url);
    await seedMatrixIfEmpty(db);
    const authSecret = generatePassword(48);
    const accounts: Record<string, E2EAccount> = {};
    for (const [key, spec] of Object.entries(E2E_ACCOUNT_SPECS)) {
      const account: E2EAccount = { ...spec, password: generatePassword() };
      const slugs: readonly string[] = "secretariats" in spec ? spec.secretariats : [];
      const secretariatIds = (await db.secretariat.findMany({ where: { slug: { in: [...slugs] } }, select: { id: true } })).map(
        (s) => s.id,
      );
      const { user } = await createUser(db, { ...account, secretariatIds }, null);
      // Administration signs in with a second factor: the main admin's secret is known, so the tests compute its codes.
      if (key === "admin") {
        account.totpSecret = newTotpSecret();
        await enrolKnownSecret(db, user.id, account.totpSecret, authSecret);
      }
      accounts[key] = account;
    }
    await db.$disconnect();
    status = run(
      "Pruebas de navegador (Playwright)",
      process.execPath,
      ["node_modules/@playwright/test/cli.js", "test", ...playwrightArgs],
      {
        DATABASE_URL: url,
        E2E_ACCOUNTS: JSON.stringify(accounts),
        NEXTAUTH_SECRET: authSecret,
      },
    );
  }
} finally {
  await server.close();
}
process.exit(status);
