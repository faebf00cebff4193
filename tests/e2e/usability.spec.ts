import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test.describe("detalles de uso", () => {
  test("el menú de columnas se cierra con Escape (el foco vuelve a su botón) y al hacer clic fuera", async ({ page }) => {
    await signIn(page, "viewer", "/iniciativas");
    await page.waitForLoadState("networkidle");
    const menu = page.locator("details[data-dropdown]", { hasText: "Columnas" });
    await menu.locator("summary").click();
    await expect(menu).toHaveAttribute("open", "");
    await menu.getByRole("checkbox").first().focus();
    await page.keyboard.press("Escape");
    await expect(menu).not.toHaveAttribute("open");
    await expect(menu.locator("summary")).toBeFocused();
    await menu.locator("summary").click();
    await expect(menu).toHaveAttribute("open", "");
    await page.getByRole("heading", { level: 1 }).click();
    await expect(menu).not.toHaveAttribute("open");
  });

  test("la pestaña del navegador lleva el nombre de la iniciativa; sin resultados se ofrece quitar los filtros", async ({ page }) => {
    await signIn(page, "viewer", "/iniciativas/1");
    await expect(page).toHaveTitle(/^Estrategia de espacios saludables · /);
    await page.goto("/iniciativas?q=zzzzzz&objetivo=1.1");
    await page.getByTestId("empty-state").getByRole("link", { name: "Quitar todos los filtros" }).click();
    await expect(page.getByTestId("result-count")).toHaveText("114 de 114 iniciativas");
  });

  test("la pestaña nombra el mecanismo y la iniciativa de cada sección; un mecanismo desconocido da «Página no encontrada»", async ({
    page,
  }) => {
    await signIn(page, "planner", "/mecanismos/convenios");
    await expect(page).toHaveTitle("Convenios · Mecanismos de articulación · Matriz PMDOT");
    await page.goto("/iniciativas/1/seguimiento");
    await expect(page).toHaveTitle(/^Seguimiento · Estrategia de espacios saludables · /);
    await page.goto("/mecanismos/no-existe");
    await expect(page).toHaveTitle("Página no encontrada · Matriz PMDOT");
    // An escape that decodes to a malformed one («%25E0» → «%E0») is an unknown objective, not a server error.
    for (const path of ["/objetivos/%25E0", "/objetivos/%25E0/informe"]) {
      expect((await page.goto(path))!.status(), path).toBe(404);
      await expect(page).toHaveTitle("Página no encontrada · Matriz PMDOT");
    }
  });

  test("archivar pregunta antes, nombrando la iniciativa; al cancelar no cambia nada", async ({ page }) => {
    await signIn(page, "admin", "/iniciativas/20");
    await page.waitForLoadState("networkidle");
    const name = await page.getByRole("heading", { level: 1 }).textContent();
    const asked = new Promise<string>((resolve) =>
      page.once("dialog", async (dialog) => {
        resolve(dialog.message());
        await dialog.dismiss();
      }),
    );
    await page.getByRole("button", { name: "Archivar" }).click();
    expect(await asked).toContain(`«${name}»`);
    await page.reload();
    await expect(page.getByRole("button", { name: "Archivar" })).toBeVisible();
  });

  test("en un teléfono, ninguna página se desplaza de lado y el tablero da sus cifras en tablas", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, "admin", "/admin/usuarios");
    for (const path of ["/", "/admin/usuarios", "/iniciativas", "/mecanismos", "/admin/auditoria", "/tablero"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBe(0);
    }
    // The charts' writing would shrink below reading size: the tables beside them carry the figures.
    await expect(page.getByRole("img", { name: /Estado de las iniciativas/ })).toBeHidden();
    await expect(page.getByRole("table").first()).toBeVisible();
    await context.close();
  });

  test("una página más allá de la última lleva a la última; los filtros sin opción se nombran y se quitan; el menú marca la sección", async ({
    page,
  }) => {
    await signIn(page, "viewer", "/iniciativas?pagina=9999&ocultar=avance");
    await expect(page).toHaveURL(/\/iniciativas\?pagina=\d+&ocultar=avance$/);
    await expect(page.getByTestId("empty-state")).toHaveCount(0);
    await expect(page.locator('header [aria-current="page"]')).toHaveText("Iniciativas");
    await page.goto("/iniciativas?mecanismo=bar&objetivo=1.1");
    const notice = page.getByTestId("unmatched-filters");
    await expect(notice).toContainText("mecanismo «bar»");
    await expect(page.getByTestId("result-count")).toHaveText("0 de 114 iniciativas");
    await notice.getByRole("link", { name: "Quitar estos filtros" }).click();
    await expect(page).toHaveURL(/\/iniciativas\?objetivo=1\.1$/);
    await expect(notice).toHaveCount(0);
    await expect(page.getByTestId("result-count")).not.toHaveText(/^0 de/);
  });

  test("tras un envío con errores el foco va al primer campo marcado, y una iniciativa nueva no toma un objetivo por defecto", async ({
    page,
  }) => {
    await signIn(page, "admin", "/iniciativas/nueva");
    await expect(page.getByLabel("Objetivo de gestión")).toHaveValue("");
    await page.getByRole("button", { name: "Guardar" }).first().click();
    await expect(page.locator("#nombre")).toBeFocused();
    await expect(page.getByText("Elija un objetivo de gestión.")).toBeVisible();
    // The second failure carries the same message: the focus still moves, now to the field left wrong.
    await page.locator("#nombre").fill("Iniciativa sin objetivo de gestión");
    await page.getByRole("button", { name: "Guardar" }).first().click();
    await expect(page.locator("#objetivo")).toBeFocused();
  });
});
