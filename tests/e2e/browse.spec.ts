import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "@/lib/export/spreadsheet-cells";
import { signIn, signedInPage } from "./support/auth";
import { facetCount } from "./support/facets";

const resultCount = (page: Page) => page.getByTestId("result-count");
async function rowNames(page: Page) {
  await expect(page.getByTestId("initiative-row").first()).toBeVisible();
  return page.getByTestId("initiative-row").locator("td:first-child a").allInnerTexts();
}

test.describe("tabla de iniciativas", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "viewer", "/iniciativas");
  });

  test("combina filtros y los conteos de cada opción cambian", async ({ page }) => {
    await expect(resultCount(page)).toHaveText("114 de 114 iniciativas");
    await page.getByLabel(/^1\.1 Promover/).check();
    await expect(resultCount(page)).toHaveText("36 de 114 iniciativas");
    await expect(page).toHaveURL(/objetivo=1\.1/);
    // Another development objective gives nothing with 1.1 chosen: shown, disabled, with 0.
    await expect(facetCount(page, "desarrollo", "2")).toHaveText("0");
    await expect(page.getByLabel(/^2\. Consolidar/)).toBeDisabled();
    const conveniosFacet = await facetCount(page, "mecanismo", "convenios").innerText();
    await page.getByRole("checkbox", { name: /^Convenios \d+/ }).check();
    await expect(resultCount(page)).toHaveText(`${conveniosFacet} de 114 iniciativas`);
    await page.getByLabel("Todos los elegidos").check();
    await expect(page).toHaveURL(/modo=todos/);
    await page.getByRole("checkbox", { name: /^Acuerdos \d+/ }).check();
    await expect(page).toHaveURL(/mecanismo=acuerdos/);
    await expect(resultCount(page)).not.toHaveText(`${conveniosFacet} de 114 iniciativas`);
    const both = Number((await resultCount(page).innerText()).split(" ")[0]);
    expect(both).toBeLessThan(Number(conveniosFacet));
    for (const row of await page.getByTestId("initiative-row").all()) {
      await expect(row).toContainText("Convenios");
      await expect(row).toContainText("Acuerdos");
    }
  });

  test("la búsqueda ignora tildes y mayúsculas y resalta lo encontrado", async ({ page }) => {
    await page.getByLabel("Buscar en nombres, objetivos y mecanismos").fill("articulacion");
    await page.getByRole("button", { name: "Buscar" }).click();
    await expect(page).toHaveURL(/q=articulacion/);
    await expect(resultCount(page)).not.toHaveText("114 de 114 iniciativas");
    await expect(page.locator("mark").first()).toHaveText(/articulación/i);
    // A name that already shows the match («Articulación de las…») needs no «Coincide en:» excerpt; one that does not, has it.
    const rows = page.locator("tbody tr");
    await expect(rows.filter({ hasText: "Articulación de las Administraciones Zonales" })).not.toContainText("Coincide en:");
    await expect(rows.filter({ hasText: "Estrategia de Salud Mental" })).toContainText("Coincide en:");
    await page.getByLabel("Buscar en nombres, objetivos y mecanismos").fill("MANCOMUNIDAD");
    await page.getByRole("button", { name: "Buscar" }).click();
    await expect(page.locator("mark").first()).toHaveText(/Mancomunidad/);
  });

  test("una dirección compartida muestra las mismas filas en otro navegador, y atrás deshace", async ({ page, browser }) => {
    await page.getByLabel(/^2\.3 Impulsar/).check();
    await expect(resultCount(page)).toHaveText("11 de 114 iniciativas");
    await page.getByRole("button", { name: /Iniciativa/ }).click();
    await expect(page).toHaveURL(/orden=nombre/);
    const url = page.url();
    const names = await rowNames(page);

    const other = await signedInPage(browser, "planner", new URL(url).pathname + new URL(url).search);
    await expect(resultCount(other)).toHaveText("11 de 114 iniciativas");
    expect(await rowNames(other)).toEqual(names);

    await page.goBack();
    await expect(page).not.toHaveURL(/orden=nombre/);
    await page.goBack();
    await expect(resultCount(page)).toHaveText("114 de 114 iniciativas");
  });

  test("pagina, cambia el tamaño de página y oculta columnas", async ({ page }) => {
    const first = await rowNames(page);
    expect(first).toHaveLength(25);
    await page.getByRole("navigation", { name: "Paginación" }).getByRole("link", { name: "Siguiente" }).click();
    await expect(page).toHaveURL(/pagina=2/);
    await expect(page.getByText("Página 2 de 5").first()).toBeVisible();
    const second = await rowNames(page);
    expect(second[0]).not.toBe(first[0]);

    await page.getByLabel("Filas por página").selectOption("50");
    await expect(page.getByTestId("initiative-row")).toHaveCount(50);
    await expect(page).not.toHaveURL(/pagina=2/);

    await page.getByText("Columnas", { exact: true }).click();
    await page.getByRole("checkbox", { name: "Mecanismos" }).uncheck();
    await expect(page.getByRole("columnheader", { name: "Mecanismos" })).toHaveCount(0);
    await expect(page).toHaveURL(/ocultar=mecanismos/);
  });

  test("abre la ficha de una iniciativa con su ruta y su fuente", async ({ page }) => {
    await page.getByRole("link", { name: "Estrategia de espacios saludables" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Estrategia de espacios saludables");
    await expect(page.getByRole("navigation", { name: "Ruta de navegación" })).toContainText("Objetivo de gestión 1.1");
    await expect(page.getByTestId("articulation-objective")).toHaveCount(1);
    await expect(page.getByTestId("source")).toContainText("página 1 de la matriz (línea 61");
  });

  test("una celda de la matriz lleva a la tabla filtrada con el mismo número", async ({ page }) => {
    await page.goto("/matriz");
    const cell = page.getByRole("link", { name: /^\d+ iniciativas de 1\.1 con Convenios$/ });
    const n = await cell.innerText();
    await cell.click();
    await expect(page).toHaveURL(/objetivo=1\.1&mecanismo=convenios/);
    await expect(resultCount(page)).toHaveText(`${n} de 114 iniciativas`);
  });

  test("la exportación CSV contiene exactamente las filas filtradas, todas las páginas", async ({ page }) => {
    await page.goto("/iniciativas?desarrollo=1&por=25");
    await expect(resultCount(page)).toHaveText("60 de 114 iniciativas");
    const href = await page.getByRole("link", { name: "Descargar CSV" }).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const rows = parseCsv(await response.text());
    expect(rows[0]).toContain("Objetivo de articulación");
    const ids = new Set(rows.slice(1).map((r) => r[0]));
    expect(ids.size).toBe(60);
    const codes = new Set(rows.slice(1).map((r) => r[1]));
    expect([...codes]).toEqual(["1"]);
    // The first page of the table is the start of the export, in the same order.
    const names = await rowNames(page);
    const exported = [...new Map(rows.slice(1).map((r) => [r[0], r[5]])).values()];
    expect(exported.slice(0, 25)).toEqual(names);

    const xlsx = await page.request.get(href!.replace("formato=csv", "formato=xlsx"));
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  });
});

test.describe("API v1", () => {
  test("lista, detalle, OpenAPI y errores que nombran el parámetro", async ({ page }) => {
    await signIn(page, "viewer");
    const list = await page.request.get("/api/v1/initiatives?objetivo=1.1&por=50");
    expect(list.status()).toBe(200);
    const body = await list.json();
    expect(body).toMatchObject({ count: 36, perPage: 50, totalPages: 1 });
    const one = await page.request.get(`/api/v1/initiatives/${body.data[0].id}`);
    expect(await one.json()).toMatchObject({ name: "Estrategia de espacios saludables", managementObjective: { code: "1.1" } });
    const bad = await page.request.get("/api/v1/initiatives?por=13");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).errors[0].parameter).toBe("por");
    // A misspelt filter is an error, not a silent answer with every initiative.
    const misspelt = await page.request.get("/api/v1/initiatives?estados=concluida");
    expect(misspelt.status()).toBe(400);
    expect((await misspelt.json()).errors[0].parameter).toBe("estados");
    expect((await page.request.get("/api/v1/initiatives/999999")).status()).toBe(404);
    const spec = await (await page.request.get("/api/v1/openapi.json")).json();
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toContain("/api/v1/initiatives/{id}");
  });
});

test.describe("vistas guardadas", () => {
  test("planificación guarda, reencuentra y elimina una vista; consulta no las tiene", async ({ page, browser }) => {
    await signIn(page, "planner", "/iniciativas?objetivo=2.5&mecanismo=acuerdos");
    await expect(resultCount(page)).toHaveText(/ de 114 iniciativas/);
    const expected = await resultCount(page).innerText();
    const name = `Riesgos con acuerdos ${Date.now()}`;
    await page.getByTestId("saved-views").locator("summary").click();
    await page.getByLabel("Guardar la vista actual").fill(name);
    await page.getByRole("button", { name: "Guardar vista" }).click();
    await expect(page.getByRole("status").filter({ hasText: "guardada" })).toBeVisible();

    await page.goto("/iniciativas");
    await page.getByTestId("saved-views").locator("summary").click();
    await page.getByRole("link", { name }).click();
    await expect(page).toHaveURL(/objetivo=2\.5/);
    await expect(resultCount(page)).toHaveText(expected);

    await page.getByTestId("saved-views").locator("summary").click();
    await page.getByRole("button", { name: `Eliminar la vista «${name}»` }).click();
    await expect(page.getByRole("link", { name })).toHaveCount(0);

    const viewer = await signedInPage(browser, "viewer", "/iniciativas");
    await expect(viewer.getByTestId("result-count")).toBeVisible();
    await expect(viewer.getByTestId("saved-views")).toHaveCount(0);
  });
});
