import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

const expected: Record<string, number> = {
  "1.1": 36,
  "1.2": 24,
  "2.1": 5,
  "2.2": 12,
  "2.3": 11,
  "2.4": 8,
  "2.5": 6,
  "3.1": 9,
  "3.2": 2,
  "3.3": 1,
};

test("la página de inicio muestra los objetivos y el número de iniciativas de cada uno", async ({ page }) => {
  await signIn(page, "viewer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Estructura del plan");
  for (const code of ["1", "2", "3"]) {
    await expect(page.getByTestId(`development-objective-${code}`)).toBeVisible();
  }
  for (const [code, count] of Object.entries(expected)) {
    const row = page.getByTestId(`management-objective-${code}`);
    await expect(row.getByTestId("initiative-count")).toHaveText(String(count));
    await expect(row.getByRole("link", { name: code, exact: true })).toHaveAttribute("href", `/objetivos/${code}`);
  }
  await expect(page.getByTestId("plan-summary")).toContainText("114 iniciativas en 10 objetivos de gestión");
});
