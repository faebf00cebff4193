import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { formFields } from "../support/html-form";
import { signedInPage } from "./support/auth";
import { query } from "./support/db";

const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/Guayaquil", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const shift = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Two initiatives of objective 3.1, one led by Salud and one by Movilidad, and an open period due in ten days. */
async function setUp() {
  const [salud, movilidad] = await Promise.all(
    ["salud", "movilidad"].map(
      async (slug) => (await query<{ id: number }>(`SELECT id FROM "Secretariat" WHERE slug = $1`, [slug]))[0]!.id,
    ),
  );
  const [own, other] = await query<{ id: number; name: string }>(
    `SELECT i.id, i.name FROM "Initiative" i JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId"
     WHERE mo.code = '3.1' AND i."archivedAt" IS NULL ORDER BY i.position LIMIT 2`,
  );
  await query(`UPDATE "Initiative" SET "leadSecretariatId" = $1 WHERE id = $2`, [salud, own!.id]);
  await query(`UPDATE "Initiative" SET "leadSecretariatId" = $1 WHERE id = $2`, [movilidad, other!.id]);
  await query(
    `INSERT INTO "ReportingPeriod" (name, "startsOn", "endsOn", "dueOn", open, "updatedAt") VALUES ($1, $2, $3, $4, true, now())
     ON CONFLICT (name) DO NOTHING`,
    ["Trimestre de prueba", shift(today(), -80), today(), shift(today(), 10)],
  );
  return { own: own!, other: other! };
}

test.describe("rendición de cuentas: reportes por periodo", () => {
  test("un reportero de Salud no registra nada en una iniciativa de Movilidad, ni por la dirección ni con un POST directo", async ({
    browser,
  }) => {
    const { own, other } = await setUp();
    const page = await signedInPage(browser, "reporter", `/iniciativas/${other.id}`);
    await expect(page.getByRole("link", { name: "Seguimiento" })).toHaveCount(0);
    const refused = await page.goto(`/iniciativas/${other.id}/seguimiento`);
    expect(refused?.status()).toBe(403);
    await expect(page.getByTestId("report-form")).toHaveCount(0);

    // The form of its own initiative, posted with the other initiative's id, as a script would.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const url = new URL(`/iniciativas/${own.id}/seguimiento`, page.url()).toString();
    const html = await (await page.request.get(url)).text();
    const fields = formFields(html, "report-form");
    fields.set("initiativeId", String(other.id));
    fields.set("note", "Intento fuera de mi secretaría");
    const refusals = async () =>
      (
        await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'access.denied' AND data->>'permission' = 'reports:submit' AND data->>'initiativeId' = $1`,
          [String(other.id)],
        )
      )[0]!.n;
    const before = await refusals();
    // With the browser's Origin, so that Next runs the action and the portal's own check is what refuses it.
    const body = new FormData();
    for (const [name, value] of fields) body.append(name, value);
    const response = await fetch(url, { method: "POST", headers: { cookie, origin: new URL(url).origin }, body, redirect: "manual" });
    expect(response.status).toBeLessThan(500);
    expect(await query(`SELECT id FROM "PeriodReport" WHERE "initiativeId" = $1`, [other.id])).toEqual([]);
    expect(await refusals()).toBe(before + 1);
    await page.context().close();
  });

  test("enviar, devolver, corregir, aprobar: el avance cambia solo al aprobar; /mis-iniciativas y /revision pasan axe", async ({
    browser,
  }) => {
    test.slow();
    const { own } = await setUp();
    const progressOf = async () =>
      (await query<{ progress: number | null }>(`SELECT progress FROM "Initiative" WHERE id = $1`, [own.id]))[0]!.progress;
    const before = await progressOf();

    const reporter = await signedInPage(browser, "reporter", "/mis-iniciativas");
    const mine = reporter.getByTestId("owned-initiative").filter({ hasText: own.name });
    await expect(mine.getByTestId("report-state")).toHaveText("Pendiente");
    expect(await axeViolations(reporter)).toEqual([]);

    await reporter.goto(`/iniciativas/${own.id}/seguimiento`);
    const form = reporter.getByTestId("report-form");
    await form.getByLabel("Estado de la iniciativa").selectOption({ label: "En ejecución" });
    await form.getByLabel("Avance (%)").fill("73");
    await form.getByLabel("Nota").fill("Avance del trimestre: obra al 73 %.");
    await form.getByRole("button", { name: "Enviar reporte" }).click();
    await expect(reporter.getByText("Reporte enviado a revisión.")).toBeVisible();
    expect(await progressOf()).toBe(before);

    const planner = await signedInPage(browser, "planner", "/revision");
    const item = planner.getByTestId("queue-item").filter({ hasText: own.name });
    await expect(item).toBeVisible();
    expect(await axeViolations(planner)).toEqual([]);
    await item.locator("summary", { hasText: "Devolver" }).click();
    await item.getByRole("button", { name: "Devolver" }).click();
    await expect(item.getByText(/Escriba el motivo/).first()).toBeVisible();
    await item.getByLabel("Motivo de la devolución").fill("Adjunte el acta de la obra.");
    await item.getByRole("button", { name: "Devolver" }).click();
    await expect(planner.getByTestId("queue-item").filter({ hasText: own.name })).toHaveCount(0);
    expect(await progressOf()).toBe(before);

    await reporter.goto("/mis-iniciativas");
    await expect(mine.getByTestId("report-state")).toHaveText("Devuelto");
    await expect(mine).toContainText("Adjunte el acta de la obra.");
    await reporter.goto(`/iniciativas/${own.id}/seguimiento`);
    await expect(reporter.getByTestId("return-reason")).toContainText("Adjunte el acta");
    await form.getByLabel("Enlace a evidencia (opcional)").fill("https://quito.gob.ec/acta-obra.pdf");
    await form.getByRole("button", { name: "Corregir y reenviar" }).click();
    await expect(reporter.getByText("Reporte enviado a revisión.")).toBeVisible();

    await planner.goto("/revision");
    await item.getByRole("checkbox").check();
    await planner.getByRole("button", { name: "Aprobar los elegidos" }).click();
    await expect(planner.getByText(/reportes? aprobados?\./)).toBeVisible();
    expect(await progressOf()).toBe(73);

    await reporter.goto(`/iniciativas/${own.id}`);
    await expect(reporter.getByTestId("tracking-progress")).toContainText("73 %");
    await reporter.goto("/mis-iniciativas");
    await expect(mine.getByTestId("report-state")).toHaveText("Aprobado");
    await Promise.all([reporter.context().close(), planner.context().close()]);
  });
});
