import { expect, test } from "@playwright/test";
import { accounts, signIn, signedInPage } from "./support/auth";
import { query } from "./support/db";
import { parseCsv, toCsv } from "../../lib/export/spreadsheet-cells";

test.describe("edición de iniciativas", () => {
  test("un administrador edita, lo ve en la tabla y en el historial, y restaura la versión anterior", async ({ page }) => {
    await signIn(page, "admin", "/iniciativas/10/editar");
    await page.waitForLoadState("networkidle");
    const original = await page.getByLabel("Nombre de la iniciativa").inputValue();
    const renamed = `${original} — revisión ámbar`;
    await page.getByLabel("Nombre de la iniciativa").fill(renamed);
    await expect(page.getByLabel("Nombre de la iniciativa")).toHaveValue(renamed);
    await page.getByLabel("Objetivo de articulación 1").fill("Ampliar la oferta educativa técnica y dual en el DMQ.");
    await page.getByTestId("objective-editor").first().getByLabel("Acuerdos").check();
    await page.getByRole("button", { name: "Guardar" }).click();
    await expect(page).toHaveURL(/\/iniciativas\/10$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);

    await page.goto("/iniciativas?q=revision+ambar");
    await expect(page.getByTestId("result-count")).toHaveText("1 de 114 iniciativas");

    await page.goto("/iniciativas/10/historial");
    const event = page.getByTestId("history-event").first();
    await expect(event).toContainText("Iniciativa modificada");
    await expect(event.locator("del").first()).toHaveText(original);
    await expect(event.locator("ins").first()).toHaveText(renamed);
    await expect(event).toContainText("+ Acuerdos");

    // The imported state is not an event; restore the first recorded version by editing back through it.
    await page.goto("/iniciativas/10/editar");
    // Typed before the editor hydrates, the text would be reset under the cursor: wait for it, as a person waits for the page.
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Nombre de la iniciativa").fill(`${original} — segunda`);
    await expect(page.getByLabel("Nombre de la iniciativa")).toHaveValue(`${original} — segunda`);
    await page.getByRole("button", { name: "Guardar" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${original} — segunda`);
    await page.goto("/iniciativas/10/historial");
    await page.getByTestId("history-event").nth(1).getByRole("button", { name: "Restaurar esta versión" }).click();
    await expect(page.getByText("Versión restaurada")).toBeVisible();
    await page.goto("/iniciativas/10");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
    await page.goto("/iniciativas/10/historial");
    await expect(page.getByTestId("history-event").first()).toContainText("Versión anterior restaurada");
  });

  test("un guardado sobre una versión vieja desde otro navegador se rechaza y se muestra el conflicto", async ({ browser }) => {
    const first = await signedInPage(browser, "admin", "/iniciativas/11/editar");
    const second = await signedInPage(browser, "admin", "/iniciativas/11/editar");
    await first.getByLabel("Nombre de la iniciativa").fill("Versión de la primera pestaña");
    await first.getByRole("button", { name: "Guardar" }).click();
    await expect(first).toHaveURL(/\/iniciativas\/11$/);

    await second.getByLabel("Nombre de la iniciativa").fill("Versión de la segunda pestaña");
    await second.getByRole("button", { name: "Guardar" }).click();
    const conflict = second.getByTestId("conflict");
    await expect(conflict).toContainText("Versión de la primera pestaña");
    await expect(conflict).toContainText("Versión de la segunda pestaña");
    const [stored] = await query<{ name: string }>(`SELECT name FROM "Initiative" WHERE id = 11`);
    expect(stored!.name).toBe("Versión de la primera pestaña");

    await second.getByRole("button", { name: "Guardar mis cambios sobre la versión guardada" }).click();
    await expect(second).toHaveURL(/\/iniciativas\/11$/);
    await expect(second.getByRole("heading", { level: 1 })).toHaveText("Versión de la segunda pestaña");
  });

  test("consulta y planificación no llegan a los formularios, y un envío directo no cambia nada y queda registrado", async ({
    browser,
  }) => {
    for (const role of ["viewer", "planner"] as const) {
      const page = await signedInPage(browser, role);
      const response = await page.goto("/iniciativas/12/editar");
      expect(response?.status()).toBe(403);
    }
    const admin = await signedInPage(browser, "admin", "/iniciativas/12/editar");
    const planner = await signedInPage(browser, "planner");
    await admin.context().clearCookies();
    await admin.context().addCookies(await planner.context().cookies());
    await admin.getByLabel("Nombre de la iniciativa").fill("Cambio no autorizado");
    await admin.getByRole("button", { name: "Guardar" }).click();
    await expect(admin.getByText("No tiene permiso para esta acción.")).toBeVisible();
    const [stored] = await query<{ name: string }>(`SELECT name FROM "Initiative" WHERE id = 12`);
    expect(stored!.name).not.toBe("Cambio no autorizado");
    const denied = await query(
      `SELECT 1 FROM "AuditEvent" WHERE action = 'access.denied' AND "userEmail" = $1 AND data->>'what' = 'editar iniciativa'`,
      [accounts().planner.email],
    );
    expect(denied.length).toBeGreaterThan(0);
  });

  test("un nombre con <script> se guarda y se muestra como texto en todas partes", async ({ page }) => {
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    const hostile = "<script>alert(1)</script> Iniciativa <b>hostil</b>";
    await signIn(page, "admin", "/iniciativas/13/editar");
    // Typing before the form has hydrated can leave the server-rendered text behind on a busy machine.
    await page.waitForLoadState("networkidle");
    const name = page.getByLabel("Nombre de la iniciativa");
    await name.fill(hostile);
    await expect(name).toHaveValue(hostile);
    await page.getByRole("button", { name: "Guardar" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(hostile);
    for (const path of ["/iniciativas?q=hostil", "/iniciativas/13/historial", "/objetivos/1.1", "/iniciativas/12"]) {
      await page.goto(path);
      await expect(page.getByText(hostile).first(), path).toBeVisible();
    }
    expect(dialogs).toBe(0);
    expect(await page.locator("b", { hasText: "hostil" }).count()).toBe(0);
  });
});

test("la auditoría se filtra por acción y usuario y se exporta en CSV", async ({ page }) => {
  await signIn(page, "admin", "/admin/auditoria");
  await page.getByLabel("Acción", { exact: true }).selectOption("auth.signin.success");
  await page.getByLabel("Usuario", { exact: true }).fill(accounts().admin.email);
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/accion=auth\.signin\.success/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("Ingreso");
  for (const row of await rows.all()) await expect(row).toContainText(accounts().admin.email);
  const href = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
  const csv = await (await page.request.get(href!)).text();
  expect(csv.split("\r\n")[0]).toContain("Fecha y hora (UTC)");
  expect(csv).toContain("auth.signin.success");
  expect(csv).not.toContain("auth.signin.failure");
});

test("una importación masiva con una fila mala no escribe nada y nombra la fila; corregida, se aplica", async ({ page }) => {
  await signIn(page, "admin", "/iniciativas?objetivo=3.2");
  const csv = await (await page.request.get("/iniciativas/exportar?formato=csv&objetivo=3.2")).text();
  const [header, ...rows] = parseCsv(csv);
  const good = rows.map((row) => [...row]);
  good[0]![5] = good[0]![5]!.replace(
    "Fortalecimiento de la capacidad institucional",
    "Fortalecimiento de la capacidad institucional de riesgos",
  );
  const bad = good.map((row) => [...row]);
  bad[1]![8] = "Mecanismo inexistente";

  await page.goto("/admin/importar");
  await page.getByLabel(/^Archivo/).setInputFiles({ name: "cambios.csv", mimeType: "text/csv", buffer: Buffer.from(toCsv(header!, bad)) });
  await page.getByRole("button", { name: "Revisar sin aplicar" }).click();
  await expect(page.getByTestId("import-errors")).toContainText("Fila 3: mecanismo desconocido");
  await expect(page.getByRole("button", { name: "Aplicar todos estos cambios" })).toHaveCount(0);
  const [before] = await query<{ n: string }>(`SELECT count(*) AS n FROM "Initiative" WHERE name LIKE '%de riesgos'`);
  expect(Number(before!.n)).toBe(0);

  await page.getByLabel(/^Archivo/).setInputFiles({ name: "cambios.csv", mimeType: "text/csv", buffer: Buffer.from(toCsv(header!, good)) });
  await page.getByRole("button", { name: "Revisar sin aplicar" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("0 nuevas · 1 modificadas");
  await page.getByRole("button", { name: "Aplicar todos estos cambios" }).click();
  await expect(page.getByText("Importación aplicada")).toBeVisible();
  const [after] = await query<{ n: string }>(`SELECT count(*) AS n FROM "Initiative" WHERE name LIKE '%de riesgos'`);
  expect(Number(after!.n)).toBe(1);
});

test("un administrador corrige el título de un objetivo y se ve en el inicio", async ({ page }) => {
  await signIn(page, "admin", "/admin/objetivos");
  const field = page.getByLabel("Objetivo de gestión 3.3", { exact: true });
  const original = await field.inputValue();
  await field.fill(`${original} (revisado)`);
  await field.locator("xpath=ancestor::form").getByRole("button", { name: "Guardar" }).click();
  await expect(page.getByText("Título del objetivo 3.3 guardado.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("management-objective-3.3")).toContainText("(revisado)");
  const [event] = await query<{ data: { before: { title: string } } }>(
    `SELECT data FROM "AuditEvent" WHERE action = 'objective.update' AND "entityId" = '3.3'`,
  );
  expect(event!.data.before.title).toBe(original);
});
