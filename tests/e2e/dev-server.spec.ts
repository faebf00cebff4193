import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import os from "node:os";
import { expect, test, type Page } from "@playwright/test";
import { PROJECT_ROOT } from "@/lib/project-root";

// `npm run dev` opened at 127.0.0.1 or at the LAN address Next prints: Next 16 refuses its dev
// resources to origins it does not know, and the page never hydrates.
test.describe.configure({ mode: "serial", timeout: 240_000 });

let dev: ChildProcess | undefined;
let port = 0;
const output: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;

test.beforeAll(async () => {
  port = await freePort();
  dev = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const stream of [dev.stdout, dev.stderr]) stream?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const start = Date.now();
  while (Date.now() - start < 180_000) {
    if (dev.exitCode !== null) throw new Error(`npm run dev terminó:\n${output.join("")}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/login`)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`npm run dev no respondió:\n${output.join("")}`);
});

test.afterAll(async () => {
  // scripts/dev.ts stops next dev with it; the group kill also covers a dev.ts that hangs.
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev?.once("exit", resolve));
    process.kill(-dev.pid, "SIGTERM");
    await exited;
  }
});

/** React marks every element it hydrates; a page whose scripts were refused has none. */
async function expectHydrated(page: Page, base: string) {
  const refused: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/_next/") && response.status() === 403) refused.push(response.url());
  });
  await page.goto(`${base}/login`);
  await expect(page.getByRole("button", { name: "Ingresar" })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.querySelector("form") ?? {}).some((key) => key.startsWith("__reactFiber"))), {
      timeout: 120_000,
    })
    .toBe(true);
  expect(refused).toEqual([]);
}

test("el servidor de desarrollo funciona abierto en 127.0.0.1", async ({ page }) => {
  await expectHydrated(page, `http://127.0.0.1:${port}`);
});

test("el servidor de desarrollo funciona abierto en la dirección de red local", async ({ page }) => {
  test.skip(!lanAddress, "esta máquina no tiene una dirección IPv4 de red local");
  await expectHydrated(page, `http://${lanAddress}:${port}`);
});
