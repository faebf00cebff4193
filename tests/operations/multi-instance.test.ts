import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePassword } from "@/lib/auth/generate-password";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { signInOverHttp, signOutOverHttp, startPortalProcess, type PortalProcess } from "@/tests/support/portal-process";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { formFields, submitForm } from "@/tests/support/html-form";

/**
 * Two production instances (`npm start`) on two ports, one PostgreSQL: what a
 * load balancer may do to a user between two clicks must not matter.
 */
let database: TestDatabase;
let a: PortalProcess;
let b: PortalProcess;
const secret = generatePassword(48);
const planner = {
  email: "planificacion.instancias@quito.gob.ec",
  name: "Paula Instancias",
  role: "PLANNER" as const,
  password: generatePassword(),
};
const target = { email: "bloqueo.instancias@quito.gob.ec", name: "Bruno Bloqueo", role: "VIEWER" as const, password: generatePassword() };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedMatrixIfEmpty(database.db);
  await createUser(database.db, planner, null);
  await createUser(database.db, target, null);
  const env = { DATABASE_URL: database.url, NEXTAUTH_SECRET: secret, LOG_LEVEL: "info" };
  // A runs two worker processes on its port (WEB_CONCURRENCY), as on a machine with several cores.
  [a, b] = await Promise.all([
    startPortalProcess({ port: 3311, env: { ...env, WEB_CONCURRENCY: "2" } }),
    startPortalProcess({ port: 3312, env }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

async function attemptSignIn(base: string, email: string, password: string, headers?: Record<string, string>): Promise<boolean> {
  try {
    await signInOverHttp(base, email, password, headers);
    return true;
  } catch {
    return false;
  }
}

describe("dos instancias, una base de datos", () => {
  it("una sesión iniciada en una instancia vale en la otra, y cerrarla en una la cierra en ambas", async () => {
    const cookie = await signInOverHttp(a.url, planner.email, planner.password);
    const onB = await fetch(`${b.url}/iniciativas`, { headers: { cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("114 iniciativas");

    const signOut = await signOutOverHttp(b.url, cookie);
    expect(signOut.status).toBeLessThan(400);
    // The old cookie still carries a valid signature: only the revoked session row refuses it.
    const apiOnA = await fetch(`${a.url}/api/v1/initiatives`, { headers: { cookie } });
    expect(apiOnA.status).toBe(401);
    const pageOnA = await fetch(`${a.url}/iniciativas`, { headers: { cookie }, redirect: "manual" });
    expect(pageOnA.status).toBe(307);
    expect(pageOnA.headers.get("location")).toContain("/login?callbackUrl=%2Finiciativas");
    expect(await pageOnA.text()).not.toContain("114 iniciativas");
  });

  it("los intentos fallidos se cuentan sumando ambas instancias", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await attemptSignIn(attempt % 2 === 0 ? a.url : b.url, target.email, "clave-equivocada")).toBe(false);
    }
    // Both instances see one address: the lock of this account from it is one row, counted across them.
    const row = await database.db.loginThrottle.findUniqueOrThrow({ where: { key: `account-address:${target.email}|127.0.0.1` } });
    expect(row.failures).toBe(5);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Locked on both, even with the right password.
    expect(await attemptSignIn(a.url, target.email, target.password)).toBe(false);
    expect(await attemptSignIn(b.url, target.email, target.password)).toBe(false);
  }, 120_000);

  it("la dirección del cliente es la de la conexión: un X-Forwarded-For inventado no cambia la auditoría ni esquiva el límite por dirección", async () => {
    const email = "nadie.direcciones@quito.gob.ec";
    for (let n = 0; n < 3; n++) {
      expect(
        await attemptSignIn(n % 2 === 0 ? a.url : b.url, email, "clave-equivocada", {
          "x-forwarded-for": `203.0.113.${n}`,
          "x-real-ip": "203.0.113.99",
        }),
      ).toBe(false);
    }
    // Repeated failures within a minute share one audit row and its tally (lib/audit/record-event.ts).
    const events = await database.db.auditEvent.findMany({
      where: { action: "auth.signin.failure", userEmail: email },
      include: { tally: true },
    });
    expect([...new Set(events.map((e) => e.ip))]).toEqual(["127.0.0.1"]);
    expect(events.reduce((sum, e) => sum + (e.tally?.count ?? 1), 0)).toBe(3);
    const keys = (await database.db.loginThrottle.findMany({ where: { key: { startsWith: "address:" } } })).map((row) => row.key);
    expect(keys).toContain("address:127.0.0.1");
    expect(keys.filter((key) => key.includes("203.0.113"))).toEqual([]);
    // Behind a balancer this would lock everyone out together: the log says which setting is missing.
    await new Promise((r) => setTimeout(r, 200));
    expect([...a.output, ...b.output].join("\n")).toContain("TRUSTED_PROXY_HOPS is 0");
  }, 60_000);

  it("una contraseña temporal solo sirve para cambiarla: la API y las acciones la rechazan, las páginas llevan al cambio", async () => {
    const { generatedPassword } = await createUser(
      database.db,
      // Not ADMIN: administration's sign-in also needs a second factor, which plain HTTP here does not give.
      { email: "temporal.instancias@quito.gob.ec", name: "Tomás Temporal", role: "PLANNER" },
      null,
    );
    const cookie = await signInOverHttp(b.url, "temporal.instancias@quito.gob.ec", generatedPassword!);
    const api = await fetch(`${a.url}/api/v1/initiatives`, { headers: { cookie } });
    expect(api.status).toBe(403);
    expect(JSON.stringify(await api.json())).toContain("contraseña temporal");
    const exported = await fetch(`${a.url}/iniciativas/exportar?formato=csv`, { headers: { cookie } });
    expect(exported.status).toBe(403);
    const page = await (await fetch(`${a.url}/iniciativas`, { headers: { cookie }, redirect: "manual" })).text();
    expect(page).toContain("/cuenta/contrasena");
    expect(page).not.toContain("114 iniciativas");
    const form = await fetch(`${a.url}/cuenta/contrasena`, { headers: { cookie } });
    expect(form.status).toBe(200);
  }, 60_000);

  it("un guardado viejo por una instancia después de otro por la otra se rechaza como conflicto", async () => {
    const cookie = await signInOverHttp(a.url, planner.email, planner.password);
    const page = "/iniciativas/3/seguimiento";
    const formOnA = formFields(await (await fetch(`${a.url}${page}`, { headers: { cookie } })).text(), "progress-form");
    const formOnB = formFields(await (await fetch(`${b.url}${page}`, { headers: { cookie } })).text(), "progress-form");
    expect(formOnA.get("trackingVersion")).toBe(formOnB.get("trackingVersion"));

    formOnA.set("note", "Avance guardado por la instancia A.");
    formOnA.set("progress", "30");
    const first = await submitForm(`${a.url}${page}`, cookie, formOnA);
    expect(first.status).toBe(200);
    expect(first.html).toContain("Avance registrado.");

    // No cache: the other instance shows the change on its very next read.
    const detailOnB = await (await fetch(`${b.url}/iniciativas/3`, { headers: { cookie } })).text();
    expect(detailOnB).toContain("Avance guardado por la instancia A.");

    formOnB.set("note", "Avance viejo enviado por la instancia B.");
    formOnB.set("progress", "90");
    const stale = await submitForm(`${b.url}${page}`, cookie, formOnB);
    expect(stale.html).toContain("Otra persona modificó");
    expect(stale.html).toContain("Avance viejo enviado por la instancia B.");

    const updates = await database.db.progressUpdate.findMany({ where: { initiativeId: 3 } });
    expect(updates.map((u) => u.note)).toEqual(["Avance guardado por la instancia A."]);
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: 3 } })).progress).toBe(30);
  });

  it("cada solicitud deja una línea JSON con su código y el usuario, sin contraseñas", async () => {
    const cookie = await signInOverHttp(b.url, planner.email, planner.password);
    // With no balancer of ours in front (TRUSTED_PROXY_HOPS=0) a client's own id is not taken: it could pass for another request.
    const response = await fetch(`${b.url}/iniciativas/5`, { headers: { cookie, "x-request-id": "prueba-registro-0001" } });
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(response.headers.get("x-pmdot-user-id")).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    const line = b.output.map((l) => (l.startsWith("{") ? JSON.parse(l) : null)).find((entry) => entry?.requestId === requestId);
    const user = await database.db.user.findUniqueOrThrow({ where: { email: planner.email } });
    expect(line).toMatchObject({ method: "GET", path: "/iniciativas/5", status: 200, userId: user.id, msg: "request" });
    const everything = [...a.output, ...b.output].join("\n");
    expect(everything).not.toContain(planner.password);
    expect(everything).not.toContain(target.password);
    expect(everything).not.toContain("clave-equivocada");
  });

  it("SIGTERM deja terminar las solicitudes en curso, deja de aceptar conexiones y sale con 0", async () => {
    const cookie = await signInOverHttp(a.url, planner.email, planner.password);
    const inFlight = Array.from({ length: 8 }, (_, i) =>
      fetch(`${a.url}/iniciativas?pagina=${(i % 4) + 1}`, { headers: { cookie } }).then(async (r) => ({
        status: r.status,
        body: await r.text(),
      })),
    );
    await new Promise((r) => setTimeout(r, 150));
    const exitCode = a.stop("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    // Draining: the balancer's health check fails at once, while requests are still served.
    expect((await fetch(`${a.url}/api/health`)).status).toBe(503);
    const answers = await Promise.all(inFlight);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toContain("</html>");
    }
    expect(await exitCode).toBe(0);
    await expect(fetch(`${a.url}/api/health`)).rejects.toThrow();
    const log = a.output.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
    expect(log.some((entry) => entry.msg === "shutting down: no new connections, finishing requests in flight")).toBe(true);
    expect(log.at(-1).msg).toBe("stopped");
    // The other instance carries on.
    expect((await fetch(`${b.url}/api/health`)).status).toBe(200);
  });
});
