import { expect, type Page, test } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { parseCsv, toCsv } from "@/lib/export/spreadsheet-cells";
import { signedInPage } from "./support/auth";
import { query } from "./support/db";

/** The header of a file as the export route gives it to the signed-in user. */
async function exportedHeader(page: Page, archivo: string): Promise<string[]> {
  const response = await page.request.get(`/indicadores/exportar?archivo=${archivo}&formato=csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(new RegExp(`attachment; filename="${archivo}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
  return parseCsv(await response.text())[0]!;
}

async function upload(page: Page, name: string, header: string[], rows: Record<string, string>[]) {
  const csv = toCsv(
    header,
    rows.map((row) => header.map((column) => row[column] ?? "")),
  );
  await page.getByLabel(/^Archivo/).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Revisar sin aplicar" }).click();
}

test.describe("indicadores y mediciones por archivo", () => {
  test("planificación sube un CSV de indicadores y otro de mediciones, revisa, aplica, y la iniciativa las muestra", async ({
    browser,
  }) => {
    const [initiative] = await query<{ id: number }>(
      `SELECT id FROM "Initiative" WHERE "archivedAt" IS NULL ORDER BY id DESC OFFSET 2 LIMIT 1`,
    );
    const page = await signedInPage(browser, "planner", "/indicadores");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indicadores: exportar e importar");
    expect(await axeViolations(page)).toEqual([]);

    const indicators = await exportedHeader(page, "indicadores");
    const name = `Viviendas conectadas a internet ${Date.now()}`;
    await page.getByLabel("Indicadores y metas").check();
    await upload(page, "indicadores.csv", indicators, [
      {
        "Id iniciativa": String(initiative!.id),
        Indicador: name,
        Unidad: "%",
        Sentido: "Mayor es mejor",
        "Año línea base": "2024",
        "Valor línea base": "20",
        "Meta 2025": "40",
        "Meta 2030": "90",
      },
    ]);
    await expect(page.getByTestId("indicator-import-summary")).toHaveText("1 nuevas · 0 modificadas · 0 sin cambios");
    await expect(page.getByTestId("indicator-import-add")).toContainText(`${initiative!.id} · ${name}`);
    // The dry run wrote nothing.
    expect(await query(`SELECT id FROM "Indicator" WHERE name = $1`, [name])).toEqual([]);
    await page.getByRole("button", { name: "Aplicar todos estos cambios" }).click();
    await expect(page.getByText("Importación aplicada: 1 nuevas, 0 modificadas.")).toBeVisible();
    const [indicator] = await query<{ id: number }>(`SELECT id FROM "Indicator" WHERE name = $1`, [name]);
    expect(indicator).toBeDefined();

    // Measurements: a row with an error first, which the review names by row and column and which blocks the apply.
    const measurements = await exportedHeader(page, "mediciones");
    await page.getByLabel("Mediciones", { exact: true }).check();
    const good: Record<string, string>[] = [
      { "Id indicador": String(indicator!.id), Fecha: "2025-06-30", Valor: "30", "Explicación del desvío": "Demoras en la licitación." },
      { "Id indicador": String(indicator!.id), Fecha: "2025-12-31", Valor: "41,5", Nota: "Informe anual" },
    ];
    await upload(page, "mediciones.csv", measurements, [
      ...good,
      { "Id indicador": String(indicator!.id), Fecha: "2025-09-30", Valor: "muchos" },
    ]);
    await expect(page.getByTestId("indicator-import-errors")).toHaveText(
      "Fila 4: columna «Valor»: Escriba un número (use punto o coma decimal).",
    );
    await expect(page.getByRole("button", { name: "Aplicar todos estos cambios" })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);

    await upload(page, "mediciones.csv", measurements, good);
    await expect(page.getByTestId("indicator-import-summary")).toHaveText("2 nuevas · 0 modificadas · 0 sin cambios");
    await page.getByRole("button", { name: "Aplicar todos estos cambios" }).click();
    await expect(page.getByText("Importación aplicada: 2 nuevas, 0 modificadas.")).toBeVisible();

    await page.goto(`/iniciativas/${initiative!.id}`);
    const card = page.getByTestId("indicator").filter({ hasText: name });
    await expect(card.getByRole("img", { name: new RegExp(name) }).locator("circle.fill-brand-700")).toHaveCount(2);
    await expect(card.getByTestId("indicator-table")).toContainText("41,5");
    await expect(card).toContainText("Demoras en la licitación.");
    await expect(card.getByTestId("indicator-status")).toHaveText("En camino");
    // The initiative offers its own rows: the measurements file of this initiative only.
    const own = await page.request.get((await page.getByRole("link", { name: "Exportar sus mediciones (XLSX)" }).getAttribute("href"))!);
    expect(own.headers()["content-disposition"]).toContain(`mediciones-iniciativa-${initiative!.id}-`);

    // A measurement is corrected and deleted from the initiative, each audited.
    await card.getByText("Corregir o eliminar mediciones").click();
    const items = card.getByTestId("measurement-item");
    await expect(items).toHaveCount(2);
    await items
      .first()
      .getByRole("button", { name: /^Eliminar la medición del / })
      .click();
    // The page refreshes without it.
    await expect(items).toHaveCount(1);
    await page.reload();
    await card.getByText("Corregir o eliminar mediciones").click();
    await expect(card.getByTestId("measurement-item")).toHaveCount(1);
    const audit = await query<{ action: string }>(
      `SELECT action FROM "AuditEvent" WHERE "entityType" = 'Indicator' AND "entityId" = $1 ORDER BY id`,
      [String(indicator!.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(["indicator.create", "measurement.create", "measurement.create", "measurement.delete"]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test("con el perfil de reporte se importan mediciones, no indicadores", async ({ browser }) => {
    const page = await signedInPage(browser, "reporter", "/indicadores");
    await expect(page.getByLabel("Mediciones", { exact: true })).toBeChecked();
    await expect(page.getByLabel("Indicadores y metas")).toHaveCount(0);
    // The export is open to whoever reads the matrix.
    await exportedHeader(page, "indicadores");
    await page.close();
  });
});
