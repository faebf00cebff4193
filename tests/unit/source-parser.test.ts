import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MatrixSourceError, parseMatrixSource, type ParsedMatrix } from "@/lib/matrix/source-parser";

const SOURCE = readFileSync("seeds/apendice-12-insercion-estrategica.txt", "utf8");
const HEADER = "Objetivos del Desarrollo\tObjetivos de Gestión\tIniciativas\tObjetivo de Articulación\tMecanismos de Articulación";
const row = (...cells: string[]) => cells.join("\t");
const table = (...lines: string[]) => ["Anexo 1", "", HEADER, ...lines].join("\n");

const perObjective = (parsed: ParsedMatrix) =>
  parsed.initiatives.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.managementObjectiveCode]: (acc[i.managementObjectiveCode] ?? 0) + 1 }), {});

describe("el documento completo", () => {
  const parsed = parseMatrixSource(SOURCE);

  it("reproduce las iniciativas por objetivo de gestión que declara la introducción", () => {
    expect(perObjective(parsed)).toEqual({ "1.1": 36, "1.2": 24, "2.1": 5, "2.2": 12, "2.3": 11, "2.4": 8, "2.5": 6, "3.1": 9, "3.2": 2, "3.3": 1 });
    expect(parsed.initiatives).toHaveLength(114);
    expect(parsed.developmentObjectives.map((o) => o.code)).toEqual(["1", "2", "3"]);
    expect(parsed.initiatives.flatMap((i) => i.articulationObjectives)).toHaveLength(125);
  });

  it("conserva nombres y objetivos palabra por palabra", () => {
    const first = parsed.initiatives[0]!;
    expect(first).toMatchObject({ name: "Estrategia de espacios saludables", managementObjectiveCode: "1.1", source: { line: 61, page: 1 } });
    expect(first.articulationObjectives[0]).toMatchObject({ text: "Promover espacios y prácticas saludables adecuadas.", mechanisms: ["Acuerdos"] });
    expect(parsed.developmentObjectives[0]!.title).toBe(
      "Mejorar la calidad de vida e incrementar el bienestar de la población, con justicia, igualdad y equidad; mediante la generación de oportunidades y de fuentes de trabajo digno, de la reducción de brechas y el combate a la exclusión.",
    );
    const last = parsed.initiatives.at(-1)!;
    expect(last.name).toBe("Plan estratégico de acción de Gobierno abierto del GADDMQ");
    expect(last.articulationObjectives[0]!.mechanisms).toEqual(["Cartas de intención", "Acuerdos"]);
  });

  it("une lo que el salto de página partió: el título de 3.2 y un objetivo de articulación", () => {
    const objective32 = parsed.managementObjectives.find((o) => o.code === "3.2")!;
    expect(objective32.title).toBe(
      "Potenciar el rol activo, articulado y cooperativo de los actores sociales y territoriales para la toma de decisiones y la gestión de los conflictos",
    );
    const institutional = parsed.initiatives.find((i) => i.name === "Fortalecimiento de la capacidad institucional")!;
    expect(institutional.articulationObjectives).toHaveLength(1);
    expect(institutional.articulationObjectives[0]!.text).toMatch(/preparación, respuesta, recuperación y reconstrucción luego de la ocurrencia/);
    expect(institutional.articulationObjectives[0]!.mechanisms).toContain("Mancomunidades");
  });

  it("lee las filas desplazadas a la izquierda como iniciativa, objetivo y mecanismos", () => {
    const markets = parsed.initiatives.find((i) => i.name === "Fortalecimiento de la infraestructura física de Mercados")!;
    expect(markets.managementObjectiveCode).toBe("1.2");
    expect(markets.articulationObjectives[0]!.mechanisms).toEqual(["Acuerdos"]);
    const ravines = parsed.initiatives.find((i) => i.name === "Mesa de quebradas y ríos del DMQ")!;
    expect(ravines).toMatchObject({ managementObjectiveCode: "2.4" });
    expect(ravines.articulationObjectives[0]!.mechanisms).toEqual(["Acuerdos"]);
  });

  it("varios objetivos de articulación en filas seguidas pertenecen a la misma iniciativa", () => {
    const sports = parsed.initiatives.find((i) => i.name.startsWith("Modelo de gestión que permita mejorar la administración de uso"))!;
    expect(sports.articulationObjectives.map((o) => o.mechanisms)).toEqual([
      ["Alianzas estratégicas"],
      ["Alianzas estratégicas", "Convenios"],
      ["Convenios de delegación"],
    ]);
  });

  it("informa de cada ambigüedad que resolvió", () => {
    const lines = parsed.resolutions.map((r) => r.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const text = parsed.resolutions.map((r) => `${r.line}: ${r.message}`).join("\n");
    expect(text).toMatch(/109: fila desplazada/);
    expect(text).toMatch(/Consortios/);
    expect(text).toMatch(/213: el título del objetivo de gestión 3\.2 continúa/);
    expect(text).toMatch(/180: el objetivo de articulación sin iniciativa se asignó a la iniciativa anterior/);
  });
});

describe("fragmentos difíciles", () => {
  const opening = row("<p>1. Uno.</p>", "<p>1.1 Uno uno.</p>", "Iniciativa A", "Objetivo A.", "Acuerdos");

  it("una celda vacía repite la de arriba; el encabezado repetido abre otra página", () => {
    const parsed = parseMatrixSource(table(opening, row("", "", "Iniciativa B", "Objetivo B.", ""), "", HEADER, row("", "", "Iniciativa C", "Objetivo C.", "Convenios")));
    expect(parsed.initiatives.map((i) => [i.name, i.managementObjectiveCode, i.source.page])).toEqual([
      ["Iniciativa A", "1.1", 1],
      ["Iniciativa B", "1.1", 1],
      ["Iniciativa C", "1.1", 2],
    ]);
    expect(parsed.initiatives[1]!.articulationObjectives[0]!.mechanisms).toEqual(["Acuerdos"]);
  });

  it("quita las etiquetas <p> y normaliza espacios", () => {
    const parsed = parseMatrixSource(table(row("<p>1. Uno.</p>", "<p>1.1 Uno   uno.</p>", "A", "<p>Primero.</p> <p>Segundo.</p>", "<p>Convenios</p> <p>Acuerdos</p>")));
    expect(parsed.managementObjectives[0]!.title).toBe("Uno uno.");
    expect(parsed.initiatives[0]!.articulationObjectives[0]).toMatchObject({ text: "Primero. Segundo.", mechanisms: ["Convenios", "Acuerdos"] });
  });

  it("la última línea sin salto de línea final se lee igual", () => {
    expect(parseMatrixSource(table(opening)).initiatives).toHaveLength(1);
    expect(parseMatrixSource(`${table(opening)}\n`).initiatives).toHaveLength(1);
  });
});

describe("archivos malformados", () => {
  const expectLineError = (text: string, pattern: RegExp) => {
    let error: unknown;
    try {
      parseMatrixSource(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MatrixSourceError);
    expect((error as Error).message).toMatch(/^Línea \d+: /);
    expect((error as Error).message).toMatch(pattern);
  };

  it("una copia truncada a la mitad", () => expectLineError(SOURCE.slice(0, SOURCE.length / 2), /truncada/));
  it("una copia truncada dentro de la última celda", () => expectLineError(SOURCE.slice(0, Math.floor(SOURCE.length * 0.85)), /truncada|incompleta/));
  it("una fila con una columna de más", () =>
    expectLineError(SOURCE.replace("\tEstrategia de espacios saludables\t", "\tEstrategia de espacios saludables\textra\t"), /6 columnas/));
  it("un código de objetivo de gestión desconocido", () => expectLineError(SOURCE.replace("<p>1.1 Promover", "<p>9.1 Promover"), /9\.1/));
  it("un archivo sin la tabla", () => expectLineError("Un texto cualquiera\nsin matriz", /encabezado/));
  it("una iniciativa sin objetivo de articulación", () =>
    expectLineError(table(row("<p>1. Uno.</p>", "<p>1.1 Uno uno.</p>", "Iniciativa A", "", "Acuerdos")), /no tiene objetivo de articulación/));
});
