import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { signIn } from "./support/auth";

const PAGES = [
  "/",
  "/iniciativas",
  "/iniciativas?q=salud&objetivo=1.1",
  "/iniciativas?objetivo=9.9&q=zzzzzz",
  "/iniciativas?q=desnutricon",
  "/iniciativas/1",
  "/iniciativas/1/historial",
  "/iniciativas/1/editar",
  "/iniciativas/nueva",
  "/objetivos/1",
  "/objetivos/2.3",
  "/mecanismos",
  "/mecanismos/convenios",
  "/matriz",
  "/cuenta/contrasena",
  "/cuenta/seguridad",
  "/admin/usuarios",
  "/admin/auditoria",
  "/admin/auditoria?accion=auth.signin.success&desde=2020-01-01",
  "/admin/mecanismos",
  "/admin/importar",
  "/indicadores",
  "/admin/objetivos",
  "/admin/catalogos",
  "/admin/configuracion",
  "/tablero",
  "/iniciativas/1/seguimiento",
  "/objetivos/2/informe",
  "/objetivos/1.1/informe",
  "/iniciativas?estado=por-iniciar&responsable=ninguna&desactualizadas=si",
];

test("la página de ingreso no tiene problemas de accesibilidad", async ({ page }) => {
  await page.goto("/login");
  expect(await axeViolations(page)).toEqual([]);
});

// In groups, so that each test stays well inside its time limit on a shared machine.
const GROUP = 7;
for (let start = 0; start < PAGES.length; start += GROUP) {
  const group = PAGES.slice(start, start + GROUP);
  test(`axe no encuentra violaciones WCAG 2.1 AA en las páginas del portal (${start + 1}–${start + group.length})`, async ({ page }) => {
    test.slow();
    await signIn(page, "admin");
    for (const path of group) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect((await axeViolations(page)).map((v) => `${path} ${v}`)).toEqual([]);
    }
  });
}
