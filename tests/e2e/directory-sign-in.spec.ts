import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { startTestDirectory, type TestDirectory } from "../support/oidc-provider";
import { startPortalProcess, type PortalProcess } from "../support/portal-process";
import { accounts, enterTotpCode } from "./support/auth";
import { query } from "./support/db";

/**
 * Sign-in through a real OpenID Connect provider (npm oidc-provider) on loopback, with two
 * production instances of the portal of their own configured for it: one that provisions
 * accounts for @quito.gob.ec and keeps password sign-in for administrators only, one that
 * admits only accounts already in the portal. Ports: E2E_PORT + 4 (provider), + 5 and + 6.
 */
test.describe.configure({ mode: "serial" });

const base = Number(process.env.E2E_PORT ?? 3100);
const BUTTON = "Ingresar con Directorio municipal";
const GROUP_ROLES = "pmdot-admins=ADMIN,pmdot-planif=PLANNER";

let directory: TestDirectory;
let provisioning: PortalProcess;
let existingOnly: PortalProcess;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const urls = { provisioning: `http://127.0.0.1:${base + 5}`, existingOnly: `http://127.0.0.1:${base + 6}` };
  directory = await startTestDirectory({
    port: base + 4,
    clients: [
      { clientId: "pmdot-aprovisiona", clientSecret: "secreto-de-cliente-de-prueba-aprovisiona", portalUrl: urls.provisioning },
      { clientId: "pmdot-existentes", clientSecret: "secreto-de-cliente-de-prueba-existentes", portalUrl: urls.existingOnly },
    ],
  });
  const common = {
    OIDC_ISSUER: directory.issuer,
    OIDC_NAME: "Directorio municipal",
    OIDC_SCOPES: "openid email profile groups",
    LOG_LEVEL: "warn",
  };
  [provisioning, existingOnly] = await Promise.all([
    startPortalProcess({
      port: base + 5,
      env: {
        ...common,
        NEXTAUTH_URL: urls.provisioning,
        OIDC_CLIENT_ID: "pmdot-aprovisiona",
        OIDC_CLIENT_SECRET: "secreto-de-cliente-de-prueba-aprovisiona",
        OIDC_GROUP_ROLES: GROUP_ROLES,
        OIDC_AUTO_PROVISION: "1",
        OIDC_ALLOWED_DOMAINS: "quito.gob.ec",
        AUTH_LOCAL_ACCOUNTS: "admins-only",
      },
    }),
    startPortalProcess({
      port: base + 6,
      env: {
        ...common,
        NEXTAUTH_URL: urls.existingOnly,
        OIDC_CLIENT_ID: "pmdot-existentes",
        OIDC_CLIENT_SECRET: "secreto-de-cliente-de-prueba-existentes",
      },
    }),
  ]);
  directory.people.set("maria-sso", { email: "maria.directorio@quito.gob.ec", name: "María Directorio", groups: ["pmdot-planif"] });
  directory.people.set("intrusa-sso", { email: "intrusa@correo-externo.ec", name: "Ina Externa", groups: ["pmdot-admins"] });
  directory.people.set("nadie-sso", { email: "nadie.registrado@quito.gob.ec", name: "Nadia Nadie", groups: [] });
});

test.afterAll(async () => {
  await Promise.all([provisioning?.stop(), existingOnly?.stop()]);
  await directory?.close();
});

test.afterEach(() => {
  directory.mischief = null;
});

/**
 * The portal answers 503 while its database probe fails, which on a loaded shared machine
 * happens for a second or two; the page is asked again then.
 */
async function openLogin(page: Page, portal: PortalProcess, path = "/login") {
  await expect(async () => expect((await page.goto(`${portal.url}${path}`))?.status()).toBe(200)).toPass({ timeout: 30_000 });
}

/** From the portal's /login through the provider's own login page (any password), back to the portal. */
async function throughDirectory(page: Page, portal: PortalProcess, login: string) {
  await openLogin(page, portal);
  await page.getByRole("button", { name: BUTTON }).click();
  await expect(page).toHaveURL(new RegExp(`^${directory.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("cualquier-clave");
  await page.locator('button[type="submit"]').click();
}

async function freshPage(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  return context.newPage();
}

const userRow = async (email: string) =>
  (
    await query<{ id: number; role: string; oidcSubject: string | null; sessionVersion: number }>(
      `SELECT id, role, "oidcSubject", "sessionVersion" FROM "User" WHERE email = $1`,
      [email],
    )
  )[0];
const sessionsOf = async (userId: number) =>
  query<{ method: string; revokedAt: Date | null }>(`SELECT method, "revokedAt" FROM "UserSession" WHERE "userId" = $1`, [userId]);
const auditOf = async (action: string, email: string) =>
  query<{ data: Record<string, unknown> }>(`SELECT data FROM "AuditEvent" WHERE action = $1 AND "userEmail" = $2 ORDER BY id`, [
    action,
    email,
  ]);

test("sin las variables OIDC_* el portal es el de siempre: ni botón ni otro destino de formularios", async ({ page }) => {
  const response = await page.goto("/login");
  await expect(page.getByRole("button", { name: "Ingresar", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /directorio/i })).toHaveCount(0);
  expect(response?.headers()["content-security-policy"]).toContain("form-action 'self';");
});

test("sin JavaScript: el ingreso con el directorio crea la cuenta con el rol de su grupo y una sesión del directorio", async ({
  browser,
}) => {
  const page = await freshPage(browser, false);
  const response = await page.request.get(`${provisioning.url}/login`);
  expect(response.headers()["content-security-policy"]).toContain(`form-action 'self' ${directory.issuer};`);
  await throughDirectory(page, provisioning, "maria-sso");
  await expect(page).toHaveURL(`${provisioning.url}/`);
  await expect(page.getByText("María Directorio").first()).toBeVisible();

  const user = await userRow("maria.directorio@quito.gob.ec");
  expect(user).toMatchObject({ role: "PLANNER", oidcSubject: "maria-sso" });
  expect((await sessionsOf(user!.id)).map((s) => s.method)).toEqual(["oidc"]);
  const [provisioned] = await auditOf("auth.sso.provision", "maria.directorio@quito.gob.ec");
  expect(provisioned?.data).toMatchObject({ issuer: directory.issuer, role: "PLANNER" });
  expect(await auditOf("auth.sso.signin", "maria.directorio@quito.gob.ec")).toHaveLength(1);
  await page.context().close();
});

test("la página de ingreso con el botón del directorio es accesible", async ({ browser }) => {
  const page = await freshPage(browser);
  await openLogin(page, provisioning, "/login?error=directorio-desconocido");
  await expect(page.getByTestId("sso-error")).toContainText("no está registrada en el portal");
  expect(await axeViolations(page)).toEqual([]);
  await page.context().close();
});

test("los grupos del directorio se aplican en cada ingreso: el cambio de grupo cambia el rol y queda auditado", async ({ browser }) => {
  directory.people.get("maria-sso")!.groups = ["pmdot-admins", "otro-grupo"];
  const before = await userRow("maria.directorio@quito.gob.ec");
  let page = await freshPage(browser);
  await throughDirectory(page, provisioning, "maria-sso");
  await expect(page).toHaveURL(`${provisioning.url}/`);
  await expect(page.locator("summary", { hasText: "María Directorio" })).toContainText("Administración");
  expect((await userRow("maria.directorio@quito.gob.ec"))?.role).toBe("ADMIN");
  await page.context().close();

  directory.people.get("maria-sso")!.groups = [];
  page = await freshPage(browser);
  await throughDirectory(page, provisioning, "maria-sso");
  await expect(page).toHaveURL(`${provisioning.url}/`);
  await expect(page.locator("summary", { hasText: "María Directorio" })).toContainText("Consulta");
  const after = await userRow("maria.directorio@quito.gob.ec");
  expect(after?.role).toBe("VIEWER");
  // Each role change ends the sessions opened with the old role, as an administrator's change does.
  expect(after!.sessionVersion).toBe(before!.sessionVersion + 2);
  const changes = await auditOf("auth.sso.role_change", "maria.directorio@quito.gob.ec");
  expect(changes.map((c) => [c.data.from, c.data.to, c.data.issuer])).toEqual([
    ["PLANNER", "ADMIN", directory.issuer],
    ["ADMIN", "VIEWER", directory.issuer],
  ]);
  await page.context().close();
  directory.people.get("maria-sso")!.groups = ["pmdot-planif"];
});

test("con aprovisionamiento, un correo fuera de los dominios autorizados no obtiene cuenta", async ({ browser }) => {
  const page = await freshPage(browser);
  await throughDirectory(page, provisioning, "intrusa-sso");
  await expect(page).toHaveURL(/\/login\?error=directorio-no-autorizado/);
  await expect(page.getByTestId("sso-error")).toContainText("no pertenece a un dominio ni a un grupo autorizado");
  expect(await userRow("intrusa@correo-externo.ec")).toBeUndefined();
  const [refusal] = await auditOf("auth.sso.failure", "intrusa@correo-externo.ec");
  expect(refusal?.data).toMatchObject({ reason: "not-allowed", issuer: directory.issuer });
  await page.context().close();
});

test("sin aprovisionamiento: un desconocido es rechazado; una cuenta existente entra y queda vinculada por su correo", async ({
  browser,
}) => {
  let page = await freshPage(browser);
  await throughDirectory(page, existingOnly, "nadie-sso");
  await expect(page).toHaveURL(/\/login\?error=directorio-desconocido/);
  await expect(page.getByTestId("sso-error")).toContainText("no está registrada en el portal");
  expect(await userRow("nadie.registrado@quito.gob.ec")).toBeUndefined();
  expect((await auditOf("auth.sso.failure", "nadie.registrado@quito.gob.ec"))[0]?.data).toMatchObject({
    reason: "unknown-user",
    issuer: directory.issuer,
  });
  await page.context().close();

  const { viewer } = accounts();
  directory.people.set("vera-sso", { email: viewer.email, name: "Vera en el directorio", groups: ["pmdot-admins"] });
  page = await freshPage(browser);
  await throughDirectory(page, existingOnly, "vera-sso");
  await expect(page).toHaveURL(`${existingOnly.url}/`);
  // This instance maps no groups: the role stays the one given in the portal.
  expect(await userRow(viewer.email)).toMatchObject({ role: "VIEWER", oidcSubject: "vera-sso" });
  expect((await auditOf("auth.sso.signin", viewer.email))[0]?.data).toMatchObject({ linked: true, issuer: directory.issuer });
  await page.context().close();
});

const MISCHIEF = {
  tampered: { title: "alterado", detail: /signature/i },
  "wrong-audience": { title: "para otra aplicación", detail: /aud/i },
  "wrong-nonce": { title: "con el nonce de otro ingreso", detail: /nonce/i },
  expired: { title: "caducado", detail: /expired/i },
} as const;

for (const mischief of Object.keys(MISCHIEF) as (keyof typeof MISCHIEF)[]) {
  test(`un token de ID ${MISCHIEF[mischief].title} se rechaza en español sin escribir nada`, async ({ browser }) => {
    const user = await userRow("maria.directorio@quito.gob.ec");
    const sessionsBefore = (await sessionsOf(user!.id)).length;
    directory.mischief = mischief;
    const page = await freshPage(browser);
    await throughDirectory(page, provisioning, "maria-sso");
    await expect(page).toHaveURL(/\/login\?.*error=OAuthCallback/);
    await expect(page.getByTestId("sso-error")).toContainText("No se pudo verificar la respuesta del directorio institucional");
    // The tampered token claims pmdot-admins: had it been believed, she would be an administrator now.
    expect(await userRow("maria.directorio@quito.gob.ec")).toEqual(user);
    expect(await sessionsOf(user!.id)).toHaveLength(sessionsBefore);
    const refusals = await query<{ data: Record<string, unknown> }>(
      `SELECT data FROM "AuditEvent" WHERE action = 'auth.sso.failure' AND data->>'reason' = 'bad-response' ORDER BY id DESC LIMIT 1`,
    );
    expect(refusals[0]?.data).toMatchObject({ issuer: directory.issuer, error: "OAuthCallback" });
    expect(String(refusals[0]?.data.detail)).toMatch(MISCHIEF[mischief].detail);
    await page.context().close();
  });
}

test("una respuesta del directorio ya usada (state repetido) se rechaza y no abre otra sesión", async ({ browser }) => {
  const user = await userRow("maria.directorio@quito.gob.ec");
  const page = await freshPage(browser);
  let callback = "";
  page.on("request", (request) => {
    if (request.url().startsWith(`${provisioning.url}/api/auth/callback/directorio`)) callback = request.url();
  });
  await throughDirectory(page, provisioning, "maria-sso");
  await expect(page).toHaveURL(`${provisioning.url}/`);
  const sessions = (await sessionsOf(user!.id)).length;
  expect(callback).toContain("state=");
  await page.context().close();

  const replay = await freshPage(browser);
  await replay.goto(callback);
  await expect(replay).toHaveURL(/\/login\?.*error=OAuthCallback/);
  await expect(replay.getByTestId("sso-error")).toContainText("No se pudo verificar la respuesta del directorio institucional");
  expect(await sessionsOf(user!.id)).toHaveLength(sessions);
  await replay.context().close();
});

test("con AUTH_LOCAL_ACCOUNTS=admins-only la administración de emergencia entra con contraseña; el resto, no", async ({ browser }) => {
  const { admin, planner } = accounts();
  const page = await freshPage(browser);
  await openLogin(page, provisioning);
  await expect(page.getByText("reservadas a la administración")).toBeVisible();
  await page.getByLabel("Correo institucional").fill(planner.email);
  await page.getByLabel("Contraseña").fill(planner.password);
  await page.getByRole("button", { name: "Ingresar", exact: true }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Correo o contraseña incorrectos.");
  const [refusal] = await query<{ data: Record<string, unknown> }>(
    `SELECT data FROM "AuditEvent" WHERE action = 'auth.signin.failure' AND "userEmail" = $1 ORDER BY id DESC LIMIT 1`,
    [planner.email],
  );
  expect(refusal?.data).toMatchObject({ reason: "local-accounts-admins-only" });

  await page.getByLabel("Correo institucional").fill(admin.email);
  await page.getByLabel("Contraseña").fill(admin.password);
  await page.getByRole("button", { name: "Ingresar", exact: true }).click();
  // Administration always signs in with its second factor, break-glass included.
  await expect(page).toHaveURL(`${provisioning.url}/login/verificacion`);
  await enterTotpCode(page, admin.totpSecret!);
  await expect(page).toHaveURL(`${provisioning.url}/`);
  await page.goto(`${provisioning.url}/admin/usuarios`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(`${provisioning.url}/admin/usuarios`);
  // Accounts linked to the directory say so, the break-glass admin's does not.
  await expect(page.getByTestId("user-maria.directorio@quito.gob.ec")).toContainText("Directorio");
  await expect(page.getByTestId(`user-${admin.email}`)).not.toContainText("Directorio");
  await page.context().close();
});

test("cerrar sesión también termina la sesión del directorio (cierre iniciado por el portal)", async ({ browser }) => {
  const page = await freshPage(browser);
  await throughDirectory(page, provisioning, "maria-sso");
  await expect(page).toHaveURL(`${provisioning.url}/`);
  await page.getByText("María Directorio").first().click();
  // Her password is the directory's: the portal offers no change of it.
  await expect(page.getByRole("link", { name: "Cambiar contraseña" })).toHaveCount(0);
  // The ID token is kept with the session, sealed, for the logout's hint.
  const [stored] = await query<{ idToken: string | null }>(
    `SELECT s."idToken" FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1 ORDER BY s."createdAt" DESC LIMIT 1`,
    ["maria.directorio@quito.gob.ec"],
  );
  expect(stored?.idToken).toMatch(/^v1:/);
  expect(stored?.idToken).not.toContain("eyJ");
  const endSession = page.waitForRequest((request) => request.url().startsWith(`${directory.issuer}/session/end`));
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  const hint = new URL((await endSession).url()).searchParams.get("id_token_hint");
  expect(hint?.split(".")).toHaveLength(3);
  await expect(page).toHaveURL(new RegExp(`^${directory.issuer}/session/end`));
  await page.getByRole("button", { name: /yes/i }).click();
  await expect(page).toHaveURL(`${provisioning.url}/login`);
  // The directory forgot her too: the next sign-in asks for her login again.
  await page.getByRole("button", { name: BUTTON }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.context().close();
});
