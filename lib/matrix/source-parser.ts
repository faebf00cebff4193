import { normalizeMechanismCell, UnknownMechanismError } from "./mechanism-names";

/**
 * Reads the text extraction of Apéndice 12 ("Anexo 1. Matriz de inserción
 * estratégica territorial"): a tab-separated table of five columns. Every rule
 * is general, never tied to a line of the document, and every ambiguity it
 * settles is reported in `resolutions`:
 * - the header row repeats on every page; each repetition starts a new page;
 * - an empty objective or initiative cell means "same as above";
 * - a row whose first cell is neither empty nor "N. …" is shifted left: its
 *   non-empty cells are, in order, initiative, articulation objective, mechanisms;
 * - <p>…</p> tags are dropped and whitespace collapsed, the text kept word for word;
 * - the first row of a page may continue cells cut by the page break.
 */
export interface SourceLocation {
  /** 1-based line in the file. */
  line: number;
  /** Page of the table; 1 is the page of the first header. */
  page: number;
}
export interface ParsedArticulationObjective {
  text: string;
  mechanisms: string[];
  source: SourceLocation;
}
export interface ParsedInitiative {
  name: string;
  managementObjectiveCode: string;
  source: SourceLocation;
  articulationObjectives: ParsedArticulationObjective[];
}
export interface ParsedMatrix {
  developmentObjectives: { code: string; title: string; source: SourceLocation }[];
  managementObjectives: { code: string; title: string; developmentObjectiveCode: string; source: SourceLocation }[];
  /** In document order. */
  initiatives: ParsedInitiative[];
  /** Every canonical mechanism used, in order of first appearance. */
  mechanisms: { name: string }[];
  /** Every ambiguity resolved, in Spanish, by line. */
  resolutions: { line: number; message: string }[];
}

export class MatrixSourceError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Línea ${line}: ${message}`);
    this.name = "MatrixSourceError";
  }
}

const COLUMNS = [
  "Objetivos del Desarrollo",
  "Objetivos de Gestión",
  "Iniciativas",
  "Objetivo de Articulación",
  "Mecanismos de Articulación",
];
const DEVELOPMENT = /^(\d+)\.\s+(.+)$/;
const MANAGEMENT = /^(\d+)\.(\d+)\.?\s+(.+)$/;

const clean = (cell: string) =>
  cell
    .replace(/<\/?p>/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
const join = (before: string, after: string) => `${before} ${after}`;
const startsLowercase = (text: string) => /^\p{Ll}/u.test(text);
const quote = (text: string) => `«${text.length > 70 ? `${text.slice(0, 69)}…` : text}»`;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

function isHeader(line: string): boolean {
  const cells = line.split("\t").map(clean);
  while (cells.at(-1) === "") cells.pop();
  return cells.length === COLUMNS.length && cells.every((cell, i) => cell.toLowerCase() === COLUMNS[i]!.toLowerCase());
}

interface Row {
  line: number;
  page: number;
  firstOfPage: boolean;
  development: string;
  management: string;
  initiative: string;
  objective: string;
  mechanisms: string;
}

type Resolve = (line: number, message: string) => void;

function readRow(raw: string, line: number, page: number, firstOfPage: boolean, resolve: Resolve): Row {
  const cells = raw.split("\t").map(clean);
  const width = cells.findLastIndex((cell) => cell !== "") + 1;
  if (width > COLUMNS.length) {
    throw new MatrixSourceError(line, `la fila tiene ${width} columnas; la tabla tiene ${COLUMNS.length} (${COLUMNS.join(", ")}).`);
  }
  const first = cells[0]!;
  // A lowercase first cell at the top of a page continues the development objective's title.
  if (first === "" || DEVELOPMENT.test(first) || (firstOfPage && startsLowercase(first))) {
    const [development, management = "", initiative = "", objective = "", mechanisms = ""] = cells;
    return { line, page, firstOfPage, development: development!, management, initiative, objective, mechanisms };
  }
  const present = cells.filter((cell) => cell !== "");
  if (present.length > 3) {
    throw new MatrixSourceError(
      line,
      `la fila empieza por ${quote(first)}, que no es un objetivo de desarrollo («N. …»), y tiene ${present.length} celdas con contenido: no se puede leer como iniciativa, objetivo de articulación y mecanismos.`,
    );
  }
  const [initiative, objective = "", mechanisms = ""] = present;
  resolve(
    line,
    `fila desplazada a la izquierda: la primera columna trae la iniciativa ${quote(initiative!)}; sus celdas se leen, en orden, como iniciativa, objetivo de articulación y mecanismos.`,
  );
  return { line, page, firstOfPage, development: "", management: "", initiative: initiative!, objective, mechanisms };
}

function readRows(lines: string[], resolve: Resolve): Row[] {
  const start = lines.findIndex(isHeader);
  if (start < 0) throw new MatrixSourceError(1, `no se encontró el encabezado de la tabla (${COLUMNS.join(", ")}).`);
  const rows: Row[] = [];
  let page = 0;
  let headerLine = 0;
  let firstOfPage = false;
  for (let index = start; index < lines.length; index++) {
    const raw = lines[index]!;
    if (isHeader(raw)) {
      page += 1;
      headerLine = index + 1;
      firstOfPage = true;
    } else if (raw.trim() !== "") {
      rows.push(readRow(raw, index + 1, page, firstOfPage, resolve));
      firstOfPage = false;
    }
  }
  if (firstOfPage) throw new MatrixSourceError(headerLine, "la tabla termina en un encabezado sin filas: la copia parece truncada.");
  const last = rows.at(-1)!;
  const lastRaw = lines[last.line - 1]!;
  if (count(lastRaw, /<p>/gi) > count(lastRaw, /<\/p>/gi)) {
    throw new MatrixSourceError(last.line, "el archivo termina dentro de un párrafo <p> sin cerrar: la copia parece truncada.");
  }
  if (last.mechanisms === "") {
    throw new MatrixSourceError(last.line, "la última fila no tiene celda de mecanismos de articulación: la copia parece truncada.");
  }
  return rows;
}

interface Objective {
  text: string;
  /** The mechanism cell, and the line of each part when a page break split it. */
  mechanisms: string;
  mechanismLines: number[];
  source: SourceLocation;
}
interface Initiative extends Omit<ParsedInitiative, "articulationObjectives"> {
  objectives: Objective[];
}

export function parseMatrixSource(text: string): ParsedMatrix {
  const resolutions: ParsedMatrix["resolutions"] = [];
  const resolve: Resolve = (line, message) => resolutions.push({ line, message });
  const rows = readRows(text.split(/\r?\n/), resolve);

  const developmentObjectives: ParsedMatrix["developmentObjectives"] = [];
  const managementObjectives: ParsedMatrix["managementObjectives"] = [];
  const initiatives: Initiative[] = [];
  const firstByName = new Map<string, Initiative>();
  let development: ParsedMatrix["developmentObjectives"][number] | undefined;
  let management: ParsedMatrix["managementObjectives"][number] | undefined;
  let initiative: Initiative | undefined;

  const addObjective = (row: Row, source: SourceLocation) =>
    initiative!.objectives.push({
      text: row.objective,
      mechanisms: row.mechanisms,
      mechanismLines: row.mechanisms ? [row.line] : [],
      source,
    });

  for (const row of rows) {
    const source = { line: row.line, page: row.page };

    let opensDevelopment = false;
    if (row.development) {
      const code = DEVELOPMENT.exec(row.development);
      if (code) {
        if (developmentObjectives.some((o) => o.code === code[1])) {
          throw new MatrixSourceError(row.line, `el objetivo de desarrollo ${code[1]} aparece dos veces.`);
        }
        development = { code: code[1]!, title: code[2]!, source };
        developmentObjectives.push(development);
        opensDevelopment = true;
      } else if (development) {
        development.title = join(development.title, row.development);
        resolve(
          row.line,
          `el título del objetivo de desarrollo ${development.code} continúa tras el salto de página: ${quote(row.development)}.`,
        );
      } else {
        throw new MatrixSourceError(row.line, `${quote(row.development)} no empieza por el código de un objetivo de desarrollo («N. …»).`);
      }
    }

    let opened: typeof management;
    if (row.management) {
      const code = MANAGEMENT.exec(row.management);
      if (code) {
        const [, major, minor, title] = code;
        if (!developmentObjectives.some((o) => o.code === major)) {
          throw new MatrixSourceError(
            row.line,
            `el objetivo de gestión ${major}.${minor} remite a un objetivo de desarrollo ${major} que la tabla no tiene.`,
          );
        }
        if (major !== development!.code) {
          throw new MatrixSourceError(
            row.line,
            `el objetivo de gestión ${major}.${minor} está dentro del objetivo de desarrollo ${development!.code}; su código debería empezar por «${development!.code}.».`,
          );
        }
        if (managementObjectives.some((o) => o.code === `${major}.${minor}`)) {
          throw new MatrixSourceError(row.line, `el objetivo de gestión ${major}.${minor} aparece dos veces.`);
        }
        opened = { code: `${major}.${minor}`, title: title!, developmentObjectiveCode: major!, source };
        managementObjectives.push(opened);
      } else if (row.firstOfPage && management && startsLowercase(row.management)) {
        management.title = join(management.title, row.management);
        resolve(
          row.line,
          `el título del objetivo de gestión ${management.code} continúa tras el salto de página: ${quote(row.management)}.`,
        );
      } else {
        throw new MatrixSourceError(
          row.line,
          `${quote(row.management)} no empieza por un código de objetivo de gestión de la forma «N.N» (p. ej. «1.1 …»).`,
        );
      }
    }
    if (opensDevelopment && !opened) {
      throw new MatrixSourceError(
        row.line,
        `el objetivo de desarrollo ${development!.code} no abre ningún objetivo de gestión en su fila.`,
      );
    }

    const previous = initiative?.objectives.at(-1);
    const hasContent = row.objective !== "" || row.mechanisms !== "";
    // Separate articulation objectives always bring their own mechanism cell; a lowercase start continues a sentence.
    const continues =
      row.firstOfPage && !row.initiative && hasContent && (!row.objective || !row.mechanisms || startsLowercase(row.objective));

    if (continues && previous) {
      if (row.objective) previous.text = join(previous.text, row.objective);
      if (row.mechanisms) {
        previous.mechanisms = previous.mechanisms ? join(previous.mechanisms, row.mechanisms) : row.mechanisms;
        previous.mechanismLines.push(row.line);
      }
      const what = [row.objective && "el objetivo de articulación", row.mechanisms && "los mecanismos"].filter(Boolean).join(" y ");
      const why = row.objective && startsLowercase(row.objective) ? "empieza en minúscula" : "no tiene iniciativa ni celda de mecanismos";
      resolve(
        row.line,
        `la primera fila de la página ${why}: continúa ${what} de la línea ${previous.source.line} (iniciativa ${quote(initiative!.name)}, ${initiative!.managementObjectiveCode}), que el salto de página partió.` +
          (opened ? ` El objetivo de gestión ${opened.code} que abre esta fila rige desde la fila siguiente.` : ""),
      );
    } else if (!row.initiative) {
      if (opened) throw new MatrixSourceError(row.line, `la fila abre el objetivo de gestión ${opened.code} pero no tiene iniciativa.`);
      if (row.objective) {
        if (!initiative) throw new MatrixSourceError(row.line, "objetivo de articulación sin iniciativa a la que pertenezca.");
        addObjective(row, source);
      } else if (row.mechanisms) {
        throw new MatrixSourceError(row.line, "la fila tiene mecanismos pero no objetivo de articulación ni iniciativa.");
      }
      // Otherwise the row only continued a title across the page break.
    } else {
      const parent = opened ?? management;
      if (!parent) throw new MatrixSourceError(row.line, `la iniciativa ${quote(row.initiative)} no está bajo ningún objetivo de gestión.`);
      if (!row.objective) {
        throw new MatrixSourceError(
          row.line,
          `la iniciativa ${quote(row.initiative)} no tiene objetivo de articulación${row.mechanisms ? "" : " ni mecanismos"}.`,
        );
      }
      const earlier = firstByName.get(row.initiative);
      if (earlier) {
        resolve(
          row.line,
          earlier.managementObjectiveCode === parent.code
            ? `la iniciativa ${quote(row.initiative)} ya figura en la línea ${earlier.source.line}; como su celda no está vacía se cuenta como otra iniciativa (los objetivos de articulación de una misma iniciativa llevan la celda vacía).`
            : `la iniciativa ${quote(row.initiative)} figura también en el objetivo de gestión ${earlier.managementObjectiveCode} (línea ${earlier.source.line}); se cuenta como otra iniciativa, de ${parent.code}.`,
        );
      }
      initiative = { name: row.initiative, managementObjectiveCode: parent.code, source, objectives: [] };
      if (!earlier) firstByName.set(row.initiative, initiative);
      initiatives.push(initiative);
      addObjective(row, source);
    }
    if (opened) management = opened;
  }

  for (const o of managementObjectives) {
    if (!initiatives.some((i) => i.managementObjectiveCode === o.code)) {
      throw new MatrixSourceError(o.source.line, `el objetivo de gestión ${o.code} no tiene iniciativas.`);
    }
  }

  const mechanisms = new Set<string>();
  const parsed = initiatives.map(({ objectives, ...rest }) => ({
    ...rest,
    articulationObjectives: objectives.map(({ text: objectiveText, mechanisms: cell, mechanismLines, source }) => {
      const where = mechanismLines.length > 1 ? ` (celda continuada en la línea ${mechanismLines.slice(1).join(", ")})` : "";
      let names: string[] = [];
      try {
        const normalized = normalizeMechanismCell(cell);
        names = normalized.names;
        for (const note of normalized.notes) resolve(source.line, `mecanismos: ${note.replace(/\.$/, "")}${where}.`);
      } catch (error) {
        if (error instanceof UnknownMechanismError)
          throw new MatrixSourceError(source.line, `${error.message.replace(/\.$/, "")}${where}.`);
        throw error;
      }
      if (names.length === 0)
        resolve(source.line, "el objetivo de articulación no tiene mecanismos en el documento; queda sin mecanismos.");
      for (const name of names) mechanisms.add(name);
      return { text: objectiveText, mechanisms: names, source };
    }),
  }));

  resolutions.sort((a, b) => a.line - b.line);
  return {
    developmentObjectives,
    managementObjectives,
    initiatives: parsed,
    mechanisms: [...mechanisms].map((name) => ({ name })),
    resolutions,
  };
}
