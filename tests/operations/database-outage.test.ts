import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generatePassword } from "@/lib/auth/generate-password";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { PROJECT_ROOT } from "@/lib/project-root";
import { signInOverHttp, startPortalProcess, type PortalProcess } from "@/tests/support/portal-process";
import { createUser } from "@/lib/users/manage-users";
import { formFields, submitForm } from "@/tests/support/html-form";
import { until } from "../support/until";

/**
 * PostgreSQL stops under a running instance, then comes back. A cluster of its
 * own, so stopping it disturbs no other test.
 */
const cluster = {
  dataDir: path.join(PROJECT_ROOT, ".data/test-postgres-outage"),
  port: Number(process.env.TEST_OUTAGE_PG_PORT ?? 54359),
  log: () => {},
};
let postgres: RunningPostgres | null;
let portal: PortalProcess;
let db: Db;
const planner = { email: "planificacion.caida@quito.gob.ec", name: "Pía Caída", role: "PLANNER" as const, password: generatePassword() };

beforeAll(async () => {
  postgres = await startEmbeddedPostgres(cluster);
  await postgres.dropDatabase("caida");
  await postgres.ensureDatabase("caida");
  const url = postgres.urlFor("caida");
  await applyMigrations(url);
  db = createPrismaClient(url);
  await seedMatrixIfEmpty(db);
  await createUser(db, planner, null);
  portal = await startPortalProcess({ port: 3313, env: { DATABASE_URL: url, NEXTAUTH_SECRET: generatePassword(48), LOG_LEVEL: "info" } });
}, 180_000);

afterAll(async () => {
  await portal?.stop();
  await db?.$disconnect();
  await postgres?.stop();
});

const get = (url: string, cookie: string) =>
  fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(15_000) }).then(async (r) => ({
    status: r.status,
    type: r.headers.get("content-type") ?? "",
    body: await r.text(),
  }));

it("con la base detenida responde 503 «servicio no disponible» sin trazas, no escribe nada, y se recupera sin reiniciar", async () => {
  const cookie = await signInOverHttp(portal.url, planner.email, planner.password);
  const page = `${portal.url}/iniciativas/4/seguimiento`;
  const before = await get(page, cookie);
  expect(before.status).toBe(200);
  const form = formFields(before.body, "progress-form");
  const pid = portal.child.pid;

  await postgres!.stop();
  postgres = null;

  const down = await until(
    "503 en la ficha",
    () => get(`${portal.url}/iniciativas/4`, cookie),
    (r) => r.status === 503,
  );
  expect(down.type).toContain("text/html");
  expect(down.body).toContain("Servicio no disponible");
  expect(down.body).toMatch(/Código de solicitud: [\w-]+/);
  for (const leak of ["ECONNREFUSED", "prisma", "Prisma", "    at ", "Error:"]) expect(down.body).not.toContain(leak);

  const api = await get(`${portal.url}/api/v1/initiatives`, cookie);
  expect(api.status).toBe(503);
  expect(JSON.parse(api.body)).toMatchObject({ error: "unavailable" });
  expect((await get(`${portal.url}/api/health`, cookie)).status).toBe(503);

  form.set("note", "Enviado mientras la base de datos estaba detenida.");
  const refused = await submitForm(page, cookie, form);
  expect(refused.status).toBe(503);

  postgres = await startEmbeddedPostgres(cluster);
  const back = await until(
    "200 tras volver la base",
    () => get(`${portal.url}/iniciativas/4`, cookie),
    (r) => r.status === 200,
    60_000,
  );
  expect(back.body).toContain("Objetivos de articulación");
  expect(portal.child.exitCode).toBeNull();
  expect(portal.child.pid).toBe(pid);
  expect((await get(`${portal.url}/api/health`, cookie)).status).toBe(200);
  expect(await db.progressUpdate.count({ where: { initiativeId: 4 } })).toBe(0);

  // And it writes again.
  form.set("note", "Enviado después de la recuperación.");
  const accepted = await submitForm(page, cookie, form);
  expect(accepted.html).toContain("Avance registrado.");
  expect(await db.progressUpdate.count({ where: { initiativeId: 4 } })).toBe(1);
}, 180_000);
