import ExcelJS from "exceljs";
import { parseCsv } from "@/lib/export/spreadsheet-cells";
import { EXPORT_COLUMNS, TRACKING_COLUMNS } from "@/lib/initiatives/export-initiatives";
import { documentFromSource } from "@/lib/matrix/document";
import { MatrixSourceError, parseMatrixSource } from "@/lib/matrix/source-parser";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 20_000;
const MAX_CELL = 5_000;

/** One initiative as the file describes it; `line` is where it starts, for error messages. */
export interface BulkInitiative {
  line: number;
  id: number | null;
  /** Rows of the source extraction (.txt) have no ids of ours: they update the live initiative of the same objective and name. */
  matchByName?: true;
  name: string;
  managementObjectiveCode: string;
  articulationObjectives: { text: string; mechanisms: string[] }[];
}

export interface BulkFile {
  initiatives: BulkInitiative[];
  errors: { line: number; message: string }[];
}

export class BulkFileError extends Error {}

/** A cell our export neutralised ('=…) is read back as written; a live formula is refused, also behind spaces (they are trimmed). */
function cellValue(raw: string, line: number, column: string, errors: BulkFile["errors"]): string {
  const value = raw.replace(/^'(?=[=+\-@])/, "").trim();
  const bare = raw.trim();
  if (raw.length > MAX_CELL) errors.push({ line, message: `la columna «${column}» supera ${MAX_CELL} caracteres.` });
  else if (/^[=+@]/.test(bare) || /^-[^\s\d]/.test(bare)) errors.push({ line, message: `la columna «${column}» contiene una fórmula; no se importan fórmulas.` });
  return value;
}

function fromRows(rows: string[][]): BulkFile {
  const [header, ...data] = rows;
  const expected = [...EXPORT_COLUMNS];
  const names = header?.map((h) => h.trim()).join("|");
  // Files exported with the tracking columns import as well; those columns are read-only here.
  const width = names === expected.join("|") ? expected.length : names === [...expected, ...TRACKING_COLUMNS].join("|") ? expected.length + TRACKING_COLUMNS.length : 0;
  if (!header || width === 0) {
    throw new BulkFileError(`Las columnas no son las de la exportación. Se esperaban: ${expected.join("; ")} (y, opcionalmente, las de seguimiento).`);
  }
  if (data.length > MAX_ROWS) throw new BulkFileError(`El archivo tiene ${data.length} filas; el máximo es ${MAX_ROWS}.`);
  const errors: BulkFile["errors"] = [];
  const groups = new Map<string, BulkInitiative & { numbers: number[] }>();
  data.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((c) => c.trim() === "")) return;
    if (cells.length !== width) {
      errors.push({ line, message: `tiene ${cells.length} columnas; se esperaban ${width}.` });
      return;
    }
    const before = errors.length;
    const [idRaw, , , moCode, , name, numberRaw, text, mechanismsRaw] = cells.slice(0, expected.length).map((c, i) => cellValue(c, line, expected[i]!, errors));
    if (errors.length > before) return;
    const id = idRaw ? Number(idRaw) : null;
    if (idRaw && !(Number.isInteger(id) && id! > 0)) return void errors.push({ line, message: `«${idRaw}» no es un id de iniciativa válido.` });
    if (!/^\d{1,2}\.\d{1,2}$/.test(moCode!)) return void errors.push({ line, message: `«${moCode}» no es un código de objetivo de gestión.` });
    if (!name) return void errors.push({ line, message: "falta el nombre de la iniciativa." });
    if (!text) return void errors.push({ line, message: "falta el objetivo de articulación." });
    const number = Number(numberRaw);
    if (!Number.isInteger(number) || number < 1) return void errors.push({ line, message: `«${numberRaw}» no es un número de objetivo de articulación.` });
    const key = id !== null ? `id:${id}` : `nueva:${moCode}:${name}`;
    const group = groups.get(key) ?? { line, id, name: name!, managementObjectiveCode: moCode!, articulationObjectives: [], numbers: [] };
    if (group.name !== name || group.managementObjectiveCode !== moCode) {
      return void errors.push({ line, message: `la iniciativa ${id ?? name} aparece con nombres u objetivos distintos en la fila ${group.line} y en esta.` });
    }
    group.numbers.push(number);
    group.articulationObjectives.push({ text: text!, mechanisms: mechanismsRaw ? mechanismsRaw.split(";").map((m) => m.trim()).filter(Boolean) : [] });
    groups.set(key, group);
  });
  const initiatives = [...groups.values()].map(({ numbers, ...group }) => {
    const order = numbers.map((n, i) => ({ n, i })).sort((a, b) => a.n - b.n);
    if (order.some((o, i) => o.n !== i + 1)) errors.push({ line: group.line, message: "los objetivos de articulación deben numerarse 1, 2, 3… sin huecos ni repeticiones." });
    return { ...group, articulationObjectives: order.map((o) => group.articulationObjectives[o.i]!) };
  });
  return { initiatives, errors };
}

/** Reads an upload: the CSV or XLSX the export produces, or a text extraction of the source document. */
export async function readBulkFile(fileName: string, bytes: Buffer): Promise<BulkFile> {
  if (bytes.length === 0) throw new BulkFileError("El archivo está vacío.");
  if (bytes.length > MAX_UPLOAD_BYTES) throw new BulkFileError(`El archivo supera ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "xlsx") {
    if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw new BulkFileError("El archivo no es un XLSX válido.");
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new BulkFileError("El archivo no es un XLSX válido.");
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new BulkFileError("El XLSX no tiene hojas.");
    if (sheet.rowCount > MAX_ROWS + 1) throw new BulkFileError(`El archivo tiene ${sheet.rowCount - 1} filas; el máximo es ${MAX_ROWS}.`);
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= EXPORT_COLUMNS.length; c++) {
        const cell = row.getCell(c);
        // A live formula is written as text starting with "=" so the row check refuses it.
        cells.push(cell.formula ? `=${cell.formula}` : cell.value === null || cell.value === undefined ? "" : String(cell.text ?? cell.value));
      }
      rows.push(cells);
    });
    return fromRows(rows);
  }
  if (extension !== "csv" && extension !== "txt") throw new BulkFileError("Tipo de archivo no admitido: use CSV, XLSX o la extracción de texto del documento (.txt).");
  if (bytes.includes(0)) throw new BulkFileError("El archivo contiene bytes nulos: no es texto.");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\uFFFD")) throw new BulkFileError("El archivo no está en UTF-8. Guárdelo como «CSV UTF-8» e inténtelo de nuevo.");
  if (extension === "txt") {
    try {
      const document = documentFromSource(parseMatrixSource(text));
      return {
        errors: [],
        initiatives: document.initiatives.map((i) => ({
          line: i.source?.line ?? 0,
          // Its ids only number the extraction's own order, which changes as soon as one initiative is added or removed.
          id: null,
          matchByName: true as const,
          name: i.name,
          managementObjectiveCode: i.managementObjectiveCode,
          articulationObjectives: i.articulationObjectives.map((o) => ({ text: o.text, mechanisms: o.mechanisms })),
        })),
      };
    } catch (error) {
      if (error instanceof MatrixSourceError) throw new BulkFileError(error.message);
      throw error;
    }
  }
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  return fromRows(parseCsv(text, firstLine.includes(";") ? ";" : ","));
}
