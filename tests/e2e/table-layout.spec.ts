import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { signIn } from "./support/auth";
import { query } from "./support/db";

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
// A4 landscape with the stylesheet's 10 mm margins, in CSS pixels (96 per inch).
const PRINT_WIDTH = Math.floor(((297 - 20) / 25.4) * 96);

/** Pages in a PDF made by Chromium: one «/Type /Page» object each («/Pages» is the tree). */
function pdfPageCount(pdf: Buffer) {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

test.describe("tabla de iniciativas: impresión, densidad y teléfono", () => {
  test("al imprimir una vista filtrada: apaisado, sin filtros, una línea con los filtros, todas las columnas y encabezado con nombres", async ({
    page,
  }) => {
    await page.setViewportSize(LAPTOP);
    await signIn(page, "viewer", "/iniciativas?objetivo=2.3&estado=por-iniciar");
    await expect(page.getByTestId("initiative-row").first()).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: PRINT_WIDTH, height: 700 });

    await expect(page.getByRole("complementary", { name: "Filtros" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Columnas" })).toBeHidden();
    const line = page.getByTestId("print-filters");
    await expect(line).toBeVisible();
    await expect(line).toHaveText(/^Filtros aplicados: .*2\.3.*Por iniciar/);
    const table = page.getByTestId("initiatives-table");
    await expect(table).toBeVisible();
    const fit = await table.evaluate((el) => ({
      scroll: el.scrollWidth,
      right: el.getBoundingClientRect().right,
      page: document.documentElement.clientWidth,
      // What is printed, so innerText: the sort arrows are hidden on paper.
      headers: [...el.querySelectorAll("thead th")].map((th) => (th as HTMLElement).innerText.trim()),
      headerPosition: getComputedStyle(el.querySelector("thead")!).position,
    }));
    expect(fit.scroll, "la tabla no se corta a la derecha").toBeLessThanOrEqual(fit.page);
    expect(fit.right).toBeLessThanOrEqual(fit.page);
    expect(fit.headers).toEqual([
      "Iniciativa",
      "Objetivo de gestión",
      "Mecanismos",
      "Objetivos de articulación",
      "Estado",
      "Responsable",
      "Último avance",
    ]);
    // A sticky header is what Chromium repeats without its labels.
    expect(fit.headerPosition).toBe("static");

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.screenshot({ path: "/tmp/planner-b-print-filtered.png", fullPage: true });
    const filtered = pdfPageCount(pdf);
    await page.emulateMedia({ media: "screen" });
    await page.goto("/iniciativas");
    await expect(page.getByTestId("initiative-row")).toHaveCount(25);
    await page.emulateMedia({ media: "print" });
    const pages = pdfPageCount(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    console.log(`Páginas del PDF: vista filtrada ${filtered}, 25 filas sin filtros ${pages}`);
    // Before: 4 pages for 25 rows, the first one and a half of filter checkboxes.
    expect(filtered).toBeLessThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(3);
    await page.screenshot({ path: "/tmp/planner-b-print.png", fullPage: true });
  });

  test("la densidad compacta es un enlace, deja al menos 10 filas a la vista a 1366×768 y conserva el encabezado fijo", async ({
    page,
  }) => {
    await page.setViewportSize(LAPTOP);
    await signIn(page, "viewer", "/iniciativas");
    await expect(page.getByTestId("initiative-row").first()).toBeVisible();
    await page.screenshot({ path: "/tmp/planner-b-normal-1366.png" });
    const compact = page.getByRole("link", { name: "Compacta" });
    await expect(compact).toHaveAttribute("href", /densidad=compacta/);
    await compact.click();
    await expect(page).toHaveURL(/densidad=compacta/);
    await expect(page.getByRole("link", { name: "Compacta" })).toHaveAttribute("aria-current", "true");
    const rows = page.getByTestId("initiative-row");
    await expect(rows).toHaveCount(25);
    const visible = await rows.evaluateAll((all) => all.filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length);
    console.log(`Filas a la vista a 1366×768 en densidad compacta: ${visible}`);
    expect(visible).toBeGreaterThanOrEqual(10);
    // One line each: the objective by its code, its title on hover.
    const first = rows.first();
    const height = await first.evaluate((row) => row.getBoundingClientRect().height);
    expect(height).toBeLessThan(40);
    await expect(first.locator("td").nth(1).locator("[title]")).toHaveAttribute("title", /\w{4,}/);
    await page.screenshot({ path: "/tmp/planner-b-compact-1366.png" });

    // The page scrolls, not a box inside it; the header row stays in sight.
    const scrollers = await page.evaluate(
      () =>
        [...document.querySelectorAll("main *")].filter((el) => {
          const style = getComputedStyle(el);
          return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
        }).length,
    );
    expect(scrollers, "no hay áreas con desplazamiento propio dentro de la página").toBe(0);
    await page.mouse.wheel(0, 900);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const headerTop = await page
      .getByTestId("initiatives-table")
      .locator("thead")
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(headerTop)).toBeLessThan(2);
    // Links to other pages of the table keep the density.
    await expect(page.getByRole("link", { name: "Ir a la página 2" })).toHaveAttribute("href", /densidad=compacta/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("los filtros activos son etiquetas que se quitan, cada una un enlace a la vista sin ella", async ({ page }) => {
    await page.setViewportSize(LAPTOP);
    await signIn(page, "viewer", "/iniciativas?objetivo=1.1&mecanismo=convenios&q=salud&densidad=compacta");
    const chips = page.getByRole("list", { name: "Filtros aplicados" });
    await expect(chips.getByRole("link")).toHaveCount(4);
    // Plain links to the view without the filter, so they work before (or without) the page's scripts.
    const objective = chips.getByRole("link", { name: /Quitar el filtro.*1\.1/ });
    await expect(objective).toHaveAttribute("href", "/iniciativas?q=salud&mecanismo=convenios&densidad=compacta");
    await objective.click();
    await expect(page).toHaveURL(/\/iniciativas\?q=salud&mecanismo=convenios&densidad=compacta$/);
    await expect(chips.getByRole("link", { name: /Quitar el filtro/ })).toHaveCount(2);
    await expect(page.getByLabel(/^1\.1 Promover/)).not.toBeChecked();
    expect(await axeViolations(page)).toEqual([]);
    await chips.getByRole("link", { name: "Quitar todos los filtros" }).click();
    await expect(page).toHaveURL(/\/iniciativas\?densidad=compacta$/);
    await expect(chips).toHaveCount(0);
    await expect(page.getByTestId("print-filters")).toHaveText("Filtros aplicados: ninguno (todas las iniciativas).");
  });

  test("a 390 px las filas son tarjetas y los filtros están tras un botón que cuenta los activos", async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, "viewer", "/iniciativas?objetivo=1.1&estado=por-iniciar");
    // One markup: the table's rows are laid out as cards, its header row is not shown.
    const cards = page.getByTestId("initiative-row");
    await expect(cards.first()).toBeVisible();
    await expect(page.getByTestId("initiatives-table").locator("thead")).toBeHidden();
    // The first result is on the first screen, not past the filters.
    expect(await cards.first().evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(PHONE.height);
    const card = await cards.first().evaluate((el) => el.getBoundingClientRect().width);
    expect(card).toBeLessThanOrEqual(PHONE.width);
    await expect(cards.first()).toContainText("1.1");
    await expect(cards.first()).toContainText("Por iniciar");

    const drawer = page.getByTestId("filters-toggle");
    await expect(drawer).toHaveText(/Filtros.*2/);
    const facet = page.getByLabel(/^1\.1 Promover/);
    await expect(facet).toBeHidden();
    await page.screenshot({ path: "/tmp/planner-b-phone.png" });
    await drawer.click();
    await expect(facet).toBeVisible();
    await expect(facet).toBeChecked();
    await page.screenshot({ path: "/tmp/planner-b-phone-drawer.png" });
    expect(await axeViolations(page)).toEqual([]);
    await facet.uncheck();
    await expect(page).not.toHaveURL(/objetivo=1\.1/);
    await expect(drawer).toHaveText(/Filtros.*1/);
    await expect(page.getByRole("list", { name: "Filtros aplicados" }).getByRole("link", { name: /Quitar el filtro/ })).toHaveCount(1);
    await context.close();
  });
});

function sample(segment: string): string[] | null {
  if (segment.startsWith("[")) return null;
  return [segment];
}

/** Every page under app/, with the values to try for its dynamic segments. */
function discoverPages(dir: string, values: Record<string, string[]>, prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry.startsWith("(")) found.push(...discoverPages(full, values, prefix));
      else if (entry.startsWith("_") || entry === "api") continue;
      else for (const value of sample(entry) ?? values[entry] ?? []) found.push(...discoverPages(full, values, `${prefix}/${value}`));
    } else if (/^page\.tsx?$/.test(entry)) {
      found.push(prefix || "/");
    }
  }
  return found;
}

const routeValues = async () => ({
  "[id]": ["1"],
  "[slug]": (await query<{ slug: string }>(`SELECT slug FROM "Mechanism" ORDER BY slug`)).map((m) => m.slug),
  "[code]": ["1", "2.3"],
});

test("se descubren todas las páginas para la prueba de ancho", async () => {
  const pages = discoverPages(path.resolve("app"), await routeValues());
  expect(pages).toEqual(
    expect.arrayContaining([
      "/",
      "/login",
      "/iniciativas",
      "/iniciativas/1",
      "/matriz",
      "/tablero",
      "/admin/usuarios",
      "/admin/periodos",
      "/revision",
      "/mis-iniciativas",
      "/notificaciones",
      "/cuenta/notificaciones",
      "/admin/envios",
    ]),
  );
  expect(pages.filter((p) => p.startsWith("/mecanismos/")).length).toBeGreaterThan(3);
});

// In groups, so that each test stays well inside its time limit on a shared machine.
const WIDTH_GROUPS = 4;
for (let group = 0; group < WIDTH_GROUPS; group++) {
  test(`a 390 px ninguna página es más ancha que la pantalla (grupo ${group + 1} de ${WIDTH_GROUPS})`, async ({ browser }) => {
    test.slow();
    const all = [
      ...discoverPages(path.resolve("app"), await routeValues()).filter((p) => p !== "/login"),
      "/iniciativas?densidad=compacta",
      "/iniciativas?q=salud&objetivo=1.1",
    ];
    const mine = all.filter((_, i) => i % WIDTH_GROUPS === group);
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const wide: string[] = [];
    const measure = async (url: string) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) wide.push(`${url}: ${width} px`);
    };
    if (group === 0) {
      await page.goto("/login");
      await measure("/login");
    }
    await signIn(page, "admin", "/");
    for (const url of mine) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      await measure(url);
    }
    expect(wide).toEqual([]);
    await context.close();
  });
}

/** Cumulative layout shift of a page load, as Lighthouse counts it (shifts without recent input). */
async function loadShift(page: Page, url: string) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(url);
  await expect(page.getByTestId("initiative-row").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

test("la carga de /iniciativas no se desplaza (CLS menor que 0,05) y llega entera, con las filas en su lugar", async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  await signIn(page, "viewer", "/");
  const shifts: number[] = [];
  for (const url of ["/iniciativas", "/iniciativas?q=salud", "/iniciativas?densidad=compacta&objetivo=2.3"]) {
    const fresh = await context.newPage();
    shifts.push(await loadShift(fresh, url));
    await fresh.close();
  }
  console.log(`CLS al cargar /iniciativas (1366×768): ${shifts.map((s) => s.toFixed(4)).join(", ")}`);
  for (const shift of shifts) expect(shift).toBeLessThan(0.05);

  // The document arrives whole, rows in place: nothing is left in React's hidden segments for a script to move,
  // which a browser without JavaScript would never show.
  for (const url of ["/iniciativas", "/iniciativas?objetivo=1.1"]) {
    const html = await (await page.request.get(url)).text();
    const table = html.slice(html.indexOf('data-testid="initiatives-table"'), html.indexOf("</table>"));
    expect(table).toContain('data-testid="initiative-row"');
    expect(html).not.toMatch(/<template id="P:|hidden id="S:/);
  }
  await context.close();
});
