import { describe, expect, it } from "vitest";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { unmatchedFilters, withoutFilters, type FilterOptions } from "@/lib/initiatives/unmatched-filters";

const options: FilterOptions = {
  developmentObjectives: [{ code: "1", title: "Uno" }],
  managementObjectives: [{ code: "1.1", title: "Uno uno", developmentObjectiveCode: "1" }],
  mechanisms: [{ name: "Convenios", slug: "convenios" }],
  secretariats: [{ name: "Secretaría de Salud", slug: "salud" }],
};

describe("filtros de la dirección que ninguna opción ofrece", () => {
  it("se nombran los que no existen, y «ninguna» responsable sí es una opción", () => {
    const { query } = parseInitiativeQuery({
      desarrollo: "7",
      objetivo: ["1.1", "9.9"],
      mecanismo: ["convenios", "bar"],
      responsable: ["ninguna", "nadie"],
      q: "agua",
    });
    expect(unmatchedFilters(query, options)).toEqual([
      { parameter: "desarrollo", value: "7" },
      { parameter: "objetivo", value: "9.9" },
      { parameter: "mecanismo", value: "bar" },
      { parameter: "responsable", value: "nadie" },
    ]);
  });

  it("quitarlos deja los demás filtros como estaban", () => {
    const { query } = parseInitiativeQuery({ objetivo: ["1.1", "9.9"], mecanismo: ["bar"], q: "agua", orden: "nombre" });
    const clean = withoutFilters(query, unmatchedFilters(query, options));
    expect(clean).toMatchObject({ objetivo: ["1.1"], mecanismo: [], q: "agua", orden: "nombre" });
    expect(unmatchedFilters(clean, options)).toEqual([]);
  });
});
