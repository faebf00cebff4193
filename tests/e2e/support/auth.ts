import { expect, type Browser, type Cookie, type Page } from "@playwright/test";
import { generate } from "otplib";
import { e2eAccounts, type E2EAccount, type E2EAccountName } from "../../support/e2e-accounts";

export const accounts = () => e2eAccounts();

const STEP_MS = 30_000;
const lastSteps = new Map<string, number>();

/** A code of a step this worker has not used yet: each 30-second step's code opens one sign-in only. */
export async function freshTotpCode(secret: string) {
  for (;;) {
    const step = Math.floor(Date.now() / STEP_MS);
    if (step > (lastSteps.get(secret) ?? -1)) {
      lastSteps.set(secret, step);
      return generate({ secret, epoch: step * 30 });
    }
    await new Promise((resolve) => setTimeout(resolve, STEP_MS - (Date.now() % STEP_MS) + 200));
  }
}

/**
 * Types a fresh code into the second step. The admin's secret is shared by
 * both workers, so the other one may have just spent this step's code: then
 * the refusal shows on the form, and the next step's code goes in.
 */
export async function enterTotpCode(page: Page, secret: string) {
  const refusal = page.getByTestId("second-factor-form").getByRole("status").getByText("no es correcto");
  for (let attempt = 0; attempt < 3; attempt++) {
    // A refusal already on the form (a wrong code the test typed) would be read as this code's answer.
    if (await refusal.isVisible()) await page.goto(new URL("/login/verificacion", page.url()).toString());
    await page.getByLabel("Código de verificación").fill(await freshTotpCode(secret));
    await page.getByRole("button", { name: "Verificar" }).click();
    const outcome = await Promise.race([
      page
        .waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 20_000 })
        .then(() => "signed-in")
        .catch(() => "timeout"),
      refusal
        .waitFor({ timeout: 20_000 })
        .then(() => "refused")
        .catch(() => "timeout"),
    ]);
    if (outcome === "signed-in") return;
  }
  throw new Error("ningún código TOTP fue aceptado en tres pasos seguidos");
}

// Per worker: an account with a second factor signs in once and its later tests reuse the session, as one person's
// browser would; each sign-in spends a 30-second code, and a suite signing the admin in every test would wait for codes.
const savedSessions = new Map<string, Cookie[]>();

export async function signIn(page: Page, account: E2EAccount | E2EAccountName, target = "/") {
  const who = typeof account === "string" ? accounts()[account] : account;
  // The suite's own accounts (named) are shared by both workers; an account a test made is that test's alone.
  const shared = typeof account === "string" && !!who.totpSecret;
  const saved = shared ? savedSessions.get(who.email) : undefined;
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto(target);
    if (!new URL(page.url()).pathname.startsWith("/login")) return;
    // Ended meanwhile (a test signed out or reset it): sign in again.
    savedSessions.delete(who.email);
    await page.context().clearCookies();
  }
  await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel("Correo institucional").fill(who.email);
  await page.getByLabel("Contraseña").fill(who.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
  if (who.totpSecret && new URL(page.url()).pathname === "/login/verificacion") await enterTotpCode(page, who.totpSecret);
  await expect(page).not.toHaveURL(/\/login/);
  if (shared) savedSessions.set(who.email, await page.context().cookies());
}

/** A fresh browser context signed in as the given account. */
export async function signedInPage(browser: Browser, account: E2EAccountName | E2EAccount, target = "/") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account, target);
  return page;
}
