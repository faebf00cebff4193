import { normalizeMechanismCell } from "./mechanism-names";

/**
 * Reads the text extraction of Apéndice 12 ("Matriz de inserción estratégica
 * territorial") into its hierarchy. The extraction is messy, so every rule
 * here is general and every ambiguity it settles is reported:
 * - the header row repeats on every page (each header starts a new page);
 * - an empty cell means "same as above";
 * - some rows are shifted left: their cells are initiative, objective, mechanisms;
 * - cells may hold <p>…</p> fragments;
 * - the first row of a page may continue the last cell of the previous page.
 */
export interface SourceLocation {
  line: number;
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
  initiatives: ParsedInitiative[];
  mechanisms: { name: string }[];
  resolutions: { line: number; message: string }[];
}

export class MatrixSourceError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Línea ${line}: ${message}`);
  }
}

const HEADER = /^Objetivos del Desarrollo\tObjetivos de Gesti[oó]n\tIniciativas\tObjetivo de Articulaci[oó]n\tMecanismos de Articulaci[oó]n\s*$/;
const DEVELOPMENT_CODE = /^(\d+)\.\s+(.+)$/s;
const MANAGEMENT_CODE = /^(\d+)\.(\d+)\.?\s+(.+)$/s;
const COLUMNS = 5;

function clean(cell: string | undefined): string {
  return (cell ?? "")
    .replace(/<\/?p>/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const joinText = (a: string, b: string) => `${a} ${b}`.replace(/\s+/g, " ").trim();
const startsLowercase = (text: string) => /^\p{Ll}/u.test(text);
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

interface Row {
  line: number;
  page: number;
  firstOfPage: boolean;
  development: string;
  management: string;
  initiative: string;
  objective: string;
  mechanisms: string;
  /** The mechanism cell was there in the row, even if empty (false when the row was cut short). */
  complete: boolean;
}

function readRows(text: string, resolve: (line: number, message: string) => void): Row[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const firstHeader = lines.findIndex((l) => HEADER.test(l));
  if (firstHeader < 0) throw new MatrixSourceError(1, "no se encontró el encabezado de la matriz (Objetivos del Desarrollo, Objetivos de Gestión, Iniciativas, …).");
  const rows: Row[] = [];
  let page = 0;
  let firstOfPage = false;
  for (let index = firstHeader; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = index + 1;
    if (HEADER.test(raw)) {
      page += 1;
      firstOfPage = true;
      continue;
    }
    if (raw.trim() === "") continue;
    if ((raw.match(/<p>/gi)?.length ?? 0) !== (raw.match(/<\/p>/gi)?.length ?? 0) && index === lines.length - 1) {
      throw new MatrixSourceError(line, "el archivo termina dentro de un párrafo <p> sin cerrar: la copia parece truncada.");
    }
    const cells = raw.split("\t");
    const extra = cells.slice(COLUMNS).filter((c) => clean(c) !== "");
    if (extra.length > 0) {
      throw new MatrixSourceError(line, `la fila tiene ${COLUMNS + extra.length} columnas con contenido; la matriz tiene ${COLUMNS}.`);
    }
    const first = clean(cells[0]);
    let row: Row;
    if (first !== "" && !DEVELOPMENT_CODE.test(first)) {
      // Shifted left: what is there, in order, is initiative, objective and mechanisms.
      const present = cells.map(clean).filter((c) => c !== "");
      if (present.length > 3) throw new MatrixSourceError(line, `fila desplazada con ${present.length} celdas; se esperaban como mucho 3 (iniciativa, objetivo, mecanismos).`);
      const [initiative = "", objective = "", mechanisms = ""] = present;
      resolve(line, `fila desplazada a la izquierda: se leyó como iniciativa «${short(initiative)}», su objetivo de articulación y sus mecanismos.`);
      row = { line, page, firstOfPage, development: "", management: "", initiative, objective, mechanisms, complete: present.length === 3 || cells.length >= COLUMNS };
    } else {
      row = {
        line,
        page,
        firstOfPage,
        development: first,
        management: clean(cells[1]),
        initiative: clean(cells[2]),
        objective: clean(cells[3]),
        mechanisms: clean(cells[4]),
        complete: cells.length >= COLUMNS,
      };
    }
    rows.push(row);
    firstOfPage = false;
  }
  if (rows.length === 0) throw new MatrixSourceError(lines.length, "la matriz no tiene filas de datos.");
  const last = rows.at(-1)!;
  if (!last.complete || last.mechanisms === "") {
    throw new MatrixSourceError(last.line, "la última fila de la matriz está incompleta (sin mecanismos de articulación): la copia parece truncada.");
  }
  return rows;
}

export function parseMatrixSource(text: string): ParsedMatrix {
  const resolutions: { line: number; message: string }[] = [];
  const resolve = (line: number, message: string) => resolutions.push({ line, message });
  const rows = readRows(text, resolve);

  const result: ParsedMatrix = { developmentObjectives: [], managementObjectives: [], initiatives: [], mechanisms: [], resolutions };
  const seenNames = new Map<string, { line: number; code: string }>();
  let development: ParsedMatrix["developmentObjectives"][number] | undefined;
  let management: ParsedMatrix["managementObjectives"][number] | undefined;
  let initiative: ParsedInitiative | undefined;
  let previousMechanisms: string[] = [];

  const mechanismsOf = (row: Row): string[] => {
    if (row.mechanisms === "") return [];
    const { names, notes } = normalizeMechanismCell(row.mechanisms);
    for (const note of notes) resolve(row.line, note);
    return names;
  };

  for (const row of rows) {
    const source = { line: row.line, page: row.page };

    if (row.development) {
      const match = DEVELOPMENT_CODE.exec(row.development)!;
      development = { code: match[1]!, title: match[2]!.trim(), source };
      result.developmentObjectives.push(development);
    }

    let openedManagement: typeof management;
    if (row.management) {
      const match = MANAGEMENT_CODE.exec(row.management);
      if (match) {
        if (!development || match[1] !== development.code) {
          throw new MatrixSourceError(
            row.line,
            `el objetivo de gestión ${match[1]}.${match[2]} no pertenece al objetivo de desarrollo en curso (${development?.code ?? "ninguno"}).`,
          );
        }
        const code = `${match[1]}.${match[2]}`;
        if (result.managementObjectives.some((m) => m.code === code)) {
          throw new MatrixSourceError(row.line, `el objetivo de gestión ${code} aparece dos veces.`);
        }
        openedManagement = { code, title: match[3]!.trim(), developmentObjectiveCode: development.code, source };
        result.managementObjectives.push(openedManagement);
      } else if (row.firstOfPage && management) {
        management.title = joinText(management.title, row.management);
        resolve(row.line, `el título del objetivo de gestión ${management.code} continúa tras el salto de página: «…${short(row.management)}».`);
      } else {
        throw new MatrixSourceError(row.line, `«${short(row.management)}» no es un código de objetivo de gestión (se esperaba p. ej. «1.1 …»).`);
      }
    }
    if (row.development && !openedManagement) {
      throw new MatrixSourceError(row.line, `el objetivo de desarrollo ${development!.code} no abre ningún objetivo de gestión.`);
    }

    if (!row.initiative) {
      // No initiative: the row belongs to the previous initiative, as a continuation or another objective.
      if (!initiative) throw new MatrixSourceError(row.line, "objetivo de articulación sin iniciativa a la que pertenezca.");
      const previous = initiative.articulationObjectives.at(-1)!;
      if (row.objective === "" && row.mechanisms === "") {
        throw new MatrixSourceError(row.line, "fila sin iniciativa, sin objetivo de articulación y sin mecanismos.");
      }
      if (row.objective !== "" && startsLowercase(row.objective) && row.firstOfPage) {
        previous.text = joinText(previous.text, row.objective);
        for (const name of mechanismsOf(row)) if (!previous.mechanisms.includes(name)) previous.mechanisms.push(name);
        previousMechanisms = previous.mechanisms;
        resolve(row.line, `el objetivo de articulación de la línea ${previous.source.line} continúa tras el salto de página («…${short(row.objective)}»).`);
      } else if (row.objective !== "") {
        let mechanisms = mechanismsOf(row);
        if (mechanisms.length === 0) {
          mechanisms = [...previousMechanisms];
          resolve(row.line, `celda de mecanismos vacía: se toman los de la fila anterior (${mechanisms.join(", ") || "ninguno"}).`);
        }
        initiative.articulationObjectives.push({ text: row.objective, mechanisms, source });
        previousMechanisms = mechanisms;
        if (openedManagement) {
          resolve(
            row.line,
            `el objetivo de articulación sin iniciativa se asignó a la iniciativa anterior (línea ${initiative.source.line}, ${initiative.managementObjectiveCode}); el objetivo de gestión ${openedManagement.code} rige desde la fila siguiente.`,
          );
        }
      } else {
        throw new MatrixSourceError(row.line, "celda de mecanismos sin objetivo de articulación ni iniciativa.");
      }
      if (openedManagement) management = openedManagement;
      continue;
    }

    if (openedManagement) management = openedManagement;
    if (!management) throw new MatrixSourceError(row.line, "iniciativa sin objetivo de gestión.");
    if (row.objective === "") throw new MatrixSourceError(row.line, `la iniciativa «${short(row.initiative)}» no tiene objetivo de articulación.`);

    let mechanisms = mechanismsOf(row);
    if (mechanisms.length === 0) {
      mechanisms = [...previousMechanisms];
      resolve(row.line, `celda de mecanismos vacía: se toman los de la fila anterior (${mechanisms.join(", ") || "ninguno"}).`);
    }
    const earlier = seenNames.get(row.initiative);
    if (earlier) {
      resolve(
        row.line,
        earlier.code === management.code
          ? `la iniciativa «${short(row.initiative)}» ya figura en la línea ${earlier.line} con otro objetivo; el documento las cuenta como dos iniciativas.`
          : `la iniciativa «${short(row.initiative)}» figura también en ${earlier.code} (línea ${earlier.line}); se conserva en ambos objetivos, como en el documento.`,
      );
    }
    seenNames.set(row.initiative, { line: row.line, code: management.code });
    initiative = {
      name: row.initiative,
      managementObjectiveCode: management.code,
      source,
      articulationObjectives: [{ text: row.objective, mechanisms, source }],
    };
    result.initiatives.push(initiative);
    previousMechanisms = mechanisms;
  }

  for (const m of result.managementObjectives) {
    if (!result.initiatives.some((i) => i.managementObjectiveCode === m.code)) {
      throw new MatrixSourceError(m.source.line, `el objetivo de gestión ${m.code} no tiene iniciativas.`);
    }
  }
  checkDeclaredCounts(text, result, rows.at(-1)!.line);
  const names = new Set<string>();
  for (const i of result.initiatives) for (const o of i.articulationObjectives) for (const n of o.mechanisms) names.add(n);
  result.mechanisms = [...names].map((name) => ({ name }));
  resolutions.sort((a, b) => a.line - b.line);
  return result;
}

/**
 * The introduction states, objective by objective and in the table's order,
 * how many initiatives each has ("consta de 36 iniciativas…"). When it does,
 * the table must agree: a copy cut short or a row lost fails here.
 */
function checkDeclaredCounts(text: string, result: ParsedMatrix, lastLine: number) {
  const introduction = text.slice(0, text.search(/^Objetivos del Desarrollo\t/m));
  const declared = [...introduction.matchAll(/(\d+)\s+iniciativas/g)].map((m) => Number(m[1]));
  if (declared.length === 0) return;
  const objectives = result.managementObjectives;
  if (declared.length !== objectives.length) {
    throw new MatrixSourceError(
      lastLine,
      `la introducción declara iniciativas para ${declared.length} objetivos de gestión y la tabla tiene ${objectives.length}: la copia parece truncada o incompleta.`,
    );
  }
  objectives.forEach((objective, index) => {
    const found = result.initiatives.filter((i) => i.managementObjectiveCode === objective.code).length;
    if (found !== declared[index]) {
      throw new MatrixSourceError(
        objective.source.line,
        `la introducción declara ${declared[index]} iniciativas para el objetivo de gestión ${objective.code} y la tabla tiene ${found}.`,
      );
    }
  });
}
