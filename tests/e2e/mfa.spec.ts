import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { accounts, enterTotpCode, freshTotpCode, signIn, signedInPage } from "./support/auth";
import { query } from "./support/db";

async function expectAccessible(page: Page) {
  expect((await axeViolations(page)).map((v) => `${page.url()} ${v}`)).toEqual([]);
}

/** Password step only: lands on the second step, with no session yet. */
async function passwordStep(page: Page, who: { email: string; password: string }, target = "/") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel("Correo institucional").fill(who.email);
  await page.getByLabel("Contraseña").fill(who.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/login\/verificacion$/);
}

/** Events of this kind about the account (its own, or another's action on it). */
const auditCount = async (action: string, email: string) =>
  (
    await query(
      `SELECT 1 FROM "AuditEvent" e JOIN "User" u ON (e."entityId" = u.id::text OR (e."entityId" IS NULL AND e."userId" = u.id))
       WHERE e.action = $1 AND u.email = $2`,
      [action, email],
    )
  ).length;

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  return (await browser.newContext(options)).newPage();
}

test.describe
  .serial("verificación en dos pasos de una cuenta de consulta", () => {
    let secret = "";
    let codes: string[] = [];
    // Each test may wait up to a 30-second step for a code the previous one has not spent.
    test.describe.configure({ timeout: 120_000 });

    test("la activa en /cuenta/seguridad con el QR y recibe diez códigos de recuperación", async ({ page }) => {
      const { mfaUser } = accounts();
      await signIn(page, mfaUser, "/cuenta/seguridad");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verificación en dos pasos");
      await expectAccessible(page);
      await page.getByRole("button", { name: "Activar la verificación en dos pasos" }).click();
      await expect(
        page.getByRole("img", { name: `Código QR para agregar la cuenta ${mfaUser.email} a la aplicación de autenticación` }),
      ).toBeVisible();
      secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").trim();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expectAccessible(page);

      await page.getByLabel("Código de 6 dígitos").fill("123");
      await page.getByRole("button", { name: "Confirmar" }).click();
      await expect(page.getByTestId("mfa-confirm-form").getByRole("status")).toContainText("no es correcto");
      await page.getByLabel("Código de 6 dígitos").fill(await freshTotpCode(secret));
      await page.getByRole("button", { name: "Confirmar" }).click();
      const list = page.getByTestId("recovery-codes").getByRole("listitem");
      await expect(list).toHaveCount(10);
      codes = await list.allTextContents();
      await expect(page.getByTestId("mfa-status")).toContainText("Activada desde");
      await expectAccessible(page);
      expect(await auditCount("auth.mfa.enrol", mfaUser.email)).toBe(1);
      const stored = await query<{ secretEncrypted: string }>(
        `SELECT "secretEncrypted" FROM "MfaCredential" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`,
        [mfaUser.email],
      );
      expect(stored[0]?.secretEncrypted).not.toContain(secret);
    });

    test("al ingresar pide el código: sin él no hay sesión, uno equivocado se rechaza y el correcto entra", async ({ page }) => {
      const { mfaUser } = accounts();
      await passwordStep(page, mfaUser, "/mecanismos");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verificación en dos pasos");
      await expectAccessible(page);
      expect((await page.request.get("/api/v1/initiatives")).status()).toBe(401);
      await page.goto("/mecanismos");
      await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmecanismos/);

      await page.goto("/login/verificacion");
      await page.getByLabel("Código de verificación").fill("000000");
      await page.getByRole("button", { name: "Verificar" }).click();
      await expect(page.getByTestId("second-factor-form").getByRole("status")).toContainText("no es correcto");
      await expectAccessible(page);
      await enterTotpCode(page, secret);
      await expect(page).toHaveURL(/\/mecanismos$/);
      expect(await auditCount("auth.mfa.failure", mfaUser.email)).toBeGreaterThanOrEqual(2);
    });

    test("sin JavaScript y sin el teléfono entra con un código de recuperación, que no sirve dos veces", async ({ browser }) => {
      const { mfaUser } = accounts();
      const first = await newPage(browser, { javaScriptEnabled: false });
      await passwordStep(first, mfaUser);
      await first.getByLabel("Código de verificación").fill(codes[0]!.toUpperCase());
      await first.getByRole("button", { name: "Verificar" }).click();
      await expect(first).toHaveURL(/\/$/);
      await expect(first.getByRole("heading", { level: 1 })).toHaveText("Estructura del plan");

      const second = await newPage(browser, { javaScriptEnabled: false });
      await passwordStep(second, mfaUser);
      await second.getByLabel("Código de verificación").fill(codes[0]!);
      await second.getByRole("button", { name: "Verificar" }).click();
      await expect(second.getByTestId("second-factor-form").getByRole("status")).toContainText("no es correcto");
      await expect(second).toHaveURL(/\/login\/verificacion$/);
      expect(await auditCount("auth.mfa.recovery", mfaUser.email)).toBe(1);
    });

    test("otra persona de administración la restablece: queda auditado y el siguiente ingreso no pide código", async ({ browser }) => {
      const { mfaUser } = accounts();
      const admin = await signedInPage(browser, "admin", "/admin/usuarios");
      const row = admin.getByTestId(`user-${mfaUser.email}`);
      await expect(row).toContainText("Dos pasos");
      const asked = new Promise<string>((resolve) =>
        admin.once("dialog", async (dialog) => {
          resolve(dialog.message());
          await dialog.accept();
        }),
      );
      await row.getByRole("button", { name: "Restablecer verificación en dos pasos" }).click();
      expect(await asked).toContain("Mónica Dos Pasos");
      await expect(row.getByRole("status")).toContainText(`Verificación en dos pasos de ${mfaUser.email} restablecida`);
      await expect(row).not.toContainText("Dos pasos");
      expect(await auditCount("user.mfa.reset", mfaUser.email)).toBe(1);

      const page = await newPage(browser);
      await signIn(page, mfaUser);
      await expect(page).toHaveURL(/\/$/);
    });
  });

test("una cuenta de administración sin segundo factor debe activarlo al ingresar, y antes no abre nada", async ({ page }) => {
  const { mfaAdmin } = accounts();
  await passwordStep(page, mfaAdmin, "/admin/usuarios");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Active la verificación en dos pasos");
  await expectAccessible(page);
  for (const path of ["/admin/usuarios", "/cuenta/seguridad"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  }
  expect((await page.request.get("/api/v1/initiatives")).status()).toBe(401);

  await page.goto("/login/verificacion");
  await page.getByRole("button", { name: "Activar la verificación en dos pasos" }).click();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").trim();
  await expectAccessible(page);
  await page.getByLabel("Código de 6 dígitos").fill(await freshTotpCode(secret));
  await page.getByRole("button", { name: "Confirmar" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "Continuar al portal" }).click();
  await expect(page).toHaveURL(/\/admin\/usuarios$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Usuarios");
  const sessions = await query<{ method: string }>(
    `SELECT s.method FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
    [mfaAdmin.email],
  );
  expect(sessions.map((s) => s.method)).toEqual(["password+totp"]);
});
