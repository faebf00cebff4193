import { spawn, type ChildProcess } from "node:child_process";
import { chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/project-root";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { until } from "../support/until";

const PORT = Number(process.env.TEST_DEV_PORT ?? 3320);

/** `npm run dev` opened at 127.0.0.1, as a colleague on the LAN opens the "Network:" address, must hydrate. */
describe("servidor de desarrollo en 127.0.0.1", () => {
  let database: TestDatabase;
  let dev: ChildProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    dev = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_ENV: "development", DATABASE_URL: database.url, PORT: String(PORT) },
      stdio: "ignore",
      detached: true,
    });
    await until(
      "el servidor de desarrollo responde",
      () => fetch(`http://127.0.0.1:${PORT}/login`).then((response) => response.status, () => 0),
      (status) => status === 200,
      180_000,
    );
  }, 240_000);

  afterAll(async () => {
    if (dev.pid) process.kill(-dev.pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await database.drop();
  });

  it("la página de ingreso se hidrata: el formulario responde sin recargar", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/login`);
      await page.getByLabel("Correo institucional").fill("nadie.existe@quito.gob.ec");
      await page.getByLabel("Contraseña").fill("una contraseña equivocada");
      // Until the client takes over, a click posts the page back and no message appears: retry until hydrated.
      await until(
        "el formulario hidratado muestra su mensaje",
        async () => {
          await page.getByRole("button", { name: "Ingresar" }).click();
          await page.waitForTimeout(1500);
          return (await page.getByTestId("sign-in-error").textContent()) ?? "";
        },
        (text) => text.includes("incorrectos"),
        90_000,
      );
      expect(await page.getByTestId("sign-in-error").textContent()).toContain("Correo o contraseña incorrectos.");
    } finally {
      await browser.close();
    }
  }, 150_000);
});
