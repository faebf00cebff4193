import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("cada respuesta lleva las cabeceras de seguridad; la CSP de producción no permite unsafe-eval", async ({ page, request }) => {
  for (const path of ["/login", "/api/health", "/icon.svg"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
  const login = await request.get("/login");
  const csp = login.headers()["content-security-policy"]!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp).not.toContain("unsafe-eval");

  await signIn(page, "viewer");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });
});
