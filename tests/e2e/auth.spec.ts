import { expect, test } from "@playwright/test";
import { accounts, signIn, signedInPage } from "./support/auth";
import { query } from "./support/db";

test.describe("ingreso", () => {
  test("una contraseña errónea y un correo inexistente dan el mismo mensaje genérico", async ({ page }) => {
    const { viewer } = accounts();
    await page.goto("/login");
    for (const email of [viewer.email, "nadie.existe@quito.gob.ec"]) {
      await page.getByLabel("Correo institucional").fill(email);
      await page.getByLabel("Contraseña").fill("una contraseña equivocada");
      await page.getByRole("button", { name: "Ingresar" }).click();
      await expect(page.getByTestId("sign-in-error")).toHaveText("Correo o contraseña incorrectos.");
      await expect(page).toHaveURL(/\/login/);
    }
    const failures = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'auth.signin.failure' AND "userEmail" = $1`,
      ["nadie.existe@quito.gob.ec"],
    );
    expect(Number(failures[0]!.n)).toBeGreaterThanOrEqual(1);
  });

  test("tras varios fallos la cuenta se bloquea, incluso con la contraseña correcta", async ({ page }) => {
    test.slow();
    const { lockout } = accounts();
    await page.goto("/login");
    const attempt = async (password: string, expected: string) => {
      await page.getByLabel("Correo institucional").fill(lockout.email);
      await page.getByLabel("Contraseña").fill(password);
      await page.getByRole("button", { name: "Ingresar" }).click();
      // The message is cleared while the attempt is pending, so this waits for this attempt's answer.
      await expect(page.getByTestId("sign-in-error")).toContainText(expected, { timeout: 20_000 });
    };
    for (let i = 0; i < 4; i++) await attempt(`incorrecta número ${i}`, "incorrectos");
    await attempt("incorrecta número 4", "bloqueado temporalmente");
    await attempt(lockout.password, "bloqueado temporalmente");
    const events = await query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "userEmail" = $1 AND action = 'auth.lockout'`, [
      lockout.email,
    ]);
    expect(events).toHaveLength(1);
  });

  test("cerrar sesión termina la sesión en el servidor", async ({ page }) => {
    await signIn(page, "planner");
    await page.getByText("Pablo Planificador").click();
    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2F/);
  });
});

test.describe("perfiles", () => {
  test("un usuario de consulta no puede abrir las páginas de administración", async ({ browser }) => {
    const page = await signedInPage(browser, "viewer");
    for (const path of ["/admin/usuarios", "/admin/auditoria"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Acceso restringido" })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "Usuarios" })).toHaveCount(0);
    const denied = await query(`SELECT 1 FROM "AuditEvent" WHERE action = 'access.denied' AND "userEmail" = $1`, [accounts().viewer.email]);
    expect(denied.length).toBeGreaterThan(0);
  });

  test("una acción de administración enviada directamente con la sesión de consulta se rechaza y no escribe nada", async ({ browser }) => {
    const admin = await signedInPage(browser, "admin", "/admin/usuarios");
    await admin.goto("/admin/usuarios");
    const viewer = await signedInPage(browser, "viewer");
    // Same page, same server action, but the request carries the viewer's session cookie.
    const viewerCookies = await viewer.context().cookies();
    await admin.context().clearCookies();
    await admin.context().addCookies(viewerCookies);
    const email = `intruso.${Date.now()}@quito.gob.ec`;
    const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Crear usuario" }) });
    await form.getByLabel("Nombre").fill("Usuario Intruso");
    await form.getByLabel("Correo").fill(email);
    await form.getByRole("button", { name: "Crear usuario" }).click();
    await expect(admin.getByText("No tiene permiso para esta acción.")).toBeVisible();
    expect(await query(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toHaveLength(0);
    const denied = await query<{ data: { what: string } }>(
      `SELECT data FROM "AuditEvent" WHERE action = 'access.denied' AND "userEmail" = $1 ORDER BY id DESC LIMIT 1`,
      [accounts().viewer.email],
    );
    expect(denied[0]?.data.what).toBe("crear usuario");
  });

  test("un administrador crea un usuario que luego ingresa y cambia su contraseña temporal", async ({ browser }) => {
    const admin = await signedInPage(browser, "admin", "/admin/usuarios");
    const email = `nuevo.${Date.now()}@quito.gob.ec`;
    await admin.getByLabel("Nombre").first().fill("Nora Nueva");
    await admin.getByLabel("Correo").first().fill(email);
    await admin.getByLabel("Perfil", { exact: true }).selectOption("PLANNER");
    await admin.getByRole("button", { name: "Crear usuario" }).click();
    const password = (await admin.getByTestId("one-time-password").textContent())!.trim();
    expect(password).toHaveLength(20);
    await expect(admin.getByTestId(`user-${email}`)).toContainText("Planificación");

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, { email, password, name: "Nora Nueva", role: "PLANNER" });
    await expect(page).toHaveURL(/\/cuenta\/contrasena/);
    const newPassword = "la montaña del ilaló al amanecer";
    await page.getByLabel("Contraseña actual").fill(password);
    await page.getByLabel("Nueva contraseña", { exact: true }).fill(newPassword);
    await page.getByLabel("Repita la nueva contraseña").fill(newPassword);
    await page.getByRole("button", { name: "Guardar" }).click();
    await expect(page.locator("form").getByRole("status")).toContainText("Contraseña actualizada");
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Estructura del plan");
  });

  test("al desactivar a un usuario, su sesión abierta deja de servir en la siguiente petición", async ({ browser }) => {
    const { disabled } = accounts();
    const victim = await signedInPage(browser, "disabled");
    await expect(victim.getByRole("heading", { level: 1 })).toBeVisible();

    const admin = await signedInPage(browser, "admin", "/admin/usuarios");
    // Deactivating asks first, naming the person.
    const asked = new Promise<string>((resolve) =>
      admin.once("dialog", async (dialog) => {
        resolve(dialog.message());
        await dialog.accept();
      }),
    );
    await admin.getByTestId(`user-${disabled.email}`).getByRole("button", { name: "Desactivar" }).click();
    expect(await asked).toContain("¿Desactivar a");
    await expect(admin.getByTestId(`user-${disabled.email}`)).toContainText("Desactivado");

    await victim.reload();
    await expect(victim).toHaveURL(/\/login/);
  });
});

test.describe("ingreso sin JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("el formulario ingresa sin JavaScript, vuelve a la página pedida y nunca pone la contraseña en la dirección", async ({ page }) => {
    const { viewer } = accounts();
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await page.goto("/login?callbackUrl=%2Fmecanismos");
    await page.getByLabel("Correo institucional").fill(viewer.email);
    await page.getByLabel("Contraseña").fill("una contraseña equivocada");
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("Correo o contraseña incorrectos.");
    await expect(page.getByLabel("Correo institucional")).toHaveValue(viewer.email);

    await page.getByLabel("Contraseña").fill(viewer.password);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page).toHaveURL(/\/mecanismos$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(urls.length).toBeGreaterThan(2);
    for (const url of urls) {
      expect(url).not.toContain(encodeURIComponent(viewer.password));
      expect(url).not.toContain("password=");
      expect(url).not.toContain("equivocada");
    }
  });

  test("la dirección de regreso solo puede ser de este sitio", async ({ page }) => {
    const { planner } = accounts();
    await page.goto(`/login?callbackUrl=${encodeURIComponent("https://ejemplo.invalid/robar")}`);
    await page.getByLabel("Correo institucional").fill(planner.email);
    await page.getByLabel("Contraseña").fill(planner.password);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});
