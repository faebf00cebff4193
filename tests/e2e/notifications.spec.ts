import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { accounts, signIn } from "./support/auth";
import { query } from "./support/db";

/** Two unread notifications for the viewer, written as the reminders job would (no e-mail: the e2e portal has no SMTP_URL). */
async function seedNotifications() {
  const [viewer] = await query<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [accounts().viewer.email]);
  const data = JSON.stringify({
    reportId: 1,
    periodName: "2027-T1",
    initiativeId: 1,
    initiativeName: "Iniciativa de prueba",
    reason: "Adjunte el acta.",
    reviewerName: "Pablo Planificador",
  });
  for (const key of ["a", "b"]) {
    await query(
      `INSERT INTO "Notification" ("eventKey", "userId", "kind", "data", "link") VALUES ($1, $2, 'REPORT_RETURNED', $3::jsonb, '/iniciativas/1')
       ON CONFLICT ("eventKey") DO UPDATE SET "readAt" = NULL`,
      [`e2e-${key}:${viewer!.id}`, viewer!.id, data],
    );
  }
}

test("la campana cuenta las notificaciones sin leer y «Marcar todas como leídas» la vacía, sin JavaScript también", async ({ browser }) => {
  await seedNotifications();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "viewer", "/");
  const bell = page.getByRole("link", { name: "Notificaciones: 2 sin leer" });
  await expect(bell).toBeVisible();
  await expect(page.getByTestId("notification-count")).toHaveText("2");
  await bell.click();
  await expect(page).toHaveURL(/\/notificaciones$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notificaciones" })).toBeVisible();
  await expect(page.getByText("El correo electrónico no está configurado en este portal")).toBeVisible();
  const list = page.getByRole("list", { name: "Sus notificaciones, de la más reciente a la más antigua" });
  await expect(list.getByRole("heading", { name: /Reporte devuelto: Iniciativa de prueba/ })).toHaveCount(2);
  await expect(list.getByText("Motivo: Adjunte el acta.").first()).toBeVisible();
  // axe runs as a script: in a page of its own with JavaScript.
  const checked = await browser.newContext();
  const withScripts = await checked.newPage();
  await signIn(withScripts, "viewer", "/notificaciones");
  expect(await axeViolations(withScripts)).toEqual([]);
  await checked.close();
  await page.getByRole("button", { name: "Marcar todas como leídas" }).click();
  await expect(page.getByRole("link", { name: "Notificaciones: ninguna sin leer" })).toBeVisible();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await context.close();
});

test("/admin/envios dice que el correo está desactivado, filtra por estado y pasa axe", async ({ page }) => {
  await signIn(page, "admin", "/admin/envios");
  await expect(page.getByRole("heading", { level: 1, name: "Envíos de correo" })).toBeVisible();
  await expect(page.getByTestId("email-status")).toContainText("El correo electrónico está desactivado: falta SMTP_URL");
  await page.getByLabel("Estado").selectOption("fallido");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/estado=fallido/);
  expect(await axeViolations(page)).toEqual([]);
});

test("/admin/envios es solo para administración", async ({ page }) => {
  await signIn(page, "planner", "/admin/envios");
  await expect(page.getByRole("heading", { name: /acceso|permiso/i }).first()).toBeVisible();
});

test("cada usuario puede desactivar el resumen semanal en /cuenta/notificaciones", async ({ page }) => {
  await signIn(page, "planner", "/cuenta/notificaciones");
  const box = page.getByLabel("Recibir el resumen semanal de reportes atrasados");
  await expect(box).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  await box.uncheck();
  await page.getByRole("button", { name: "Guardar preferencias" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preferencias guardadas." })).toBeVisible();
  const [row] = await query<{ weeklyDigest: boolean }>(
    `SELECT p."weeklyDigest" FROM "NotificationPreference" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1`,
    [accounts().planner.email],
  );
  expect(row?.weeklyDigest).toBe(false);
  await page.reload();
  await expect(page.getByLabel("Recibir el resumen semanal de reportes atrasados")).not.toBeChecked();
});
