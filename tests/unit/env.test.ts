import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, env, secureCookies } from "@/lib/config";

const saved = { ...process.env };
const vars = process.env as Record<string, string | undefined>;
afterEach(() => {
  for (const key of ["PORT", "AUTH_INSECURE_COOKIES", "SESSION_IDLE_MINUTES", "HOST", "NODE_ENV"]) {
    if (saved[key] === undefined) delete process.env[key];
    else vars[key] = saved[key];
  }
});

describe("el entorno tipado", () => {
  it("da los valores por omisión con su tipo", () => {
    delete process.env.PORT;
    delete process.env.HOST;
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe("0.0.0.0");
    expect(env.AUTH_INSECURE_COOKIES).toBe(false);
  });

  it("lee la variable cuando se usa, no cuando se carga el módulo", () => {
    process.env.PORT = "4100";
    process.env.HOST = "127.0.0.1";
    expect(env.PORT).toBe(4100);
    expect(env.HOST).toBe("127.0.0.1");
  });

  it("nombra la variable con un valor inutilizable", () => {
    process.env.SESSION_IDLE_MINUTES = "media hora";
    expect(() => env.SESSION_IDLE_MINUTES).toThrow(ConfigError);
    expect(() => env.SESSION_IDLE_MINUTES).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it("marca las cookies Secure en producción salvo AUTH_INSECURE_COOKIES=1", () => {
    vars.NODE_ENV = "production";
    expect(secureCookies()).toBe(true);
    process.env.AUTH_INSECURE_COOKIES = "1";
    expect(secureCookies()).toBe(false);
    vars.NODE_ENV = "test";
    delete process.env.AUTH_INSECURE_COOKIES;
    expect(secureCookies()).toBe(false);
  });
});
