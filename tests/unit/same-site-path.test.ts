import { describe, expect, it } from "vitest";
import { sameSitePath } from "@/lib/http/same-site-path";

describe("ruta de regreso tras iniciar sesión", () => {
  it("conserva rutas del portal con su consulta", () => {
    expect(sameSitePath("/iniciativas?q=salud&objetivo=1.1")).toBe("/iniciativas?q=salud&objetivo=1.1");
    expect(sameSitePath("/iniciativas/12#seguimiento")).toBe("/iniciativas/12#seguimiento");
  });

  it("rechaza cualquier cosa que un navegador pueda llevar a otro sitio", () => {
    for (const hostile of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/%09/evil.example/../",
      "https://evil.example",
      "javascript:alert(1)",
      "evil.example",
      "",
    ]) {
      const path = sameSitePath(hostile);
      expect(new URL(path, "https://portal.quito.gob.ec").origin, hostile).toBe("https://portal.quito.gob.ec");
    }
    expect(sameSitePath("/\t/evil.example")).toBe("/");
    expect(sameSitePath(["/a", "/b"])).toBe("/");
    expect(sameSitePath(undefined)).toBe("/");
  });
});
