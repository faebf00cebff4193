import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkProductionConfig } from "@/lib/config";

const base = { NODE_ENV: "production", DATABASE_URL: "postgresql://portal@db/matriz" } as const;

describe("configuración de producción: el secreto de sesión", () => {
  it("rechaza secretos largos pero predecibles", () => {
    for (const secret of ["a".repeat(32), "abcd".repeat(8), "abcdefgh".repeat(4), "0123456789".repeat(4)]) {
      const problems = checkProductionConfig({ ...base, NEXTAUTH_SECRET: secret });
      expect(problems.join(" "), secret).toContain("predecible");
    }
  });

  it("acepta secretos aleatorios de 32 caracteres o más, en hex o base64", () => {
    for (let i = 0; i < 200; i++) {
      for (const secret of [randomBytes(16).toString("hex"), randomBytes(24).toString("base64"), randomBytes(48).toString("base64")]) {
        expect(checkProductionConfig({ ...base, NEXTAUTH_SECRET: secret }), secret).toEqual([]);
      }
    }
  });
});
