import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { query } from "./support/db";

const SIZES = [
  { name: "1366", viewport: { width: 1366, height: 768 } },
  { name: "390", viewport: { width: 390, height: 844 } },
] as const;

/**
 * The pages a planner uses every week, at a laptop's and a phone's width: each
 * fits the screen and shows its heading. The captures go to the test's output
 * folder (test-results/), to be looked at after a change of layout.
 */
test.describe("capturas de la tabla, el tablero, el informe y el editor", () => {
  test.slow();

  for (const size of SIZES) {
    test(`a ${size.name} px ninguna de las cuatro páginas es más ancha que la pantalla`, async ({ page }, testInfo) => {
      const [initiative] = await query<{ id: number }>(`SELECT id FROM "Initiative" WHERE "archivedAt" IS NULL ORDER BY position LIMIT 1`);
      await page.setViewportSize(size.viewport);
      await signIn(page, "admin", "/iniciativas");
      const pages = [
        { slug: "tabla", path: "/iniciativas", heading: "Iniciativas" },
        { slug: "tablero", path: "/tablero", heading: "Tablero" },
        { slug: "informe", path: "/objetivos/2.3/informe", heading: /2\.3/ },
        { slug: "editor", path: `/iniciativas/${initiative!.id}/editar`, heading: /Editar/ },
      ];
      for (const target of pages) {
        await page.goto(target.path);
        await expect(page.getByRole("heading", { level: 1, name: target.heading }).first()).toBeVisible();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, target.path).toBeLessThanOrEqual(size.viewport.width);
        await page.screenshot({ path: testInfo.outputPath(`${target.slug}-${size.name}.png`), fullPage: true });
      }
    });
  }
});
