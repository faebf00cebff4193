import { describe, expect, it } from "vitest";
import { foldChars, foldText, highlight, searchTerms } from "@/lib/text/search-text";

describe("texto de búsqueda", () => {
  it("foldChars quita mayúsculas y tildes sin cambiar la longitud, así las posiciones valen en el original", () => {
    for (const text of ["Articulación MANCOMUNIDADES", "Ñandú · Niñez – «Quitumbe»", "Emoji 😀 y İstanbul"]) {
      expect(foldChars(text)).toHaveLength(text.length);
    }
    expect(foldChars("Articulación MANCOMUNIDADES")).toBe("articulacion mancomunidades");
    expect(foldChars("Ñandú")).toBe("nandu");
  });

  it("lo guardado y lo buscado se pliegan igual: «articulacion» encuentra «Articulación»", () => {
    const [term] = searchTerms("ARTICULACION");
    expect(foldText("  Articulación\n del   territorio ")).toContain(term);
  });

  it("resalta en el texto original, con sus tildes, lo que coincide con cada término", () => {
    expect(highlight("Convenio de Articulación con MANCOMUNIDADES", ["articulacion", "mancomunidad"])).toEqual([
      { text: "Convenio de ", match: false },
      { text: "Articulación", match: true },
      { text: " con ", match: false },
      { text: "MANCOMUNIDAD", match: true },
      { text: "ES", match: false },
    ]);
  });

  it("un texto con tildes descompuestas (o + ◌́, como llega a veces de un PDF o de otro sistema) también se resalta", () => {
    expect(highlight("Articulacio\u0301n territorial", ["articulacion"])).toEqual([
      { text: "Articulación", match: true },
      { text: " territorial", match: false },
    ]);
    expect(foldText("Articulacio\u0301n")).toBe("articulacion");
  });
});
