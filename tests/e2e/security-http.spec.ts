import net from "node:net";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInOverHttp, signOutOverHttp } from "../support/portal-process";
import { query } from "./support/db";
import { createThrowawayAccount } from "./support/users";

const base = () => `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/** What /api/auth/session answers a cookie header: the body, and the session cookies it sets (name=value). */
async function sessionAnswer(cookie?: string) {
  const response = await fetch(`${base()}/api/auth/session`, { headers: cookie ? { cookie } : {} });
  const issued = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((pair) => pair.includes("next-auth.session-token") && !pair.endsWith("="));
  return { body: (await response.json()) as { user?: { email?: string } }, issued };
}

test.describe("/api/auth/session aplica la misma comprobación que las páginas", () => {
  test("sin sesión no hay datos", async () => {
    expect(await sessionAnswer()).toEqual({ body: {}, issued: [] });
  });

  const cases: [string, (userId: number, cookie: string) => Promise<unknown>][] = [
    [
      "cerrada con «Cerrar sesión»",
      async (_id, cookie) => {
        const response = await signOutOverHttp(base(), cookie);
        expect(response.status).toBeLessThan(400);
      },
    ],
    ["revocada", (id) => query(`UPDATE "UserSession" SET "revokedAt" = now() WHERE "userId" = $1`, [id])],
    [
      "inactiva más de 30 minutos",
      (id) => query(`UPDATE "UserSession" SET "lastSeenAt" = now() - interval '31 minutes' WHERE "userId" = $1`, [id]),
    ],
    ["de un usuario desactivado", (id) => query(`UPDATE "User" SET active = false WHERE id = $1`, [id])],
  ];
  for (const [name, end] of cases) {
    test(`una sesión ${name} no da nombre ni correo, ni una cookie nueva`, async () => {
      const account = await createThrowawayAccount("sesion-api");
      const cookie = await signInOverHttp(base(), account.email, account.password);
      const live = await sessionAnswer(cookie);
      expect(live.body.user?.email).toBe(account.email);
      await end(account.id, cookie);
      expect(await sessionAnswer(cookie)).toEqual({ body: {}, issued: [] });
    });
  }

  test("leer la sesión no la mantiene viva", async () => {
    const account = await createThrowawayAccount("sesion-lectura");
    const cookie = await signInOverHttp(base(), account.email, account.password);
    await query(`UPDATE "UserSession" SET "lastSeenAt" = now() - interval '20 minutes' WHERE "userId" = $1`, [account.id]);
    await sessionAnswer(cookie);
    const [row] = await query<{ idle: number }>(
      `SELECT extract(epoch FROM now() - "lastSeenAt")::int AS idle FROM "UserSession" WHERE "userId" = $1`,
      [account.id],
    );
    expect(row!.idle).toBeGreaterThanOrEqual(19 * 60);
  });
});

/** Sends only the headers and the first bytes of a body announced as `announced` bytes, and reads the answer. */
function partialUpload(path: string, announced: number | "chunked", headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const { port } = new URL(base());
    const socket = net.connect(Number(port), "127.0.0.1");
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("error", reject);
    // The server ends the connection once its answer is out, without waiting for the rest of the body.
    socket.on("end", () => {
      const [head = "", ...rest] = received.split("\r\n\r\n");
      resolve({ status: Number(head.split(" ")[1]), text: rest.join("\r\n\r\n") });
      socket.destroy();
    });
    const lines = [
      `POST ${path} HTTP/1.1`,
      "Host: 127.0.0.1",
      "Content-Type: multipart/form-data; boundary=x",
      announced === "chunked" ? "Transfer-Encoding: chunked" : `Content-Length: ${announced}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.write(`${lines.join("\r\n")}\r\n\r\n`);
    // Never the whole body: an answer proves the server did not wait for it.
    socket.write(announced === "chunked" ? `10000\r\n${"a".repeat(64 * 1024)}\r\n` : Buffer.alloc(64 * 1024, 0x61));
    setTimeout(() => socket.destroy(new Error("sin respuesta antes de enviar el cuerpo entero")), 15_000).unref();
  });
}

test.describe("cargas de más de 5 MB", () => {
  for (const mb of [7, 20]) {
    test(`un cuerpo de ${mb} MB se rechaza con 413 y «El archivo supera 5 MB» antes de leerlo`, async () => {
      const page = await partialUpload("/admin/importar", mb * 1024 * 1024);
      expect(page.status).toBe(413);
      expect(page.text).toContain("El archivo supera 5 MB.");
      expect(page.text).toContain('lang="es-EC"');
      const api = await partialUpload("/api/v1/initiatives", mb * 1024 * 1024);
      expect(api.status).toBe(413);
      expect(JSON.parse(api.text)).toMatchObject({ error: "payload_too_large", message: "El archivo supera 5 MB." });
    });
  }
});

test("un cuerpo por partes sin tamaño declarado se rechaza con 411 en español, sin leerlo", async () => {
  const page = await partialUpload("/admin/importar", "chunked");
  expect(page.status).toBe(411);
  expect(page.text).toContain("debe declarar su tamaño");
  expect(page.text).toContain('lang="es-EC"');
  const api = await partialUpload("/api/v1/initiatives", "chunked");
  expect(api.status).toBe(411);
  expect(JSON.parse(api.text)).toMatchObject({ error: "length_required" });
});

test("una codificación «%» mal formada en la ruta da 400 en español, en JSON bajo /api/", async () => {
  const page = await fetch(`${base()}/iniciativas/%E0%A4%A`);
  expect(page.status).toBe(400);
  const html = await page.text();
  expect(html).toContain('lang="es-EC"');
  expect(html).toContain("Solicitud inválida");
  const api = await fetch(`${base()}/api/v1/initiatives/%E0%A4%A`);
  expect(api.status).toBe(400);
  expect(await api.json()).toMatchObject({ error: "bad_request", message: expect.stringContaining("mal escrita") });
});

test.describe("nada de next-auth en inglés, ni versiones, ni optimizador de imágenes", () => {
  test("cada página de next-auth lleva a una página propia en español", async () => {
    const expectations: [string, RegExp][] = [
      ["/api/auth/signin", /^\/login\?callbackUrl=/],
      ["/api/auth/signout", /^\/salir$/],
      ["/api/auth/error?error=Configuration", /^\/login\?error=Configuration$/],
      ["/api/auth/verify-request", /^\/login$/],
    ];
    for (const [path, target] of expectations) {
      const response = await fetch(`${base()}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(302);
      const location = new URL(response.headers.get("location")!, base());
      expect(location.pathname + location.search, path).toMatch(target);
      expect(await response.text(), path).not.toMatch(/Sign (in|out)|Are you sure/);
    }
  });

  test("ni las cabeceras ni el JavaScript público dicen la versión de Next", async () => {
    const { version } = JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string };
    const login = await fetch(`${base()}/login`);
    expect(login.headers.get("x-powered-by")).toBeNull();
    const html = await login.text();
    const scripts = [...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(html).not.toContain(version);
    for (const src of scripts) expect(await (await fetch(`${base()}${src}`)).text(), src).not.toContain(version);
  });

  test("/_next/image no responde", async () => {
    const response = await fetch(`${base()}/_next/image?url=%2Ficon.svg&w=64&q=75`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type") ?? "").not.toMatch(/^image\//);
  });
});
