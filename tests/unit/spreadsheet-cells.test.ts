import { describe, expect, it } from "vitest";
import { neutralizeFormula, parseCsv, toCsv } from "@/lib/export/spreadsheet-cells";

describe("celdas de hoja de cálculo", () => {
  it.each(["=1+1", "+5", "-2", "@SUMA(A1)", "\t=x", "\r=x"])("neutraliza «%s» como fórmula", (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });

  it("deja intacto el texto normal, acentos incluidos", () => {
    expect(neutralizeFormula("Articulación con GAD")).toBe("Articulación con GAD");
  });

  it("escribe CSV con BOM, punto y coma y comillas donde hacen falta, y lo vuelve a leer igual", () => {
    const rows = [
      [1, "Iniciativa; con punto y coma", 'Dice "hola"\nen dos líneas'],
      [2, '=HYPERLINK("x")', null],
    ];
    const csv = toCsv(["Id", "Nombre", "Texto"], rows);
    expect(csv.startsWith("\uFEFFId;Nombre;Texto\r\n")).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ["Id", "Nombre", "Texto"],
      ["1", "Iniciativa; con punto y coma", 'Dice "hola"\nen dos líneas'],
      ["2", '\'=HYPERLINK("x")', ""],
    ]);
  });
});
