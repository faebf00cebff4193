import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const root = path.resolve(import.meta.dirname, "../..");

describe("zod habla español", () => {
  it("sus mensajes propios salen en español una vez cargado lib/validation/spanish-zod", async () => {
    const english = z.enum(["a", "b"]).safeParse("c").error?.issues[0]?.message;
    await import("@/lib/validation/spanish-zod");
    const spanish = z.enum(["a", "b"]).safeParse("c").error?.issues[0]?.message;
    expect(english).toMatch(/Invalid option/);
    expect(spanish).toMatch(/Opción inválida/);
    expect(z.string().safeParse(3).error?.issues[0]?.message).toMatch(/Entrada inválida/);
  });

  it.each(["lib/auth/current-user.ts", "lib/actions/form-action.ts", "lib/api/api-handler.ts", "scripts/run.ts"])(
    "%s, una frontera, lo carga",
    (file) => {
      expect(readFileSync(path.join(root, file), "utf8")).toMatch(/^import "@\/lib\/validation\/spanish-zod";$/m);
    },
  );
});
