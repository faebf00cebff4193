import { expect, type Page, test } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { signedInPage } from "./support/auth";
import { query } from "./support/db";
import { facetCount } from "./support/facets";

const countOf = async (page: Page, name: string, value: string) => Number(await facetCount(page, name, value).innerText());
const shown = async (page: Page) => Number((await page.getByTestId("result-count").innerText()).match(/^\d+/)![0]);
const row = (page: Page, id: number) => page.getByTestId("initiatives-table").locator(`a[href="/iniciativas/${id}"]`);

interface Initiative {
  id: number;
  name: string;
}

/**
 * Three initiatives of objective 1.1: the first, led by Salud, with an indicator at risk (80 % of its
 * target) and a milestone late since January 2025; the second with one on track (95 %), one without
 * data and a milestone done; the third with a milestone still to come.
 */
async function setUp(): Promise<[Initiative, Initiative, Initiative]> {
  const rows = await query<Initiative>(
    `SELECT i.id, i.name FROM "Initiative" i JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId"
     WHERE mo.code = '1.1' AND i."archivedAt" IS NULL ORDER BY i.position, i.id LIMIT 3`,
  );
  const [atRisk, onTrack, later] = rows as [Initiative, Initiative, Initiative];
  const ids = rows.map((r) => r.id);
  await query(`DELETE FROM "Indicator" WHERE "initiativeId" = ANY ($1::int[])`, [ids]);
  await query(`DELETE FROM "Milestone" WHERE "initiativeId" = ANY ($1::int[])`, [ids]);
  const [salud] = await query<{ id: number }>(`SELECT id FROM "Secretariat" WHERE slug = 'salud'`);
  await query(`UPDATE "Initiative" SET "leadSecretariatId" = $1 WHERE id = $2`, [salud!.id, atRisk.id]);
  const indicator = async (initiativeId: number, name: string, measured: number | null) => {
    const [created] = await query<{ id: number }>(
      `INSERT INTO "Indicator" ("initiativeId", name, unit, direction, "baselineYear", "baselineValue", "updatedAt")
       VALUES ($1, $2, '%', 'HIGHER_IS_BETTER', 2024, 0, now()) RETURNING id`,
      [initiativeId, name],
    );
    await query(`INSERT INTO "IndicatorTarget" ("indicatorId", year, value) VALUES ($1, 2024, 100)`, [created!.id]);
    if (measured !== null)
      await query(
        `INSERT INTO "Measurement" ("indicatorId", "measuredOn", value, "authorName", "authorEmail", "updatedAt")
         VALUES ($1, '2024-12-31', $2, 'Pablo Planificador', 'planificacion.pruebas@quito.gob.ec', now())`,
        [created!.id, measured],
      );
  };
  await indicator(atRisk.id, "Cobertura de vacunación (filtro)", 80);
  await indicator(onTrack.id, "Centros de salud equipados (filtro)", 95);
  await indicator(onTrack.id, "Controles prenatales (filtro)", null);
  const milestone = (initiativeId: number, title: string, plannedOn: string, state: string) =>
    query(`INSERT INTO "Milestone" ("initiativeId", title, "plannedOn", state, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      initiativeId,
      title,
      plannedOn,
      state,
    ]);
  await milestone(atRisk.id, "Licitación de vacunas adjudicada", "2025-01-15", "PLANNED");
  await milestone(onTrack.id, "Equipos entregados", "2025-01-15", "DONE");
  await milestone(later.id, "Estudios terminados", "2099-06-30", "IN_PROGRESS");
  return [atRisk, onTrack, later];
}

test.describe("filtros por semáforo de indicadores e hitos atrasados", () => {
  test("desde la barra lateral: los conteos son las filas que quedan, los filtros se ven y se imprimen, y la página pasa axe", async ({
    browser,
  }) => {
    const [atRisk, onTrack, later] = await setUp();
    const page = await signedInPage(browser, "planner", "/iniciativas?objetivo=1.1");
    const filters = page.getByRole("complementary", { name: "Filtros" });
    await expect(filters.getByRole("group", { name: "Semáforo de indicadores" })).toBeVisible();
    expect(await countOf(page, "indicador", "en-riesgo")).toBeGreaterThanOrEqual(1);
    expect(await countOf(page, "indicador", "sin-datos")).toBeGreaterThanOrEqual(1);

    const atRiskCount = await countOf(page, "indicador", "en-riesgo");
    await filters.getByRole("checkbox", { name: /^En riesgo/ }).check();
    await expect(page).toHaveURL(/indicador=en-riesgo/);
    await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${atRiskCount} de `));
    await expect(page.getByRole("list", { name: "Filtros aplicados" }).getByRole("link", { name: /indicador: En riesgo/ })).toBeVisible();
    await expect(row(page, atRisk.id)).toBeVisible();
    await expect(row(page, onTrack.id)).toHaveCount(0);

    const lateCount = await countOf(page, "hitos", "atrasados");
    expect(lateCount).toBeGreaterThanOrEqual(1);
    await filters.getByRole("checkbox", { name: /^Con hitos atrasados/ }).check();
    await expect(page).toHaveURL(/hitos=atrasados/);
    await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${lateCount} de `));
    expect(await shown(page)).toBe(lateCount);
    await expect(page.getByRole("list", { name: "Filtros aplicados" }).getByRole("link", { name: /con hitos atrasados/ })).toBeVisible();
    await expect(row(page, atRisk.id)).toBeVisible();
    await expect(row(page, later.id)).toHaveCount(0);
    await expect(page.getByTestId("print-filters")).toHaveText(
      /Filtros aplicados: objetivo de gestión 1\.1; indicador: En riesgo; con hitos atrasados\./,
    );
    expect(await axeViolations(page)).toEqual([]);

    // The export's file says what it holds.
    const download = await page.request.get(`/iniciativas/exportar?formato=csv&${new URL(page.url()).searchParams}`);
    expect(download.headers()["content-disposition"]).toContain("indicador-en-riesgo-hitos-atrasados");

    // Removing the indicator chip keeps the milestone filter; the counts still match the rows.
    await page
      .getByRole("list", { name: "Filtros aplicados" })
      .getByRole("link", { name: /indicador: En riesgo/ })
      .click();
    await expect(page).not.toHaveURL(/indicador=/);
    await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${await countOf(page, "hitos", "atrasados")} de `));

    // The report state of the period: a closed one long past, so an open period of another test stays the default.
    await query(
      `INSERT INTO "ReportingPeriod" (name, "startsOn", "endsOn", "dueOn", open, "updatedAt")
       VALUES ('Periodo 2020 (filtros)', '2020-01-01', '2020-03-31', '2020-04-15', false, now()) ON CONFLICT (name) DO NOTHING`,
    );
    await page.goto("/iniciativas?objetivo=1.1");
    const report = filters.getByRole("group", { name: /^Reporte del periodo/ });
    await expect(report).toBeVisible();
    const overdue = await countOf(page, "reporte", "atrasado");
    await report.getByRole("radio", { name: /^Atrasado/ }).check();
    await expect(page).toHaveURL(/reporte=atrasado/);
    await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${overdue} de `));
    await expect(page.getByRole("list", { name: "Filtros aplicados" }).getByRole("link", { name: /Reporte: Atrasado/ })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  test("sin JavaScript, la barra lateral filtra con «Aplicar filtros»", async ({ browser }) => {
    const [, onTrack] = await setUp();
    const signed = await signedInPage(browser, "viewer", "/iniciativas");
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signed.context().storageState() });
    await signed.context().close();
    const page = await context.newPage();
    await page.goto("/iniciativas?objetivo=1.1");
    await expect(page.getByRole("heading", { level: 1, name: "Iniciativas" })).toBeVisible();
    await expect(page.getByText("Cargando iniciativas…")).toBeHidden();
    const onTrackCount = await countOf(page, "indicador", "en-camino");
    await page
      .getByRole("complementary", { name: "Filtros" })
      .getByRole("checkbox", { name: /^En camino/ })
      .check();
    await page.getByRole("button", { name: "Aplicar filtros" }).click();
    await expect(page).toHaveURL(/objetivo=1\.1/);
    await expect(page).toHaveURL(/indicador=en-camino/);
    await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${onTrackCount} de `));
    await expect(row(page, onTrack.id)).toBeVisible();
    await context.close();
  });

  test("«Mis iniciativas» muestra los hitos atrasados de las iniciativas de Salud y pasa axe", async ({ browser }) => {
    const [atRisk] = await setUp();
    const page = await signedInPage(browser, "reporter", "/mis-iniciativas");
    const mine = page.getByTestId("owned-initiative").filter({ hasText: atRisk.name });
    await expect(mine.getByTestId("late-milestones")).toContainText("Licitación de vacunas adjudicada: previsto para el");
    await expect(page.getByTestId("mine-late-summary")).toContainText(/\d+ hitos? atrasados?/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
