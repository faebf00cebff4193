import { expect, type Browser, type Page } from "@playwright/test";
import { e2eAccounts, type E2EAccount, type E2EAccountName } from "../../support/e2e-accounts";

export const accounts = () => e2eAccounts();

export async function signIn(page: Page, account: E2EAccount | E2EAccountName, target = "/") {
  const who = typeof account === "string" ? accounts()[account] : account;
  await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel("Correo institucional").fill(who.email);
  await page.getByLabel("Contraseña").fill(who.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A fresh browser context signed in as the given account. */
export async function signedInPage(browser: Browser, account: E2EAccountName | E2EAccount, target = "/") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account, target);
  return page;
}
