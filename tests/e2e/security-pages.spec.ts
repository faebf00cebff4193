import { type Browser, expect, test } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { signIn, signedInPage } from "./support/auth";
import { query } from "./support/db";
import { createThrowawayAccount } from "./support/users";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function signedInWith(
  browser: Browser,
  account: Parameters<typeof signIn>[1],
  options: { userAgent?: string; javaScriptEnabled?: boolean } = {},
) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

for (const javaScriptEnabled of [true, false]) {
  test(`en «Mis sesiones» se ven las sesiones propias y se cierran una o todas las demás (${javaScriptEnabled ? "con" : "sin"} JavaScript)`, async ({
    browser,
  }) => {
    test.slow();
    const account = await createThrowawayAccount("mis-sesiones");
    const firefox = await signedInWith(browser, account, { userAgent: FIREFOX_WINDOWS });
    const iphone = await signedInWith(browser, account, { userAgent: SAFARI_IPHONE });
    // Signing in itself needs JavaScript; the page under test is then used without it.
    const me = await signedInWith(browser, account);
    const noScript = await browser.newContext({ javaScriptEnabled, storageState: await me.context().storageState() });
    const page = await noScript.newPage();

    await page.goto("/cuenta/sesiones");
    await expect(page.getByRole("heading", { level: 1, name: "Mis sesiones" })).toBeVisible();
    const rows = page.getByTestId("own-sessions").locator("tbody tr");
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: "Esta sesión" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Firefox en Windows" })).toContainText("127.0.0.1");
    await expect(rows.filter({ hasText: "Safari en iOS" })).toHaveCount(1);
    // axe runs as a script in the page.
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);

    await rows
      .filter({ hasText: "Firefox en Windows" })
      .getByRole("button", { name: /^Cerrar la sesión de Firefox en Windows/ })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "Se cerró 1 sesión." })).toBeVisible();
    await expect(rows).toHaveCount(2);
    await firefox.goto("/");
    await expect(firefox).toHaveURL(/\/login/);

    await page.getByRole("button", { name: "Cerrar todas las demás sesiones" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Se cerró 1 sesión." })).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(page.getByText("No tiene otras sesiones abiertas.")).toBeVisible();
    await iphone.goto("/");
    await expect(iphone).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).not.toHaveURL(/\/login/);

    const audited = await query<{ data: { scope: string; count: number } }>(
      `SELECT data FROM "AuditEvent" WHERE action = 'auth.session.revoke' AND "userId" = $1 ORDER BY id`,
      [account.id],
    );
    expect(audited.map((e) => [e.data.scope, e.data.count])).toEqual([
      ["one", 1],
      ["others", 1],
    ]);
  });
}

test("la página «Cerrar sesión» propia funciona sin JavaScript", async ({ browser }) => {
  const account = await createThrowawayAccount("salir");
  const signedIn = await signedInWith(browser, account);
  await signedIn.goto("/salir");
  expect(await axeViolations(signedIn)).toEqual([]);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.context().storageState() });
  const page = await context.newPage();
  await page.goto("/api/auth/signout");
  await expect(page).toHaveURL(/\/salir$/);
  await expect(page.getByRole("heading", { level: 1, name: "Cerrar sesión" })).toBeVisible();
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page.getByText("Sesión cerrada.")).toBeVisible();
  const [session] = await query<{ revokedAt: Date | null }>(`SELECT "revokedAt" FROM "UserSession" WHERE "userId" = $1`, [account.id]);
  expect(session!.revokedAt).not.toBeNull();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("un archivo de 7 MB en la importación muestra «El archivo supera 5 MB», no «Algo salió mal»", async ({ browser }) => {
  const page = await signedInPage(browser, "admin", "/admin/importar");
  await page.goto("/admin/importar");
  await page.locator("#archivo").setInputFiles({ name: "grande.csv", mimeType: "text/csv", buffer: Buffer.alloc(7 * 1024 * 1024, 0x61) });
  await page.getByRole("button", { name: "Revisar" }).click();
  await expect(page.getByText("El archivo supera 5 MB.")).toBeVisible();
  await expect(page.getByText("Algo salió mal")).toHaveCount(0);
});

test("la CSP no permite estilos en línea y las páginas principales no provocan ninguna violación", async ({ page }) => {
  test.slow();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  await signIn(page, "admin");
  for (const path of [
    "/",
    "/iniciativas",
    "/iniciativas/1",
    "/tablero",
    "/mecanismos",
    "/matriz",
    "/objetivos/1/informe",
    "/admin/importar",
    "/cuenta/sesiones",
  ]) {
    const response = await page.goto(path);
    const csp = response!.headers()["content-security-policy"] ?? "";
    const styleSrc = csp.split(";").find((directive) => directive.trim().startsWith("style-src")) ?? "";
    expect(styleSrc, path).toMatch(/^\s*style-src 'self'/);
    expect(styleSrc, path).not.toContain("unsafe-inline");
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});
