import { describe, expect, it } from "vitest";
import { AppError, EXIT_CODE, HTTP_STATUS } from "@/lib/errors/app-error";
import { problemOf } from "@/lib/http/problem";
import { t } from "@/lib/i18n";

describe("AppError: un tipo de error con código para acciones, API y CLI", () => {
  it("sin mensaje propio dice el del catálogo para su código", () => {
    expect(new AppError("rate_limited").message).toBe(t.appErrors.rate_limited);
    expect(new AppError("conflict", "Otro texto.").message).toBe("Otro texto.");
  });

  it("la API responde con el estado HTTP de su código y nunca más detalle que el mensaje", async () => {
    const response = problemOf(new AppError("too_large", "El archivo supera 10 MB.", { details: { secret: 1 } }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "too_large", message: "El archivo supera 10 MB." });
    expect(problemOf(new AppError("unauthorized")).status).toBe(401);
    expect(problemOf(new AppError("forbidden")).status).toBe(403);
  });

  it("cada código tiene su estado HTTP, su código de salida y su mensaje", () => {
    for (const code of Object.keys(HTTP_STATUS) as (keyof typeof HTTP_STATUS)[]) {
      expect(EXIT_CODE[code], code).toBeGreaterThan(1);
      expect(t.appErrors[code], code).toMatch(/\.$/);
    }
    expect(HTTP_STATUS.not_found).toBe(404);
    expect(EXIT_CODE.not_found).toBe(66);
  });
});
