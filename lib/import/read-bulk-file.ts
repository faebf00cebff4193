import { t } from "@/lib/i18n";
import { EXPORT_COLUMNS, EXPORT_HEADER, TRACKING_COLUMNS, VERSION_COLUMN } from "@/lib/initiatives/export-initiatives";
import { documentFromSource } from "@/lib/matrix/document";
import { MatrixSourceError, parseMatrixSource } from "@/lib/matrix/source-parser";
import {
  BulkFileError,
  cellValue,
  checkUploadSize,
  extensionOf,
  MAX_ROWS,
  MAX_UNPACKED_BYTES,
  readSpreadsheet,
  type SheetCollector,
  utf8Chunks,
} from "./read-spreadsheet";
import { MAX_UPLOAD_BYTES } from "./upload-limit";

export { BulkFileError, MAX_ROWS, MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES };

/** One initiative as the file describes it; `line` is where it starts, for error messages. */
export interface BulkInitiative {
  line: number;
  id: number | null;
  /** Rows of the source extraction (.txt) have no ids of ours: they update the live initiative of the same objective and name. */
  matchByName?: true;
  name: string;
  managementObjectiveCode: string;
  articulationObjectives: { text: string; mechanisms: string[] }[];
  /** The version the row was exported at (the «Versión» column); null when the file has none. */
  version?: number | null;
  /** Every cell of each of its rows as read, by column name: what the import does not write is compared, not dropped. */
  rows?: { line: number; number: number; cells: Record<string, string> }[];
}

export interface BulkFile {
  initiatives: BulkInitiative[];
  errors: { line: number; message: string }[];
  /** The columns of the file, in order; empty for a source extraction. */
  columns: readonly string[];
}

/**
 * Turns rows into initiatives one at a time, as the file is read: the header
 * first, then each row with its line; the reader stops past MAX_ROWS, so it
 * never holds more than that.
 */
class RowCollector implements SheetCollector<BulkFile> {
  readonly maxColumns = EXPORT_HEADER.length;
  private width = 0;
  private readonly errors: BulkFile["errors"] = [];
  private readonly groups = new Map<string, BulkInitiative & { numbers: number[]; rows: NonNullable<BulkInitiative["rows"]> }>();

  private columns: readonly string[] = [];

  /** The header's width if the cells are one of the exports' headers (older ones included), else 0. */
  headerWidth(cells: string[]): number {
    const names = cells.map((h) => h.trim());
    while (names.length > 0 && names[names.length - 1] === "") names.pop();
    const joined = names.join("|");
    // Files exported before the tracking or the version columns import as well.
    const shapes = [EXPORT_COLUMNS.length, EXPORT_COLUMNS.length + TRACKING_COLUMNS.length, EXPORT_HEADER.length];
    return shapes.find((width) => joined === EXPORT_HEADER.slice(0, width).join("|")) ?? 0;
  }

  header(cells: string[]) {
    this.width = this.headerWidth(cells);
    if (this.width === 0) throw new BulkFileError(t.bulkFile.wrongColumns(EXPORT_COLUMNS.join("; ")));
    this.columns = EXPORT_HEADER.slice(0, this.width);
  }

  row(cells: string[], line: number) {
    const { errors, groups, width } = this;
    if (cells.every((c) => c.trim() === "")) return;
    if (cells.length !== width) return void errors.push({ line, message: t.bulkFile.columnCount(cells.length, width) });
    const before = errors.length;
    const values = cells.map((c, i) => cellValue(c, line, this.columns[i]!, errors));
    if (errors.length > before) return;
    const [idRaw, , , moCode, , name, numberRaw, text, mechanismsRaw] = values;
    const versionRaw = values[EXPORT_HEADER.indexOf(VERSION_COLUMN)] ?? "";
    const version = versionRaw === "" ? null : Number(versionRaw);
    if (version !== null && !(Number.isInteger(version) && version > 0))
      return void errors.push({ line, message: t.planner.invalidVersion(versionRaw) });
    const id = idRaw ? Number(idRaw) : null;
    if (idRaw && !(Number.isInteger(id) && id! > 0)) return void errors.push({ line, message: t.bulkFile.invalidId(idRaw) });
    if (!/^\d{1,2}\.\d{1,2}$/.test(moCode!)) return void errors.push({ line, message: t.bulkFile.invalidObjectiveCode(moCode!) });
    if (!name) return void errors.push({ line, message: t.bulkFile.missingName });
    if (!text) return void errors.push({ line, message: t.bulkFile.missingObjective });
    const number = Number(numberRaw);
    if (!Number.isInteger(number) || number < 1) return void errors.push({ line, message: t.bulkFile.invalidNumber(numberRaw!) });
    const key = id !== null ? `id:${id}` : `nueva:${moCode}:${name}`;
    const group = groups.get(key) ?? {
      line,
      id,
      name: name!,
      managementObjectiveCode: moCode!,
      articulationObjectives: [],
      numbers: [],
      version,
      rows: [],
    };
    if (group.name !== name || group.managementObjectiveCode !== moCode || group.version !== version) {
      return void errors.push({ line, message: t.bulkFile.inconsistent(id ?? name!, group.line) });
    }
    group.numbers.push(number);
    group.rows.push({ line, number, cells: Object.fromEntries(this.columns.map((column, i) => [column, values[i]!])) });
    group.articulationObjectives.push({
      text: text!,
      mechanisms: mechanismsRaw
        ? mechanismsRaw
            .split(";")
            .map((m) => m.trim())
            .filter(Boolean)
        : [],
    });
    groups.set(key, group);
  }

  finish(): BulkFile {
    if (this.width === 0) throw new BulkFileError(t.bulkFile.wrongColumns(EXPORT_COLUMNS.join("; ")));
    const { errors } = this;
    const initiatives = [...this.groups.values()].map(({ numbers, ...group }) => {
      const order = numbers.map((n, i) => ({ n, i })).sort((a, b) => a.n - b.n);
      if (order.some((o, i) => o.n !== i + 1)) errors.push({ line: group.line, message: t.bulkFile.numbering });
      return { ...group, articulationObjectives: order.map((o) => group.articulationObjectives[o.i]!) };
    });
    return { initiatives, errors, columns: this.columns };
  }
}

function readSourceExtraction(bytes: Buffer): BulkFile {
  const text = [...utf8Chunks(bytes)].join("");
  try {
    const document = documentFromSource(parseMatrixSource(text));
    return {
      errors: [],
      columns: [],
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

/**
 * Reads an upload: the CSV or XLSX the export produces, or a text extraction of
 * the source document. Spreadsheets are read as streams and refused at the
 * first limit crossed (size unpacked, rows, record length).
 */
export async function readBulkFile(fileName: string, bytes: Buffer): Promise<BulkFile> {
  checkUploadSize(bytes);
  if (extensionOf(fileName) === "txt") return readSourceExtraction(bytes);
  if (extensionOf(fileName) !== "xlsx" && extensionOf(fileName) !== "csv") throw new BulkFileError(t.bulkFile.unsupportedType);
  return readSpreadsheet(fileName, bytes, new RowCollector());
}
