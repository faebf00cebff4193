import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** Routes reachable without a session, on purpose. Anything else found in app/ must be refused. */
const PUBLIC = [/^\/login$/, /^\/login\/verificacion$/, /^\/api\/auth\//, /^\/api\/health$/];

function sample(segment: string): string {
  if (segment.startsWith("[...") || segment.startsWith("[[...")) return "x";
  if (segment.startsWith("[")) return "1";
  return segment;
}

/** Every page.tsx and route.ts under app/, as a URL with sample values in dynamic segments. */
function discoverRoutes(dir: string, prefix = ""): { url: string; kind: "page" | "api" }[] {
  const found: { url: string; kind: "page" | "api" }[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      const segment = entry.startsWith("(") ? "" : `/${sample(entry)}`;
      found.push(...discoverRoutes(full, prefix + segment));
    } else if (/^page\.tsx?$/.test(entry)) {
      found.push({ url: prefix || "/", kind: "page" });
    } else if (/^route\.tsx?$/.test(entry)) {
      found.push({ url: prefix || "/", kind: "api" });
    }
  }
  return found;
}

const routes = discoverRoutes(path.resolve("app"));

test("se descubren las rutas de la aplicación", () => {
  expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining(["/", "/login", "/admin/usuarios", "/api/health"]));
});

test("sin un ingreso pendiente, el segundo paso devuelve al ingreso y su acción no abre nada", async ({ request }) => {
  const page = await request.get("/login/verificacion", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toMatch(/\/login$/);
  const post = await request.post("/login/verificacion", { form: { code: "123456" }, maxRedirects: 0, failOnStatusCode: false });
  expect(post.headers()["set-cookie"] ?? "").not.toContain("session-token");
});

for (const route of routes.filter((r) => !PUBLIC.some((p) => p.test(r.url)))) {
  test(`sin sesión, ${route.url} no se entrega`, async ({ request }) => {
    for (const method of ["GET", "POST"] as const) {
      const response = await request.fetch(route.url, { method, maxRedirects: 0, failOnStatusCode: false });
      if (route.kind === "page" && method === "GET") {
        expect(response.status(), `${method} ${route.url}`).toBe(307);
        expect(response.headers().location).toContain("/login?callbackUrl=");
      } else {
        expect([307, 401, 403, 405], `${method} ${route.url}`).toContain(response.status());
        expect(await response.text()).not.toMatch(/"data"|Estrategia de espacios saludables|@quito\.gob\.ec/);
      }
    }
  });
}
