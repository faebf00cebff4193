import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MatrixSourceError, parseMatrixSource, type ParsedMatrix } from "@/lib/matrix/source-parser";

const FILE = "seeds/apendice-12-insercion-estrategica.txt";
const SOURCE = readFileSync(FILE, "utf8");

const HEADER = "Objetivos del Desarrollo\tObjetivos de Gestión\tIniciativas\tObjetivo de Articulación\tMecanismos de Articulación";
const row = (...cells: string[]) => cells.join("\t");
/** An excerpt as the file lays it out: a title, then pages, each opened by the header. */
const table = (...pages: string[][]) =>
  ["Anexo 1. Matriz de inserción estratégica territorial", "", ...pages.flatMap((p) => [HEADER, ...p, ""])].join("\n");

// Rows copied from the file (long cells shortened at a sentence end).
const DEVELOPMENT_1 =
  "<p>1. Mejorar la calidad de vida e incrementar el bienestar de la población, con justicia, igualdad y equidad; mediante la generación de oportunidades y de fuentes de trabajo digno, de la reducción de brechas y el combate a la exclusión.</p>";
const MANAGEMENT_1_1 =
  "<p>1.1 Promover el pleno ejercicio de derechos sociales, económicos y culturales en un territorio de justicia social.</p>";
const FIRST_ROW = row(
  DEVELOPMENT_1,
  MANAGEMENT_1_1,
  "Estrategia de espacios saludables",
  "Promover espacios y prácticas saludables adecuadas.",
  "Acuerdos",
);
const DEVELOPMENT_3_ROW = row(
  "3. Alcanzar una gestión eficiente, participativa, desconcentrada y transparente; un municipio cercano a la ciudadanía.",
  "3.1 Brindar servicios de calidad y atender de manera eficiente las necesidades de la población.",
  "Plan de Transformación Digital para el DMQ",
  "Generar el Plan de Transformación Digital para el Distrito Metropolitano de Quito.",
  "Acuerdos",
);

const perObjective = (parsed: ParsedMatrix) =>
  parsed.initiatives.reduce<Record<string, number>>((acc, i) => {
    acc[i.managementObjectiveCode] = (acc[i.managementObjectiveCode] ?? 0) + 1;
    return acc;
  }, {});
const objectivesOf = (parsed: ParsedMatrix) => parsed.initiatives.flatMap((i) => i.articulationObjectives);
const byName = (parsed: ParsedMatrix, name: string) => parsed.initiatives.filter((i) => i.name === name);
const resolutionAt = (parsed: ParsedMatrix, line: number) => parsed.resolutions.filter((r) => r.line === line).map((r) => r.message);

describe("el documento completo", () => {
  const parsed = parseMatrixSource(SOURCE);

  it("reproduce las iniciativas por objetivo de gestión que declara la introducción", () => {
    expect(perObjective(parsed)).toEqual({
      "1.1": 36,
      "1.2": 24,
      "2.1": 5,
      "2.2": 12,
      "2.3": 11,
      "2.4": 8,
      "2.5": 6,
      "3.1": 9,
      "3.2": 2,
      "3.3": 1,
    });
    expect(parsed.initiatives).toHaveLength(114);
  });

  it("tiene 122 objetivos de articulación: 114 más 8 filas con la celda de iniciativa vacía", () => {
    expect(objectivesOf(parsed)).toHaveLength(122);
    expect(
      parsed.initiatives.filter((i) => i.articulationObjectives.length > 1).map((i) => [i.source.line, i.articulationObjectives.length]),
    ).toEqual([
      [74, 3],
      [77, 2],
      [140, 2],
      [142, 2],
      [157, 2],
      [161, 2],
      [163, 2],
    ]);
  });

  it("lee tres objetivos de desarrollo y diez de gestión, con su código aparte y el título tal cual", () => {
    expect(parsed.developmentObjectives.map((o) => [o.code, o.source])).toEqual([
      ["1", { line: 61, page: 1 }],
      ["2", { line: 137, page: 7 }],
      ["3", { line: 199, page: 13 }],
    ]);
    expect(parsed.developmentObjectives[0]!.title).toBe(
      "Mejorar la calidad de vida e incrementar el bienestar de la población, con justicia, igualdad y equidad; mediante la generación de oportunidades y de fuentes de trabajo digno, de la reducción de brechas y el combate a la exclusión.",
    );
    // Written without a final period in the document.
    expect(parsed.developmentObjectives[1]!.title).toBe(
      "Consolidar una ciudad segura, sostenible e integrada, que cuide la vida en todas sus formas y que fortalezca la paz, el orden y la convivencia ciudadana",
    );
    expect(parsed.managementObjectives.map((o) => `${o.developmentObjectiveCode}:${o.code}`)).toEqual([
      "1:1.1",
      "1:1.2",
      "2:2.1",
      "2:2.2",
      "2:2.3",
      "2:2.4",
      "2:2.5",
      "3:3.1",
      "3:3.2",
      "3:3.3",
    ]);
    expect(parsed.managementObjectives[0]!.title).toBe(
      "Promover el pleno ejercicio de derechos sociales, económicos y culturales en un territorio de justicia social.",
    );
  });

  it("une el título de 3.2 partido por el salto de página", () => {
    expect(parsed.managementObjectives.find((o) => o.code === "3.2")).toEqual({
      code: "3.2",
      title:
        "Potenciar el rol activo, articulado y cooperativo de los actores sociales y territoriales para la toma de decisiones y la gestión de los conflictos",
      developmentObjectiveCode: "3",
      source: { line: 210, page: 14 },
    });
  });

  it("une el objetivo de articulación y los mecanismos que siguen en la página siguiente", () => {
    const [institutional] = byName(parsed, "Fortalecimiento de la capacidad institucional");
    expect(institutional!.articulationObjectives).toEqual([
      {
        text: "Fortalecer la capacidad, instrumentos y mecanismos de las instituciones que conforman el Sistema Metropolitano de Gestión de Riesgos para la preparación, respuesta, recuperación y reconstrucción luego de la ocurrencia de una emergencia o desastre.",
        mechanisms: ["Alianzas estratégicas", "Convenios", "Acuerdos", "Cartas de intención", "Mancomunidades", "Reuniones bilaterales"],
        source: { line: 210, page: 14 },
      },
    ]);
    const agriculture = parsed.initiatives.find((i) => i.source.line === 132)!;
    expect(agriculture.articulationObjectives[0]!.text).toContain(
      "Impulsar la agricultura familiar campesina mediante capacitaciones e incentivos para la producción agrícola. Brindar incentivos para el fomento de la producción agrícola para consumo local.",
    );
  });

  it("la fila de la bicicleta compartida completa el objetivo del Tren de Cercanías (2.3), no abre una iniciativa de 2.4", () => {
    const train = parsed.initiatives.find((i) =>
      i.articulationObjectives[0]!.text.startsWith("Desarrollar el proyecto Tren de Cercanías"),
    )!;
    expect(train).toMatchObject({ managementObjectiveCode: "2.3", source: { line: 177, page: 10 } });
    expect(train.articulationObjectives).toHaveLength(1);
    expect(train.articulationObjectives[0]!.text).toMatch(
      /de forma transversal\. Implementar el subsistema de bicicleta compartida de última generación como parte del sistema integrado de transporte público\.$/,
    );
    const first24 = parsed.initiatives.find((i) => i.managementObjectiveCode === "2.4")!;
    expect(first24.name).toBe("Red de Comités de Gestión de las áreas del Subsistema Metropolitano de Áreas Naturales Protegidas");
    expect(parsed.managementObjectives.find((o) => o.code === "2.4")!.source).toEqual({ line: 180, page: 11 });
  });

  it("una fila sin iniciativa ni mecanismos al principio de página sigue el objetivo de la página anterior", () => {
    const housing = parsed.initiatives.find(
      (i) => i.name === "Desarrollar proyectos y acciones que promuevan el acceso a suelo y vivienda.",
    )!;
    expect(housing.articulationObjectives).toHaveLength(1);
    expect(housing.articulationObjectives[0]!.text).toMatch(
      /para los grupos vulnerables\. Promover vivienda de interés social en los proyectos habitacionales y operaciones urbanas generadas por el sector público\.$/,
    );
    expect(housing.articulationObjectives[0]!.mechanisms).toEqual([
      "Alianzas público-privadas",
      "Alianzas estratégicas",
      "Convenios",
      "Mesas técnicas permanentes",
    ]);
  });

  it("conserva nombres y textos palabra por palabra", () => {
    expect(parsed.initiatives[0]).toEqual({
      name: "Estrategia de espacios saludables",
      managementObjectiveCode: "1.1",
      source: { line: 61, page: 1 },
      articulationObjectives: [
        { text: "Promover espacios y prácticas saludables adecuadas.", mechanisms: ["Acuerdos"], source: { line: 61, page: 1 } },
      ],
    });
    expect(parsed.initiatives.map((i) => i.name)).toContain('Estrategia "Sigue el Rastro para los amantes de la carne"');
    expect(parsed.initiatives.map((i) => i.name)).toContain(
      "Estrategia AER (Atrapar, Esterilizar y Retornar), en el marco del control de los animales de compañía",
    );
    expect(parsed.initiatives.at(-1)).toMatchObject({
      name: "Plan estratégico de acción de Gobierno abierto del GADDMQ",
      managementObjectiveCode: "3.3",
      source: { line: 215, page: 15 },
    });
    expect(parsed.initiatives.at(-1)!.articulationObjectives[0]!.mechanisms).toEqual(["Cartas de intención", "Acuerdos"]);
    expect(objectivesOf(parsed).find((o) => o.text.startsWith("Artículo 3207"))!.text).toBe(
      "Artículo 3207.- Mesa Interinstitucional. - Confórmese la mesa interinstitucional para la promoción de los modos de transporte sostenibles objeto del presente Título, que estará encargada del acompañamiento en la formulación, planificación, evaluación y control participativo sobre el diseño, ejecución y control de las políticas de movilidad para modos de transporte sostenibles en el Distrito Metropolitano de Quito.",
    );
    const everything = [...parsed.initiatives.map((i) => i.name), ...objectivesOf(parsed).map((o) => o.text)];
    expect(everything.filter((t) => /<\/?p>|\s{2}|^\s|\s$/.test(t))).toEqual([]);
  });

  it("lee las filas desplazadas a la izquierda como iniciativa, objetivo y mecanismos", () => {
    expect(byName(parsed, "Fortalecimiento de la infraestructura física de Mercados")).toEqual([
      {
        name: "Fortalecimiento de la infraestructura física de Mercados",
        managementObjectiveCode: "1.2",
        source: { line: 109, page: 5 },
        articulationObjectives: [
          {
            text: "Repotenciar la infraestructura física, para garantizar la seguridad física de los usuarios y comerciantes mediante la mitigación del riesgo mecánico.",
            mechanisms: ["Acuerdos"],
            source: { line: 109, page: 5 },
          },
        ],
      },
    ]);
    expect(byName(parsed, "Elaboración del Plan de Comercio del DMQ")[0]!.articulationObjectives[0]!.mechanisms).toEqual(["Consultorías"]);
    const fairs = byName(
      parsed,
      "Promoción del uso de espacios ordenados y limpios donde los comerciantes autónomos puedan ofrecer sus productos en un ambiente seguro.",
    );
    expect(fairs[0]!.articulationObjectives).toEqual([
      { text: "Realizar ferias para comerciantes autónomos del DMQ", mechanisms: [], source: { line: 118, page: 5 } },
    ]);
    expect(byName(parsed, "Mesa de quebradas y ríos del DMQ")[0]).toMatchObject({
      managementObjectiveCode: "2.4",
      source: { line: 185, page: 11 },
    });
    expect(byName(parsed, "Mesa de quebradas y ríos del DMQ")[0]!.articulationObjectives[0]!.mechanisms).toEqual(["Acuerdos"]);
  });

  it("cuenta dos iniciativas cuando el mismo nombre llena dos filas seguidas", () => {
    const inclusion = byName(parsed, "Implementación de Políticas de Inclusión Social en el DMDQ");
    expect(inclusion.map((i) => [i.source.line, i.articulationObjectives[0]!.text])).toEqual([
      [80, "Elaborar la política integral para primera infancia (servicio integral de cuidado)."],
      [
        81,
        "Elaborar la estrategia y pilotaje de servicios de cuidado (propuesta de identificación territorial del servicio de cuidado para personas cuidadoras).",
      ],
    ]);
    expect(
      byName(parsed, "Coordinación de estrategias interinstitucionales de control metropolitano en apoyo a la seguridad ciudadana").map(
        (i) => i.managementObjectiveCode,
      ),
    ).toEqual(["2.1", "2.2"]);
  });

  it("usa cada mecanismo canónico, en orden de primera aparición", () => {
    expect(parsed.mechanisms.map((m) => m.name)).toEqual([
      "Acuerdos",
      "Convenios",
      "Cartas de intención",
      "Alianzas estratégicas",
      "Convenios de delegación",
      "Reuniones bilaterales",
      "Alianzas público-privadas",
      "Consorcios",
      "Consultorías",
      "Contrataciones",
      "Estrategias",
      "Capacitaciones",
      "Contratos",
      "Mesas técnicas permanentes",
      "Sociedades",
      "Mancomunidades",
      "Fideicomisos",
      "Otros",
      "Actas de reunión",
    ]);
    const uses = (name: string) => objectivesOf(parsed).filter((o) => o.mechanisms.includes(name)).length;
    expect([uses("Convenios"), uses("Acuerdos"), uses("Mancomunidades"), uses("Consorcios")]).toEqual([77, 41, 7, 4]);
  });

  it("informa de cada ambigüedad que resolvió, en orden de línea", () => {
    const lines = parsed.resolutions.map((r) => r.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(parsed.resolutions.filter((r) => r.message.startsWith("fila desplazada")).map((r) => r.line)).toEqual([
      109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 185,
    ]);
    expect(resolutionAt(parsed, 81)[0]).toMatch(/ya figura en la línea 80/);
    expect(resolutionAt(parsed, 121)).toEqual(["el objetivo de articulación no tiene mecanismos en el documento; queda sin mecanismos."]);
    expect(resolutionAt(parsed, 135)[0]).toMatch(/empieza en minúscula: continúa el objetivo de articulación de la línea 132/);
    expect(resolutionAt(parsed, 147)[0]).toMatch(/continúa el objetivo de articulación de la línea 144/);
    expect(resolutionAt(parsed, 180)[0]).toMatch(
      /continúa el objetivo de articulación de la línea 177 .*2\.3.* 2\.4 .*rige desde la fila siguiente/,
    );
    expect(resolutionAt(parsed, 189)).toEqual(["mecanismos: «Consortios» se lee como «Consorcios»."]);
    expect(resolutionAt(parsed, 210)).toEqual([
      "mecanismos: «Mancomunidades con Gobiernos Autónomos Descentralizados Circunvecinos» se lee como «Mancomunidades» (celda continuada en la línea 213).",
    ]);
    expect(resolutionAt(parsed, 213)).toHaveLength(2);
    expect(resolutionAt(parsed, 213)[0]).toMatch(/título del objetivo de gestión 3\.2 continúa/);
    expect(resolutionAt(parsed, 213)[1]).toMatch(/continúa el objetivo de articulación y los mecanismos de la línea 210/);
    expect(parsed.resolutions).toHaveLength(45);
  });

  it("da siempre el mismo resultado", () => {
    expect(JSON.stringify(parseMatrixSource(SOURCE))).toBe(JSON.stringify(parsed));
  });

  it("lee igual el archivo con CRLF, espacios al final de línea y salto de línea final", () => {
    const variant = `${SOURCE.split("\n")
      .map((l) => `${l} \t`)
      .join("\r\n")}\r\n`;
    expect(parseMatrixSource(variant)).toEqual(parsed);
  });
});

describe("fragmentos difíciles", () => {
  it("el encabezado repetido abre otra página y las celdas vacías repiten la de arriba", () => {
    const parsed = parseMatrixSource(
      table(
        [
          FIRST_ROW,
          row(
            "",
            "",
            "Coordinación con Concejos Zonales de Salud",
            "Coordinar la implementación de planes, programas, proyectos y estrategias de promoción de la salud y prevención de la enfermedad.",
            "Acuerdos",
          ),
        ],
        [
          row(
            "",
            "",
            "Implementar programas de postgrado para los docentes de las Instituciones Educativas Municipales",
            "Motivar la formación de los docentes de las instituciones educativas del sector municipal, con títulos de cuarto nivel (postgrado).",
            "Convenios",
          ),
        ],
      ),
    );
    expect(parsed.initiatives.map((i) => [i.managementObjectiveCode, i.source])).toEqual([
      ["1.1", { line: 4, page: 1 }],
      ["1.1", { line: 5, page: 1 }],
      ["1.1", { line: 8, page: 2 }],
    ]);
    expect(parsed.developmentObjectives).toHaveLength(1);
    expect(parsed.resolutions).toEqual([]);
  });

  it("varias filas con la iniciativa vacía son varios objetivos de la misma iniciativa", () => {
    const parsed = parseMatrixSource(
      table([
        FIRST_ROW,
        row(
          "",
          "",
          "Modelo de gestión que permita mejorar la administración de uso, las intervenciones y mantenimiento de infraestructura",
          "Establecer un sistema de evaluación continua para medir la eficacia de la administración.",
          "Alianzas Estratégicas",
        ),
        row(
          "",
          "",
          "",
          "Establecer un modelo de gestión que involucre a la comunidad en la gestión y administración cotidiana de las instalaciones deportivas.",
          "Alianzas Estratégicas y Convenios",
        ),
        row(
          "",
          "",
          "",
          "Implementar infraestructura deportiva recreativa adecuada para el fomento y la masificación del deporte y la recreación.",
          "Convenios de delegación",
        ),
      ]),
    );
    expect(parsed.initiatives).toHaveLength(2);
    expect(parsed.initiatives[1]!.articulationObjectives.map((o) => [o.source.line, o.mechanisms])).toEqual([
      [5, ["Alianzas estratégicas"]],
      [6, ["Alianzas estratégicas", "Convenios"]],
      [7, ["Convenios de delegación"]],
    ]);
  });

  it("filas desplazadas una y dos columnas, y una sin mecanismos", () => {
    const parsed = parseMatrixSource(
      table([
        FIRST_ROW,
        row(
          "",
          "1.2 Generar condiciones para alcanzar un sistema económico dinámico.",
          "Desarrollo de la estrategia productiva local",
          "Implementar la fase I del proyecto.",
          "Convenios Consortios Cartas de intención",
        ),
        row(
          "Fortalecimiento de Mercados",
          "",
          "Mejorar las posibilidades de vida de los comerciantes mediante intervenciones.",
          "Convenios",
          "",
        ),
        row("Promoción del uso de espacios ordenados y limpios.", "Realizar ferias para comerciantes autónomos del DMQ", "", "", ""),
        row("Mesa de quebradas y ríos del DMQ", "Definir acciones a ejecutarse en las quebradas y ríos.", "Acuerdos", "", ""),
      ]),
    );
    expect(
      parsed.initiatives
        .slice(2)
        .map((i) => [i.managementObjectiveCode, i.name, i.articulationObjectives[0]!.text, i.articulationObjectives[0]!.mechanisms]),
    ).toEqual([
      [
        "1.2",
        "Fortalecimiento de Mercados",
        "Mejorar las posibilidades de vida de los comerciantes mediante intervenciones.",
        ["Convenios"],
      ],
      ["1.2", "Promoción del uso de espacios ordenados y limpios.", "Realizar ferias para comerciantes autónomos del DMQ", []],
      ["1.2", "Mesa de quebradas y ríos del DMQ", "Definir acciones a ejecutarse en las quebradas y ríos.", ["Acuerdos"]],
    ]);
    expect(parsed.resolutions.map((r) => r.line)).toEqual([5, 6, 7, 7, 8]);
  });

  it("quita las etiquetas <p> y normaliza los espacios", () => {
    const parsed = parseMatrixSource(
      table([
        row(
          DEVELOPMENT_1,
          MANAGEMENT_1_1,
          "Promover un sistema integrado de transporte público",
          "<p>Desarrollar el proyecto Tren de Cercanías desde Machachi a Chiriyacu.</p> <p>Consolidar el proyecto de ampliación de la Av. General Rumiñahui.</p>",
          "<p>Alianzas estratégicas</p> <p>Convenios</p> <p>Alianzas Público Privadas</p>",
        ),
      ]),
    );
    expect(parsed.developmentObjectives[0]!.title).toMatch(/^Mejorar la calidad de vida .* el combate a la exclusión\.$/);
    expect(parsed.initiatives[0]!.articulationObjectives[0]).toMatchObject({
      text: "Desarrollar el proyecto Tren de Cercanías desde Machachi a Chiriyacu. Consolidar el proyecto de ampliación de la Av. General Rumiñahui.",
      mechanisms: ["Alianzas estratégicas", "Convenios", "Alianzas público-privadas"],
    });
  });

  it("la primera fila de una página continúa título, objetivo y mecanismos cortados", () => {
    const parsed = parseMatrixSource(
      table(
        [
          DEVELOPMENT_3_ROW,
          row(
            "",
            "3.2 Potenciar el rol activo, articulado y cooperativo de los actores sociales y territoriales para la toma",
            "Fortalecimiento de la capacidad institucional",
            "Fortalecer la capacidad de las instituciones para la preparación, respuesta, recuperación y",
            "Alianzas Estratégicas Convenios",
          ),
        ],
        [
          row(
            "",
            "de decisiones y la gestión de los conflictos",
            "",
            "reconstrucción luego de la ocurrencia de una emergencia o desastre.",
            "Mancomunidades con Gobiernos Autónomos Descentralizados Circunvecinos Convenios",
          ),
          row(
            "",
            "",
            "Desarrollo de la estrategia comunicativa en el desarrollo total del PMDOT",
            "Elaborar un plan de difusión para el conocimiento de la ciudadanía.",
            "Otros",
          ),
        ],
      ),
    );
    expect(parsed.managementObjectives[1]!.title).toBe(
      "Potenciar el rol activo, articulado y cooperativo de los actores sociales y territoriales para la toma de decisiones y la gestión de los conflictos",
    );
    expect(parsed.initiatives.map((i) => [i.managementObjectiveCode, i.articulationObjectives.length])).toEqual([
      ["3.1", 1],
      ["3.2", 1],
      ["3.2", 1],
    ]);
    expect(parsed.initiatives[1]!.articulationObjectives[0]).toEqual({
      text: "Fortalecer la capacidad de las instituciones para la preparación, respuesta, recuperación y reconstrucción luego de la ocurrencia de una emergencia o desastre.",
      mechanisms: ["Alianzas estratégicas", "Convenios", "Mancomunidades"],
      source: { line: 5, page: 1 },
    });
    expect(parsed.resolutions.map((r) => r.message)).toContain(
      "mecanismos: «Convenios» aparece más de una vez en la celda; se cuenta una vez (celda continuada en la línea 8).",
    );
  });

  it("una fila de cabecera de página que trae solo mecanismos los añade al objetivo anterior", () => {
    const parsed = parseMatrixSource(
      table(
        [
          FIRST_ROW,
          row("", "", "Estrategia de Salud Mental y prevención del suicidio", "Implementar acciones de promoción de la salud mental.", ""),
        ],
        [row("", "", "", "", "Acuerdos, convenios")],
      ),
    );
    expect(parsed.initiatives[1]!.articulationObjectives).toEqual([
      {
        text: "Implementar acciones de promoción de la salud mental.",
        mechanisms: ["Acuerdos", "Convenios"],
        source: { line: 5, page: 1 },
      },
    ]);
  });

  it("un objetivo con iniciativa vacía y mecanismos propios en la primera fila de página es otro objetivo", () => {
    const parsed = parseMatrixSource(
      table(
        [
          FIRST_ROW,
          row(
            "",
            "",
            "Fortalecimiento de la organización barrial y comunitaria para la prevención de violencia",
            "Fortalecer la participación de las mujeres en los Comités de Seguridad.",
            "Convenios",
          ),
        ],
        [row("", "", "", "Fortalecer la prevención situacional.", "Convenios")],
      ),
    );
    expect(parsed.initiatives[1]!.articulationObjectives.map((o) => o.text)).toEqual([
      "Fortalecer la participación de las mujeres en los Comités de Seguridad.",
      "Fortalecer la prevención situacional.",
    ]);
  });

  it("el título de un objetivo de desarrollo también puede seguir tras el salto de página", () => {
    const parsed = parseMatrixSource(
      table(
        [
          row(
            "2. Consolidar una ciudad segura, sostenible e integrada, que cuide la vida",
            "2.1 Coadyuvar en el restablecimiento de la paz.",
            "Prevención de violencias y delitos",
            "Construir lineamientos.",
            "Alianzas Estratégicas",
          ),
        ],
        [
          row(
            "en todas sus formas",
            "",
            "Promoción de la convivencia ciudadana",
            "Promover acuerdos de convivencia ciudadana.",
            "Convenios",
          ),
        ],
      ),
    );
    expect(parsed.developmentObjectives[0]!.title).toBe(
      "Consolidar una ciudad segura, sostenible e integrada, que cuide la vida en todas sus formas",
    );
    expect(parsed.initiatives).toHaveLength(2);
  });
});

describe("archivos malformados", () => {
  const failure = (text: string) => {
    try {
      parseMatrixSource(text);
    } catch (error) {
      return error;
    }
    return undefined;
  };
  const expectError = (text: string, line: number, pattern: RegExp) => {
    const error = failure(text);
    expect(error).toBeInstanceOf(MatrixSourceError);
    expect((error as MatrixSourceError).line).toBe(line);
    expect((error as Error).message.startsWith(`Línea ${line}: `)).toBe(true);
    expect((error as Error).message).toMatch(pattern);
  };
  const lineOf = (needle: string) => SOURCE.slice(0, SOURCE.indexOf(needle)).split("\n").length;

  it("una copia cortada a la mitad de sus bytes", () => {
    const bytes = Buffer.from(SOURCE, "utf8");
    const half = bytes.subarray(0, bytes.length / 2).toString("utf8");
    expectError(half, half.split("\n").length, /la copia parece truncada/);
  });

  it("una copia cortada a la mitad de sus caracteres", () => {
    const half = SOURCE.slice(0, SOURCE.length / 2);
    expectError(half, half.split("\n").length, /la copia parece truncada/);
  });

  it("una copia cortada dentro de un párrafo <p>", () => {
    expectError(
      SOURCE.slice(0, SOURCE.indexOf("<p>Reactivar la línea férrea") + 20),
      lineOf("<p>Reactivar la línea férrea"),
      /<p> sin cerrar/,
    );
  });

  it("una copia cortada justo tras un encabezado de página", () => {
    const cut = SOURCE.slice(0, SOURCE.indexOf("\tde decisiones y la gestión"));
    expectError(cut, cut.trimEnd().split("\n").length, /encabezado sin filas/);
  });

  it("una fila con una columna de más", () => {
    expectError(
      SOURCE.replace("\tEstrategia de espacios saludables\t", "\tEstrategia de espacios saludables\tcolumna extra\t"),
      61,
      /la fila tiene 6 columnas/,
    );
  });

  it("una fila desplazada con más celdas de las que caben", () => {
    expectError(
      SOURCE.replace("Fortalecimiento de Mercados\t\t", "Fortalecimiento de Mercados\tcelda extra\t"),
      lineOf("Fortalecimiento de Mercados\t"),
      /4 celdas con contenido/,
    );
  });

  it("un objetivo de gestión cuyo objetivo de desarrollo no existe", () => {
    expectError(SOURCE.replace("<p>1.1 Promover", "<p>9.1 Promover"), 61, /9\.1 .*objetivo de desarrollo 9/);
    expectError(SOURCE.replace("\t2.4 Promover", "\t4.7 Promover"), 180, /4\.7/);
  });

  it("un objetivo de gestión bajo otro objetivo de desarrollo o repetido", () => {
    expectError(SOURCE.replace("\t2.4 Promover", "\t1.4 Promover"), 180, /1\.4 está dentro del objetivo de desarrollo 2/);
    expectError(SOURCE.replace("\t2.4 Promover", "\t2.3 Promover"), 180, /2\.3 aparece dos veces/);
  });

  it("un código de objetivo de gestión que no es N.N", () => {
    expectError(SOURCE.replace("\t1.2 Generar", "\t1.2.1 Generar"), 108, /«N\.N»/);
    expectError(SOURCE.replace("\t1.2 Generar", "\tGenerar"), 108, /«N\.N»/);
  });

  it("un objetivo de desarrollo sin objetivo de gestión en su fila", () => {
    expectError(SOURCE.replace(/\t3\.1 Brindar[^\t]*/, "\t"), 199, /objetivo de desarrollo 3 no abre ningún objetivo de gestión/);
  });

  it("un archivo sin la tabla", () => {
    expectError(SOURCE.replaceAll(HEADER, "Objetivos\tIniciativas"), 1, /no se encontró el encabezado/);
  });

  it("un mecanismo desconocido", () => {
    expectError(
      SOURCE.replace("\tContrato Convenios", "\tContratillo Convenios"),
      lineOf("\tContrato Convenios"),
      /mecanismo de articulación desconocido «Contratillo»/,
    );
  });

  it("una iniciativa sin objetivo de articulación", () => {
    expectError(
      table([FIRST_ROW, row("", "", "Juventud-es Quito", "", "Convenios y Acuerdos")]),
      5,
      /«Juventud-es Quito» no tiene objetivo de articulación\./,
    );
  });

  it("una fila sin objetivo de articulación ni mecanismos que no continúa nada", () => {
    expectError(
      table([FIRST_ROW, row("", "", "Juventud-es Quito", "", ""), FIRST_ROW.replace(/^.*?\t.*?\t/, "\t\t")]),
      5,
      /no tiene objetivo de articulación ni mecanismos/,
    );
  });

  it("mecanismos sin objetivo ni iniciativa fuera de un salto de página", () => {
    expectError(
      table([FIRST_ROW, row("", "", "", "", "Convenios"), FIRST_ROW.replace(/^.*?\t.*?\t/, "\t\t")]),
      5,
      /mecanismos pero no objetivo de articulación/,
    );
  });

  it("un objetivo de gestión que no abre ninguna iniciativa", () => {
    expectError(
      SOURCE.replace("\tPlan de Transformación Digital para el DMQ\t", "\t\t"),
      199,
      /abre el objetivo de gestión 3\.1 pero no tiene iniciativa/,
    );
  });

  it("un objetivo de gestión que se queda sin iniciativas", () => {
    // 2.4 opens on a row that only continues the page before; if the next row opens another objective, 2.4 is left empty.
    expectError(
      SOURCE.replace("\t\tRed de Comités de Gestión", "\t2.9 Otro objetivo.\tRed de Comités de Gestión"),
      180,
      /2\.4 no tiene iniciativas/,
    );
  });
});
