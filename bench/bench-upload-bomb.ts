import { spawnSync } from "node:child_process";
import path from "node:path";
import { chromium } from "@playwright/test";
import { generate } from "otplib";
import { generatePassword } from "@/lib/auth/generate-password";
import { enrolKnownSecret } from "@/lib/auth/mfa";
import { newTotpSecret } from "@/lib/auth/totp";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { PROJECT_ROOT } from "@/lib/project-root";
import { buildUnlessSkipped, freshMatrixDatabase } from "./production-setup";
import { createUser } from "@/lib/users/manage-users";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/tests/support/browser";
import { startPortalProcess, type PortalProcess } from "@/tests/support/portal-process";
import { spreadsheetBomb } from "@/tests/support/spreadsheet-bomb";

/**
 * `npm run bench:bomb`: BENCH_BOMB_UPLOADS (4) administrators upload the 5 MB
 * XLSX that unpacks to a million rows at the same time, through the import
 * page of a production instance, while /api/health is polled every 100 ms.
 * Prints how long each upload took to be answered, what it was answered, the
 * instance's peak RSS and every health status seen. Ports: BENCH_BOMB_PORT
 * (3220) and BENCH_BOMB_PG_PORT (54359).
 */
const PORT = Number(process.env.BENCH_BOMB_PORT ?? 3220);
const UPLOADS = Number(process.env.BENCH_BOMB_UPLOADS ?? 4);
const log = (line: string) => console.log(line);

const server = await startEmbeddedPostgres({
  dataDir: path.join(PROJECT_ROOT, ".data/bench-bomb-postgres"),
  port: Number(process.env.BENCH_BOMB_PG_PORT ?? 54359),
  log: () => {},
});
let app: PortalProcess | undefined;
try {
  buildUnlessSkipped(log);
  const { url, db } = await freshMatrixDatabase(server, "bench_bomb");
  const accounts = Array.from({ length: UPLOADS }, (_, i) => ({
    email: `bomba${i + 1}@quito.gob.ec`,
    name: `Bomba ${i + 1}`,
    role: "ADMIN" as const,
    password: generatePassword(),
  }));
  const authSecret = generatePassword(48);
  // Administration signs in with a second factor: each account gets a known secret, so the bench computes its codes.
  const totpSecrets = new Map<string, string>();
  for (const account of accounts) {
    const { user } = await createUser(db, account, null);
    const secret = newTotpSecret();
    await enrolKnownSecret(db, user.id, secret, authSecret);
    totpSecrets.set(account.email, secret);
  }
  await db.$disconnect();

  const bomb = await spreadsheetBomb(1_000_000);
  log(`Bomba: ${(bomb.length / 1024 / 1024).toFixed(1)} MB, un millón de filas.`);
  app = await startPortalProcess({
    port: PORT,
    env: {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: authSecret,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      LOG_LEVEL: "warn",
      AUTH_INSECURE_COOKIES: "1",
    },
  });
  const base = app.url;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const pages = await Promise.all(
    accounts.map(async (account) => {
      const page = await (await browser.newContext({ baseURL: base })).newPage();
      await page.goto("/login?callbackUrl=%2Fadmin%2Fimportar");
      await page.getByLabel("Correo institucional").fill(account.email);
      await page.getByLabel("Contraseña").fill(account.password);
      await page.getByRole("button", { name: "Ingresar" }).click();
      await page.waitForURL(/\/login\/verificacion/);
      await page.getByLabel("Código de verificación").fill(await generate({ secret: totpSecrets.get(account.email)! }));
      await page.getByRole("button", { name: "Verificar" }).click();
      await page.waitForURL(/\/admin\/importar/);
      await page.locator("#archivo").setInputFiles({ name: "bomba.xlsx", mimeType: "application/octet-stream", buffer: bomb });
      return page;
    }),
  );

  const health = new Map<number, number>();
  let peakRss = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const status = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => r.status,
        () => 0,
      );
      health.set(status, (health.get(status) ?? 0) + 1);
      const rss = spawnSync("ps", ["-o", "rss=", "-p", String(app!.child.pid)], { encoding: "utf8" }).stdout.trim();
      peakRss = Math.max(peakRss, Number(rss) * 1024);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const results = await Promise.all(
    pages.map(async (page) => {
      const started = performance.now();
      await page.getByRole("button", { name: "Revisar" }).click();
      const answer = page.locator('[role="status"]:not(:empty), p.text-red-800').first();
      await answer.waitFor({ timeout: 120_000 });
      return { ms: Math.round(performance.now() - started), text: (await answer.textContent())?.trim() ?? "" };
    }),
  );
  polling = false;
  await poller;
  await browser.close();
  for (const [i, result] of results.entries()) log(`carga ${i + 1}: ${result.ms} ms — «${result.text}»`);
  log(`RSS máximo de la instancia: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  log(`/api/health durante las cargas: ${[...health].map(([status, n]) => `${status || "sin respuesta"} × ${n}`).join(", ")}`);
} finally {
  await app?.stop();
  await server.stop();
}
