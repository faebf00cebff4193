import { expect, test, type Page } from "@playwright/test";
import { accounts, signedInPage, signIn } from "./support/auth";
import { query } from "./support/db";

/** Today in Quito as YYYY-MM-DD, like the portal computes it. */
const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/Guayaquil", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const shift = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

async function initiativesOf(code: string) {
  return query<{ id: number; name: string }>(
    `SELECT i.id, i.name FROM "Initiative" i JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId" WHERE mo.code = $1 ORDER BY i.position`,
    [code],
  );
}

// The progress form, not the period report's beside it when a reporting period is open (accountability.spec opens one).
const progressForm = (page: Page) => page.getByTestId("progress-form");

async function postUpdate(page: Page, values: { note: string; status?: string; progress?: string }) {
  const form = progressForm(page);
  if (values.status) await form.getByLabel("Estado").selectOption({ label: values.status });
  if (values.progress) await form.getByLabel("Avance (%)").fill(values.progress);
  await form.getByLabel("Nota").fill(values.note);
  await form.getByRole("button", { name: "Registrar avance" }).click();
}

test.describe("seguimiento de la ejecución", () => {
  test("planificación registra un avance: cambian el estado, el avance, la línea de tiempo y el tablero", async ({ browser }) => {
    const [first] = await initiativesOf("2.1");
    const page = await signedInPage(browser, "planner", "/tablero");
    await expect(page.getByTestId("rollup-2.1")).toHaveText("Datos insuficientes");
    await expect(page.getByTestId("coverage-2.1")).toHaveText("0 %");

    await page.goto(`/iniciativas/${first!.id}/seguimiento`);
    await expect(progressForm(page).getByLabel("Fecha del avance")).toHaveValue(today());
    await postUpdate(page, { note: "Convenio firmado con la prefectura; arranca la fase 1.", status: "En ejecución", progress: "40" });
    await expect(page.getByText("Avance registrado.")).toBeVisible();

    await page.goto(`/iniciativas/${first!.id}`);
    await expect(page.getByTestId("tracking-status")).toHaveText("En ejecución");
    await expect(page.getByTestId("tracking-progress")).toContainText("40 %");
    await expect(page.getByTestId("timeline-entry").first()).toContainText("Convenio firmado con la prefectura");
    await expect(page.getByTestId("timeline-entry").first()).toContainText("Pablo Planificador");
    await expect(page.getByTestId("stale-warning")).toHaveCount(0);

    // One initiative of the objective reports: below the default 50 % coverage no average is stated, and the share is said.
    const total = (await initiativesOf("2.1")).length;
    await page.goto("/tablero");
    await expect(page.getByTestId("rollup-2.1")).toHaveText("Datos insuficientes");
    await expect(page.getByTestId("coverage-2.1")).toContainText("%");
    await expect(page.getByTestId("rollup-total")).toContainText("Datos insuficientes");
    await page.goto("/objetivos/2.1");
    await expect(page.getByTestId("objective-rollup")).toHaveText(`Datos insuficientes (1 de ${total} con dato)`);
    await page.goto("/objetivos/2.1/informe");
    await expect(page.getByTestId("report-rollup")).toContainText("Datos insuficientes");
    const api = await page.request.get("/api/v1/objectives/2.1");
    expect(await api.json()).toMatchObject({ minCoverage: 50, rollup: { average: null, counted: 1, total, sufficient: false } });

    // An administrator lowers the threshold: the same figure is now stated, with its coverage.
    const admin = await signedInPage(browser, "admin", "/admin/configuracion");
    try {
      const coverage = admin.getByLabel("Cobertura mínima para mostrar un avance promedio (%)");
      await coverage.fill("5");
      await coverage.locator("xpath=ancestor::form").getByRole("button", { name: "Guardar", exact: true }).click();
      await expect(admin.getByText("Configuración guardada.")).toBeVisible();
      await page.goto("/objetivos/2.1");
      await expect(page.getByTestId("objective-rollup")).toHaveText(`40 % (1 de ${total} con dato)`);
      await page.goto("/tablero");
      await expect(page.getByTestId("rollup-2.1")).toHaveText("40 %");
      const lowered = await page.request.get("/api/v1/objectives/2.1");
      expect(await lowered.json()).toMatchObject({ minCoverage: 5, rollup: { average: 40, counted: 1, total, sufficient: true } });
      const audited = await query(`SELECT 1 FROM "AuditEvent" WHERE action = 'settings.update' AND data->'after'->>'minCoverage' = '5'`);
      expect(audited.length).toBe(1);
    } finally {
      await query(`UPDATE "PortalSettings" SET "minRollupCoverage" = 50`);
    }
    await page.goto("/objetivos/2.1/informe");
    await expect(page.getByText("Convenio firmado con la prefectura; arranca la fase 1.")).toBeVisible();

    // The table filters by status and shows the new columns.
    await page.goto("/iniciativas?estado=en-ejecucion&objetivo=2.1");
    await expect(page.getByTestId("initiative-row")).toHaveCount(1);
    await expect(page.getByTestId("initiative-row")).toContainText("40 %");
  });

  test("un segundo avance desde una página vieja se rechaza y conserva lo escrito", async ({ browser }) => {
    const [, second] = await initiativesOf("2.1");
    const one = await signedInPage(browser, "planner", `/iniciativas/${second!.id}/seguimiento`);
    const two = await signedInPage(browser, "admin", `/iniciativas/${second!.id}/seguimiento`);
    await postUpdate(one, { note: "Primera nota del día", progress: "10" });
    await expect(one.getByText("Avance registrado.")).toBeVisible();
    await postUpdate(two, { note: "Nota escrita sobre una página vieja", progress: "90" });
    await expect(two.getByText(/Otra persona modificó el seguimiento/)).toBeVisible();
    await expect(progressForm(two).getByLabel("Nota")).toHaveValue("Nota escrita sobre una página vieja");
    const [stored] = await query<{ progress: number }>(`SELECT progress FROM "Initiative" WHERE id = $1`, [second!.id]);
    expect(stored!.progress).toBe(10);
  });

  test("consulta no puede registrar avances: ni el formulario ni un envío directo", async ({ browser }) => {
    const [, , third] = await initiativesOf("2.1");
    const viewer = await signedInPage(browser, "viewer");
    expect((await viewer.goto(`/iniciativas/${third!.id}/seguimiento`))?.status()).toBe(403);
    await viewer.goto(`/iniciativas/${third!.id}`);
    await expect(viewer.getByRole("link", { name: "Seguimiento" })).toHaveCount(0);

    const planner = await signedInPage(browser, "planner", `/iniciativas/${third!.id}/seguimiento`);
    await planner.context().clearCookies();
    await planner.context().addCookies(await viewer.context().cookies());
    await postUpdate(planner, { note: "Avance no autorizado", progress: "99" });
    await expect(planner.getByText("No tiene permiso para esta acción.")).toBeVisible();
    expect(await query(`SELECT 1 FROM "ProgressUpdate" WHERE note = 'Avance no autorizado'`)).toHaveLength(0);
    const denied = await query(
      `SELECT 1 FROM "AuditEvent" WHERE action = 'access.denied' AND "userEmail" = $1 AND data->>'what' = 'registrar avance'`,
      [accounts().viewer.email],
    );
    expect(denied.length).toBeGreaterThan(0);
  });

  test("administración asigna responsables e instrumentos; el tablero muestra lo que vence y lo que está desactualizado", async ({
    page,
  }) => {
    const [target, other] = await initiativesOf("3.2");
    const day = today();
    // Seeded freshness: one initiative updated 10 days ago, the other 120 days ago.
    await query(`UPDATE "Initiative" SET "lastUpdateOn" = $2::date WHERE id = $1`, [target!.id, shift(day, -10)]);
    await query(`UPDATE "Initiative" SET "lastUpdateOn" = $2::date WHERE id = $1`, [other!.id, shift(day, -120)]);

    await signIn(page, "admin", "/admin/catalogos");
    const actors = page.getByRole("region", { name: "Actores de contraparte" });
    await actors.getByLabel("Nombre").first().fill("Fundación Esquel (pruebas)");
    await actors.getByLabel("Tipo de actor").first().selectOption({ label: "Fundaciones" });
    await actors.getByRole("button", { name: "Añadir" }).click();
    await expect(actors.getByText("Añadido al catálogo.")).toBeVisible();

    await page.goto(`/iniciativas/${target!.id}/seguimiento`);
    await page.getByLabel("Secretaría responsable").selectOption({ label: "Secretaría General" });
    await page.getByRole("button", { name: "Guardar responsables" }).click();
    await expect(page.getByText("Responsables guardados.")).toBeVisible();
    // The form shows what is now stored, without a reload.
    await expect(page.getByLabel("Secretaría responsable").locator("option:checked")).toHaveText("Secretaría General");

    const objective = page.getByTestId("tracking-objective").first();
    await objective.getByText("Registrar instrumento del objetivo 1").click();
    await objective.getByLabel("Tipo (mecanismo)").selectOption({ index: 1 });
    await objective.getByLabel("Contraparte").selectOption({ label: "Fundación Esquel (pruebas) (Fundaciones)" });
    await objective.getByLabel("Título").fill("Convenio de cooperación de pruebas");
    await objective.getByLabel("Fecha de firma").fill(shift(day, -300));
    await objective.getByLabel("Fecha de fin").fill(shift(day, 20));
    await objective.getByRole("button", { name: "Guardar instrumento" }).click();
    await expect(objective.getByTestId("instrument-list")).toContainText("Convenio de cooperación de pruebas");
    await expect(objective.getByTestId("instrument-list")).toContainText("Vence pronto");

    await page.goto("/tablero");
    await expect(page.getByTestId("ending-soon")).toContainText(target!.name);
    const [unowned] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Initiative" WHERE "archivedAt" IS NULL AND "leadSecretariatId" IS NULL`,
    );
    await expect(page.getByTestId("unowned-count")).toHaveText(String(unowned!.n));
    const [stale] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Initiative" WHERE "archivedAt" IS NULL AND ("lastUpdateOn" IS NULL OR "lastUpdateOn" < $1::date)`,
      [shift(day, -90)],
    );
    await expect(page.getByTestId("stale-count")).toContainText(String(stale!.n));

    // Each figure leads to the filtered table.
    await page.goto("/iniciativas?desactualizadas=si&objetivo=3.2");
    await expect(page.getByTestId("initiative-row")).toHaveCount(1);
    await expect(page.getByTestId("initiative-row")).toContainText(other!.name);
    await page.goto("/iniciativas?vencen=si");
    await expect(page.getByTestId("initiative-row")).toHaveCount(1);
    await expect(page.getByTestId("initiative-row")).toContainText(target!.name);
    await page.goto("/iniciativas?responsable=general");
    await expect(page.getByTestId("initiative-row").first()).toContainText("General");
  });
});
