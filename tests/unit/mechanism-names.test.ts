import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/text/slugify";
import { canonicalMechanismName, normalizeMechanismCell, UnknownMechanismError } from "@/lib/matrix/mechanism-names";

describe("celdas de mecanismos del documento", () => {
  // Cells copied from the matrix, with the names they must give.
  it.each([
    ["Acuerdos, convenios", ["Acuerdos", "Convenios"]],
    ["Convenios y Alianzas estratégicas", ["Convenios", "Alianzas estratégicas"]],
    ["Alianzas Estratégicas y Convenios", ["Alianzas estratégicas", "Convenios"]],
    ["Convenios o Cartas de intención o acuerdos", ["Convenios", "Cartas de intención", "Acuerdos"]],
    [
      "Alianzas Estratégicas Convenios Acuerdos Cartas de intención",
      ["Alianzas estratégicas", "Convenios", "Acuerdos", "Cartas de intención"],
    ],
    ["Alianza estratégica, acuerdos, convenios", ["Alianzas estratégicas", "Acuerdos", "Convenios"]],
    [
      "Alianzas estratégicas Convenios Convenios de delegación Acuerdos Alianzas Público-Privadas",
      ["Alianzas estratégicas", "Convenios", "Convenios de delegación", "Acuerdos", "Alianzas público-privadas"],
    ],
    [
      "Alianzas Público Privadas Alianzas estratégicas Reuniones bilaterales Convenios Consortios Acuerdos",
      ["Alianzas público-privadas", "Alianzas estratégicas", "Reuniones bilaterales", "Convenios", "Consorcios", "Acuerdos"],
    ],
    [
      "<p>Alianzas estratégicas</p> <p>Convenios</p> <p>Consorcios</p> <p>Mancomunidades</p> <p>Convenios de delegación</p> <p>Acuerdos</p> <p>Alianzas Público Privadas</p> <p>Reuniones bilaterales</p>",
      [
        "Alianzas estratégicas",
        "Convenios",
        "Consorcios",
        "Mancomunidades",
        "Convenios de delegación",
        "Acuerdos",
        "Alianzas público-privadas",
        "Reuniones bilaterales",
      ],
    ],
    [
      "Convenios Sociedades Mancomunidades Convenios de delegación Acuerdos",
      ["Convenios", "Sociedades", "Mancomunidades", "Convenios de delegación", "Acuerdos"],
    ],
    [
      "Alianzas Público Privadas Alianzas estratégicas Convenios Fideicomisos",
      ["Alianzas público-privadas", "Alianzas estratégicas", "Convenios", "Fideicomisos"],
    ],
    ["Mesas técnicas permanentes Convenios Acuerdos", ["Mesas técnicas permanentes", "Convenios", "Acuerdos"]],
    ["Acuerdo, convenios, acta de reuniones", ["Acuerdos", "Convenios", "Actas de reunión"]],
    ["Cartas de intención y acuerdos.", ["Cartas de intención", "Acuerdos"]],
    ["Contrato Convenios", ["Contratos", "Convenios"]],
    ["Consultoría", ["Consultorías"]],
    ["Contratación", ["Contrataciones"]],
    ["Estrategia", ["Estrategias"]],
    ["Capacitaciones", ["Capacitaciones"]],
    ["Otros", ["Otros"]],
    ["Convenios\nReuniones bilaterales", ["Convenios", "Reuniones bilaterales"]],
  ])("«%s»", (cell, expected) => {
    expect(normalizeMechanismCell(cell).names).toEqual(expected);
  });

  it("la lista de la nota ² da exactamente los diez nombres canónicos", () => {
    const footnote =
      "Alianzas estratégicas, convenios, consorcios, mancomunidades, convenios de delegación, acuerdos, alianzas público-privadas, reuniones bilaterales, cartas de intención y otros.";
    expect(normalizeMechanismCell(footnote)).toEqual({
      names: [
        "Alianzas estratégicas",
        "Convenios",
        "Consorcios",
        "Mancomunidades",
        "Convenios de delegación",
        "Acuerdos",
        "Alianzas público-privadas",
        "Reuniones bilaterales",
        "Cartas de intención",
        "Otros",
      ],
      notes: [],
    });
  });

  it("la lista de la introducción, con raya y un nombre repetido", () => {
    const { names, notes } = normalizeMechanismCell(
      "acuerdos, convenios, convenios, convenios de delegación, consorcios, mancomunidades, alianzas público–privadas, alianzas estratégicas, reuniones bilaterales, mesas técnicas permanentes y cartas de intención.",
    );
    expect(names).toEqual([
      "Acuerdos",
      "Convenios",
      "Convenios de delegación",
      "Consorcios",
      "Mancomunidades",
      "Alianzas público-privadas",
      "Alianzas estratégicas",
      "Reuniones bilaterales",
      "Mesas técnicas permanentes",
      "Cartas de intención",
    ]);
    expect(notes).toEqual(["«Convenios» aparece más de una vez en la celda; se cuenta una vez."]);
  });
});

describe("lo que se informa", () => {
  it("mayúsculas, tildes y singular o plural no se informan", () => {
    expect(normalizeMechanismCell("Alianza estratégica, acuerdos, CONVENIO, Alianzas Publico Privadas").notes).toEqual([]);
  });

  it("la errata «Consortios» se lee como «Consorcios»", () => {
    expect(normalizeMechanismCell("Convenios Consortios Cartas de intención")).toEqual({
      names: ["Convenios", "Consorcios", "Cartas de intención"],
      notes: ["«Consortios» se lee como «Consorcios»."],
    });
  });

  it("las mancomunidades con GAD circunvecinos son «Mancomunidades»", () => {
    expect(
      normalizeMechanismCell(
        "Alianzas Estratégicas Convenios Acuerdos Cartas de intención Mancomunidades con Gobiernos Autónomos Descentralizados Circunvecinos Reuniones Bilaterales",
      ),
    ).toEqual({
      names: ["Alianzas estratégicas", "Convenios", "Acuerdos", "Cartas de intención", "Mancomunidades", "Reuniones bilaterales"],
      notes: ["«Mancomunidades con Gobiernos Autónomos Descentralizados Circunvecinos» se lee como «Mancomunidades»."],
    });
  });

  it("un mecanismo repetido en la celda se cuenta una vez", () => {
    expect(normalizeMechanismCell("Convenios y reuniones bilaterales Convenios y reuniones bilaterales")).toEqual({
      names: ["Convenios", "Reuniones bilaterales"],
      notes: [
        "«Convenios» aparece más de una vez en la celda; se cuenta una vez.",
        "«Reuniones bilaterales» aparece más de una vez en la celda; se cuenta una vez.",
      ],
    });
  });

  it("un mecanismo fuera de las listas del documento se conserva y se informa", () => {
    expect(normalizeMechanismCell("Contrato Convenios").notes).toEqual([
      "«Contrato» no figura en la lista de mecanismos del documento (nota ²); se conserva como «Contratos».",
    ]);
  });

  it("una celda vacía no da mecanismos", () => {
    expect(normalizeMechanismCell(" <p></p> ")).toEqual({ names: [], notes: [] });
  });
});

describe("palabras desconocidas", () => {
  it.each([
    ["Convenios Memorandos", "Memorandos"],
    ["Acuerdos, memorandos de entendimiento.", "memorandos"],
    ["Alianzas", "Alianzas"],
    ["Conveniosx", "Conveniosx"],
  ])("«%s» se rechaza señalando «%s»", (cell, fragment) => {
    let error: unknown;
    try {
      normalizeMechanismCell(cell);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownMechanismError);
    expect((error as UnknownMechanismError).fragment).toBe(fragment);
    expect((error as Error).message).toContain(`«${fragment}»`);
  });
});

describe("nombres sueltos y slugs", () => {
  it.each([
    ["ALIANZAS PÚBLICO-PRIVADAS", "Alianzas público-privadas"],
    ["alianza publico privada", "Alianzas público-privadas"],
    ["convenio", "Convenios"],
    ["Convenios de delegacion", "Convenios de delegación"],
    [" Cartas de Intención. ", "Cartas de intención"],
    ["Consortios", "Consorcios"],
    ["Mancomunidades con Gobiernos Autónomos Descentralizados Circunvecinos", "Mancomunidades"],
    ["acta de reuniones", "Actas de reunión"],
  ])("«%s» → «%s»", (raw, name) => {
    expect(canonicalMechanismName(raw)).toBe(name);
  });

  it.each(["Fideicomiso público", "Convenios y acuerdos", "", "Alianzas"])("«%s» no es un mecanismo", (raw) => {
    expect(canonicalMechanismName(raw)).toBeNull();
  });

  it.each([
    ["Alianzas público-privadas", "alianzas-publico-privadas"],
    ["Cartas de intención", "cartas-de-intencion"],
    ["Actas de reunión", "actas-de-reunion"],
    ["Consultorías", "consultorias"],
    ["Mesas técnicas permanentes", "mesas-tecnicas-permanentes"],
    ["  Señal / Ñandú  ", "senal-nandu"],
  ])("«%s» → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
