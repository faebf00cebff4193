import { expect, test, type Page } from "@playwright/test";
import { parseCsv, toCsv } from "../../lib/export/spreadsheet-cells";
import { signIn } from "./support/auth";
import { query } from "./support/db";

const laptop = { width: 1366, height: 768 };

async function initiativesOf(code: string) {
  return query<{ id: number; name: string }>(
    `SELECT i.id, i.name FROM "Initiative" i JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId"
     WHERE mo.code = $1 AND i."archivedAt" IS NULL ORDER BY i.position`,
    [code],
  );
}

/** Answers the next dialog and gives its type and message. */
function nextDialog(page: Page, answer: "accept" | "dismiss") {
  return new Promise<{ type: string; message: string }>((resolve) =>
    page.once("dialog", async (dialog) => {
      resolve({ type: dialog.type(), message: dialog.message() });
      await dialog[answer]();
    }),
  );
}

test.describe("lo que un planificador encuentra en su trabajo", () => {
  // Several pages, a PDF and server actions per test, on a shared machine.
  test.slow();

  test("salir del editor con cambios por un enlace o el menú pregunta antes; al guardar, «Cambios guardados» se anuncia", async ({
    page,
  }) => {
    await page.setViewportSize(laptop);
    const [target] = (await initiativesOf("1.2")).slice(-1);
    await signIn(page, "admin", `/iniciativas/${target!.id}/editar`);
    await page.waitForLoadState("networkidle");
    const name = page.getByLabel("Nombre de la iniciativa");
    await name.fill(`${target!.name} (borrador)`);
    await page.screenshot({ path: "/tmp/pa/editor-1366.png" });

    // An in-app link of the header: refused, the page and the text stay.
    let asked = nextDialog(page, "dismiss");
    await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Tablero" }).click();
    expect(await asked).toEqual({
      type: "confirm",
      message: "Hay cambios sin guardar en esta página. ¿Salir de todos modos y descartarlos?",
    });
    await expect(page).toHaveURL(new RegExp(`/iniciativas/${target!.id}/editar$`));
    await expect(name).toHaveValue(`${target!.name} (borrador)`);

    // The administration menu's links too.
    asked = nextDialog(page, "dismiss");
    const menu = page.getByRole("navigation", { name: "Principal" }).locator("details");
    await menu.locator("summary").click();
    await menu.getByRole("link", { name: "Títulos de objetivos" }).click();
    expect((await asked).type).toBe("confirm");
    await expect(page).toHaveURL(/\/editar$/);
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Guardar" }).click();
    await expect(page).toHaveURL(new RegExp(`/iniciativas/${target!.id}$`));
    const status = page.getByRole("status").filter({ hasText: "Cambios guardados" });
    await expect(status).toHaveText("Cambios guardados");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${target!.name} (borrador)`);
    // Nothing is left unsaved: links go without asking.
    await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Tablero" }).click();
    await expect(page).toHaveURL(/\/tablero$/);
    await expect(page.getByTestId("saved-notice")).toHaveText("");
  });

  test("cualquier formulario con cambios pregunta antes de salir, por un enlace o cerrando la pestaña; si acepta, sale sin guardar", async ({
    page,
  }) => {
    await signIn(page, "admin", "/admin/configuracion");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Cobertura mínima para mostrar un avance promedio (%)").fill("70");
    const asked = nextDialog(page, "accept");
    await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Inicio" }).click();
    expect((await asked).type).toBe("confirm");
    await expect(page).toHaveURL(/\/$/);
    const [settings] = await query<{ n: string }>(`SELECT count(*) AS n FROM "PortalSettings" WHERE "minRollupCoverage" = 70`);
    expect(Number(settings!.n)).toBe(0);

    // Closing the tab (or reloading) asks through the browser's own prompt.
    await page.goto("/admin/configuracion");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Cobertura mínima para mostrar un avance promedio (%)").fill("71");
    const unload = nextDialog(page, "accept");
    await page.close({ runBeforeUnload: true });
    expect((await unload).type).toBe("beforeunload");
  });

  test("el informe de un objetivo es una fila por iniciativa, con la cobertura arriba, y el de 2.3 cabe en 2 páginas", async ({ page }) => {
    await page.setViewportSize(laptop);
    await signIn(page, "viewer", "/objetivos/2.3/informe");
    const initiatives = await initiativesOf("2.3");
    await expect(page.getByTestId("report-initiative")).toHaveCount(initiatives.length);
    await expect(page.getByTestId("report-rollup")).toContainText(`de ${initiatives.length} con dato`);
    await expect(page.getByText("Sin responsable asignado")).toHaveCount(0);
    await expect(page.getByRole("columnheader", { name: "Mecanismos" })).toBeVisible();
    await page.screenshot({ path: "/tmp/pa/report-1366.png", fullPage: true });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) ?? [];
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(2);

    await page.goto("/tablero");
    await expect(page.getByTestId("rollup-total")).toContainText("con dato)");
    await page.locator("section", { has: page.locator("h2#avance") }).screenshot({ path: "/tmp/pa/dashboard-1366.png" });
  });

  test("una búsqueda con una errata ofrece las coincidencias más cercanas, y «Convenios» dice que no es «Convenios de delegación»", async ({
    page,
  }) => {
    await signIn(page, "viewer", "/iniciativas?q=desnutricon");
    await expect(page.getByTestId("result-count")).toHaveText(/^0 de/);
    const suggestions = page.getByTestId("search-suggestions");
    await expect(suggestions.getByRole("link").nth(1)).toBeVisible();
    await suggestions.getByRole("link", { name: "Buscar «desnutricion»" }).click();
    await expect(page).toHaveURL(/q=desnutricion/);
    await expect(page.getByTestId("initiative-row").first()).toBeVisible();
    await expect(page.getByTestId("search-suggestions")).toHaveCount(0);

    const convenios = page.getByRole("checkbox", { name: /^Convenios\b(?! de)/ });
    await expect(convenios).toHaveAccessibleDescription("No incluye «Convenios de delegación», que es otro mecanismo.");
  });

  test("la exportación XLSX nombra en el archivo los filtros y la fecha", async ({ page }) => {
    await signIn(page, "viewer", "/iniciativas?objetivo=2.3");
    const response = await page.request.get("/iniciativas/exportar?formato=xlsx&objetivo=2.3&mecanismo=convenios");
    expect(response.headers()["content-disposition"]).toMatch(/filename="iniciativas-\d{4}-\d{2}-\d{2}-og-2\.3-convenios\.xlsx"/);
  });
  test("la importación señala las columnas que no escribe y no deshace lo guardado después de exportar sin preguntar", async ({ page }) => {
    await signIn(page, "admin", "/admin/importar");
    const [first, second] = await initiativesOf("2.4");
    const csv = await (await page.request.get("/iniciativas/exportar?formato=csv&objetivo=2.4")).text();
    const [header, ...rows] = parseCsv(csv);
    const column = (name: string) => header!.indexOf(name);
    expect(column("Versión")).toBeGreaterThan(0);

    // Someone edits an initiative in the portal after the export.
    await query(`UPDATE "Initiative" SET name = name || ' (revisada en el portal)', version = version + 1 WHERE id = $1`, [second!.id]);
    const edited = rows.map((row) => [...row]);
    edited.find((row) => row[0] === String(first!.id))![column("Secretaría responsable")] = "Secretaría de Movilidad";

    await page
      .getByLabel(/^Archivo/)
      .setInputFiles({ name: "vieja.csv", mimeType: "text/csv", buffer: Buffer.from(toCsv(header!, edited)) });
    await page.getByRole("button", { name: "Revisar sin aplicar" }).click();
    await expect(page.getByTestId("import-warnings")).toContainText(
      "columna ignorada: Secretaría responsable («Secretaría de Movilidad» en el archivo",
    );
    const stale = page.getByTestId("stale-row");
    await expect(stale).toHaveCount(1);
    await expect(stale).toContainText("Cambió en el portal después de la exportación");
    await expect(page.getByTestId("import-summary")).toContainText("1 cambiadas después de exportar");

    // Applying without a choice is refused, and nothing is written.
    await page.getByRole("button", { name: "Aplicar todos estos cambios" }).click();
    await expect(page.getByText(/cambió en el portal después de la exportación: elija/)).toBeVisible();
    const [still] = await query<{ name: string }>(`SELECT name FROM "Initiative" WHERE id = $1`, [second!.id]);
    expect(still!.name).toMatch(/\(revisada en el portal\)$/);

    await page.getByRole("button", { name: "Revisar sin aplicar" }).click();
    await page.getByTestId("stale-row").getByLabel("Conservar lo del portal (no aplicar esta fila)").check();
    await page.getByRole("button", { name: "Aplicar todos estos cambios" }).click();
    await expect(page.getByText(/Importación aplicada.*Se conservó lo del portal en 1 fila/)).toBeVisible();
    const [kept] = await query<{ name: string }>(`SELECT name FROM "Initiative" WHERE id = $1`, [second!.id]);
    expect(kept!.name).toMatch(/\(revisada en el portal\)$/);
    const [audit] = await query<{ data: { stale: { id: number; decision: string }[] } }>(
      `SELECT data FROM "AuditEvent" WHERE action = 'import.apply' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit!.data.stale).toEqual([expect.objectContaining({ id: second!.id, decision: "keep" })]);
  });
});
