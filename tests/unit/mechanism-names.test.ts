import { describe, expect, it } from "vitest";
import { canonicalMechanismName, normalizeMechanismCell, slugifyMechanism } from "@/lib/matrix/mechanism-names";

describe("celdas de mecanismos", () => {
  it.each([
    ["Acuerdos, convenios", ["Acuerdos", "Convenios"]],
    ["Convenios y Alianzas estratégicas", ["Convenios", "Alianzas estratégicas"]],
    ["Convenios o Cartas de intención o acuerdos", ["Convenios", "Cartas de intención", "Acuerdos"]],
    ["Alianzas Estratégicas Convenios Acuerdos Cartas de intención", ["Alianzas estratégicas", "Convenios", "Acuerdos", "Cartas de intención"]],
    ["Alianza estratégica, acuerdos, convenios", ["Alianzas estratégicas", "Acuerdos", "Convenios"]],
    ["<p>Alianzas estratégicas</p> <p>Convenios de delegación</p> <p>Alianzas Público Privadas</p>", ["Alianzas estratégicas", "Convenios de delegación", "Alianzas público-privadas"]],
    ["Alianzas Público-Privadas", ["Alianzas público-privadas"]],
    ["Acuerdo, convenios, acta de reuniones", ["Acuerdos", "Convenios", "Actas de reunión"]],
    ["Cartas de intención y acuerdos.", ["Cartas de intención", "Acuerdos"]],
    ["Convenios\nReuniones bilaterales", ["Convenios", "Reuniones bilaterales"]],
  ])("«%s»", (cell, expected) => {
    expect(normalizeMechanismCell(cell).names).toEqual(expected);
  });

  it("corrige la errata «Consortios» y lo informa", () => {
    const { names, notes } = normalizeMechanismCell("Convenios Consortios Cartas de intención");
    expect(names).toEqual(["Convenios", "Consorcios", "Cartas de intención"]);
    expect(notes.join()).toContain("«Consortios» se normalizó como «Consorcios»");
  });

  it("las mancomunidades con GAD circunvecinos son mancomunidades, y se informa", () => {
    const { names, notes } = normalizeMechanismCell("Mancomunidades con Gobiernos Autónomos Descentralizados Circunvecinos Reuniones Bilaterales");
    expect(names).toEqual(["Mancomunidades", "Reuniones bilaterales"]);
    expect(notes).toHaveLength(1);
  });

  it("cuenta una sola vez un mecanismo repetido en la celda", () => {
    expect(normalizeMechanismCell("Convenios y reuniones bilaterales Convenios y reuniones bilaterales").names).toEqual([
      "Convenios",
      "Reuniones bilaterales",
    ]);
  });

  it("conserva, sin perderlas, las palabras fuera del vocabulario", () => {
    const { names, notes } = normalizeMechanismCell("Contrato Convenios");
    expect(names).toEqual(["Contrato", "Convenios"]);
    expect(notes[0]).toContain("«Contrato»");
  });

  it("reconoce nombres sueltos y genera slugs ASCII", () => {
    expect(canonicalMechanismName("ALIANZAS PÚBLICO-PRIVADAS")).toBe("Alianzas público-privadas");
    expect(canonicalMechanismName("convenio")).toBe("Convenios");
    expect(canonicalMechanismName("Convenios de delegacion")).toBe("Convenios de delegación");
    expect(canonicalMechanismName("Fideicomisos")).toBeNull();
    expect(slugifyMechanism("Alianzas público-privadas")).toBe("alianzas-publico-privadas");
    expect(slugifyMechanism("Cartas de intención")).toBe("cartas-de-intencion");
  });
});
