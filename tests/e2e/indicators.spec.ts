import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { signedInPage } from "./support/auth";
import { query } from "./support/db";

const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/Guayaquil", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

test.describe("indicadores, metas e hitos", () => {
  test("planificación define un indicador con metas; una medición lo deja «en riesgo» con explicación obligatoria; el gráfico y el tablero lo muestran", async ({
    browser,
  }) => {
    const [initiative] = await query<{ id: number }>(
      `SELECT i.id FROM "Initiative" i JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId" WHERE mo.code = '3.1' AND i."archivedAt" IS NULL ORDER BY i.position LIMIT 1`,
    );
    const page = await signedInPage(browser, "planner", `/iniciativas/${initiative!.id}`);
    const year = Number(today().slice(0, 4));

    // Baseline 0 at the start of this year, target 100 at its end: today's expected value is the share of the year gone.
    await page.getByText("Agregar indicador").click();
    const form = page.getByTestId("indicador-nuevo-form");
    await form.getByLabel("Nombre del indicador").fill("Kilómetros de ciclovía construidos");
    await form.getByLabel("Unidad").fill("km");
    await form.getByLabel("Año de la línea base").fill(String(year));
    await form.getByLabel("Valor de la línea base").fill("0");
    await form.getByLabel(`Meta ${year}`).fill("100");
    await form.getByRole("button", { name: "Guardar indicador" }).click();
    await expect(form.getByText("Indicador guardado.")).toBeVisible();

    await page.reload();
    const indicator = page.getByTestId("indicator").filter({ hasText: "Kilómetros de ciclovía construidos" });
    await expect(indicator.getByTestId("indicator-status")).toHaveText("Sin datos");
    const dayOfYear = (Date.parse(`${today()}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
    const daysInYear = (Date.parse(`${year}-12-31T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
    // 80 % of what is expected today: at risk with the default 90 % / 70 % thresholds.
    const value = Math.max(0.01, (0.8 * 100 * Math.max(dayOfYear, 1)) / daysInYear).toFixed(2);

    await indicator.getByText("Registrar medición").click();
    const measurement = indicator.locator("form[data-testid^='medicion-']");
    await measurement.getByLabel("Valor").fill(value);
    await measurement.getByRole("button", { name: "Guardar medición" }).click();
    await expect(measurement.locator("[id$='explicacion-error']")).toHaveText(
      "Con este valor el indicador queda «En riesgo»: explique el desvío.",
    );
    await expect(measurement.getByLabel("Explicación del desvío")).toHaveAttribute("aria-invalid", "true");
    await measurement.getByLabel("Explicación del desvío").fill("Retraso en la entrega del asfalto.");
    await measurement.getByRole("button", { name: "Guardar medición" }).click();
    await expect(measurement.getByText("Medición guardada. Estado del indicador: En riesgo.")).toBeVisible();

    await page.reload();
    await expect(indicator.getByTestId("indicator-status")).toHaveText("En riesgo");
    const chart = indicator.getByRole("img", { name: /Kilómetros de ciclovía construidos/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator("circle.fill-brand-700")).toHaveCount(1);
    await expect(indicator.getByTestId("indicator-table")).toContainText("En riesgo");
    await expect(indicator.getByTestId("indicator-table")).toContainText("Medición");
    await expect(page.getByTestId("derived-progress")).toContainText("1 de 1 indicadores con medición");

    expect(await axeViolations(page)).toEqual([]);

    await page.goto("/tablero");
    await expect(page.getByTestId("indicator-count-en-riesgo").locator("dd")).toHaveText(/^[1-9]\d*$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test("un hito abierto después de su fecha prevista aparece atrasado en la iniciativa y en el tablero", async ({ browser }) => {
    const [initiative] = await query<{ id: number }>(`SELECT id FROM "Initiative" WHERE "archivedAt" IS NULL ORDER BY id DESC LIMIT 1`);
    const page = await signedInPage(browser, "planner", `/iniciativas/${initiative!.id}`);
    await page.getByText("Agregar hito").click();
    const form = page.getByTestId("hito-nuevo-form");
    await form.getByLabel("Hito").fill("Estudios de factibilidad entregados");
    await form.getByLabel("Fecha prevista").fill("2025-01-15");
    await form.getByRole("button", { name: "Guardar hito" }).click();
    await expect(form.getByText("Hito guardado.")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("milestone").filter({ hasText: "Estudios de factibilidad entregados" })).toContainText("Atrasado");
    await page.goto("/tablero");
    await expect(page.getByTestId("late-milestones")).toContainText("Estudios de factibilidad entregados");
    await page.close();
  });
});
