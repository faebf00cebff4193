import { Readable } from "node:stream";
import { parse as csvParser } from "csv-parse";
import ExcelJS from "exceljs";
import unzipper from "unzipper";
import { t } from "@/lib/i18n";
import { EXPORT_COLUMNS, EXPORT_HEADER, TRACKING_COLUMNS, VERSION_COLUMN } from "@/lib/initiatives/export-initiatives";
import { documentFromSource } from "@/lib/matrix/document";
import { MatrixSourceError, parseMatrixSource } from "@/lib/matrix/source-parser";
import { MAX_UPLOAD_BYTES } from "./upload-limit";

export { MAX_UPLOAD_BYTES };
export const MAX_ROWS = 20_000;
const MAX_CELL = 5_000;
/**
 * What an XLSX may unpack to. An export of MAX_ROWS full rows is well under it;
 * a 5 MB file that unpacks to a million rows (a "zip bomb") is stopped as soon
 * as it crosses it, before anything is kept.
 */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 1_000;
// Longer than any row of ours with every cell at its limit, quotes doubled: the parser stops there instead of buffering on.
const MAX_CSV_RECORD_CHARS = EXPORT_HEADER.length * (2 * MAX_CELL + 3);
const TEXT_CHUNK_BYTES = 64 * 1024;
/** How many sheets may come before the data one (ours has one). */
const MAX_LEADING_SHEETS = 3;
const MB = 1024 * 1024;

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

export class BulkFileError extends Error {}

/** A cell our export neutralised ('=…) is read back as written; a live formula is refused, also behind spaces (they are trimmed). */
function cellValue(raw: string, line: number, column: string, errors: BulkFile["errors"]): string {
  const value = raw.replace(/^'(?=[=+\-@])/, "").trim();
  const bare = raw.trim();
  if (raw.length > MAX_CELL) errors.push({ line, message: t.bulkFile.cellTooLong(column, MAX_CELL) });
  else if (/^[=+@]/.test(bare) || /^-[^\s\d]/.test(bare)) errors.push({ line, message: t.bulkFile.formula(column) });
  return value;
}

/**
 * Turns rows into initiatives one at a time, as the file is read: the header
 * first, then each row with its line; past MAX_ROWS it throws, so a reader
 * never holds more than that.
 */
class RowCollector {
  private width = 0;
  private readonly errors: BulkFile["errors"] = [];
  private readonly groups = new Map<string, BulkInitiative & { numbers: number[]; rows: NonNullable<BulkInitiative["rows"]> }>();

  private columns: readonly string[] = [];

  get hasHeader() {
    return this.width > 0;
  }

  /** The header's width if the cells are one of the exports' headers (older ones included), else 0. */
  static headerWidth(cells: string[]): number {
    const names = cells.map((h) => h.trim());
    while (names.length > 0 && names[names.length - 1] === "") names.pop();
    const joined = names.join("|");
    // Files exported before the tracking or the version columns import as well.
    const shapes = [EXPORT_COLUMNS.length, EXPORT_COLUMNS.length + TRACKING_COLUMNS.length, EXPORT_HEADER.length];
    return shapes.find((width) => joined === EXPORT_HEADER.slice(0, width).join("|")) ?? 0;
  }

  header(cells: string[]) {
    this.width = RowCollector.headerWidth(cells);
    if (this.width === 0) throw new BulkFileError(t.bulkFile.wrongColumns(EXPORT_COLUMNS.join("; ")));
    this.columns = EXPORT_HEADER.slice(0, this.width);
  }

  row(cells: string[], line: number) {
    if (line > MAX_ROWS + 1) throw new BulkFileError(t.bulkFile.tooManyRows(MAX_ROWS));
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
    if (!this.hasHeader) throw new BulkFileError(t.bulkFile.wrongColumns(EXPORT_COLUMNS.join("; ")));
    const { errors } = this;
    const initiatives = [...this.groups.values()].map(({ numbers, ...group }) => {
      const order = numbers.map((n, i) => ({ n, i })).sort((a, b) => a.n - b.n);
      if (order.some((o, i) => o.n !== i + 1)) errors.push({ line: group.line, message: t.bulkFile.numbering });
      return { ...group, articulationObjectives: order.map((o) => group.articulationObjectives[o.i]!) };
    });
    return { initiatives, errors, columns: this.columns };
  }
}

/**
 * Inflates every part of the archive once, keeping nothing, and stops as soon
 * as the total crosses MAX_UNPACKED_BYTES. It reads the archive the way
 * ExcelJS's streaming reader does (local headers in order), so what that reader
 * inflates next is known to stay under the limit, temporary files included.
 */
async function checkUnpackedSize(bytes: Buffer) {
  const zip = Readable.from([bytes]).pipe(unzipper.Parse({ forceStream: true }));
  let total = 0;
  let entries = 0;
  try {
    for await (const entry of zip as AsyncIterable<unzipper.Entry>) {
      if (++entries > MAX_ZIP_ENTRIES) throw new BulkFileError(t.bulkFile.tooManyEntries(MAX_ZIP_ENTRIES));
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > MAX_UNPACKED_BYTES) throw new BulkFileError(t.bulkFile.unpacksTooLarge(MAX_UNPACKED_BYTES / MB));
      }
    }
  } catch (error) {
    if (error instanceof BulkFileError) throw error;
    throw new BulkFileError(t.bulkFile.invalidXlsx);
  } finally {
    zip.destroy();
  }
}

function cellText(row: ExcelJS.Row, column: number): string {
  const cell = row.getCell(column);
  // A live formula is written as text starting with "=" so the row check refuses it.
  if (cell.formula) return `=${cell.formula}`;
  return cell.value === null || cell.value === undefined ? "" : String(cell.text ?? cell.value);
}

/** The first worksheet, row by row, with ExcelJS's streaming reader: at most one row in memory besides what is collected. */
async function readXlsx(bytes: Buffer): Promise<BulkFile> {
  if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw new BulkFileError(t.bulkFile.invalidXlsx);
  await checkUnpackedSize(bytes);
  const input = Readable.from([bytes]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  const rows = new RowCollector();
  let sheets = 0;
  let width = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      // Sheets before the data (the export's «Contenido», which says what it holds) are read past.
      let data = false;
      for await (const row of worksheet) {
        if (!data && row.number === 1) {
          const header = Array.from({ length: EXPORT_HEADER.length }, (_, i) => cellText(row, i + 1));
          width = RowCollector.headerWidth(header);
          data = width > 0 || sheets >= MAX_LEADING_SHEETS;
          if (data) rows.header(header);
          continue;
        }
        if (data)
          rows.row(
            Array.from({ length: width }, (_, i) => cellText(row, i + 1)),
            row.number,
          );
      }
      if (data) break;
    }
  } catch (error) {
    if (error instanceof BulkFileError) throw error;
    throw new BulkFileError(t.bulkFile.invalidXlsx);
  } finally {
    input.destroy();
  }
  if (sheets === 0) throw new BulkFileError(t.bulkFile.noSheets);
  return rows.finish();
}

/** Decodes UTF-8 in chunks, refusing NUL bytes and invalid sequences as soon as they appear. */
function* utf8Chunks(bytes: Buffer): Generator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let offset = 0; offset < bytes.length; offset += TEXT_CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + TEXT_CHUNK_BYTES);
    if (chunk.includes(0)) throw new BulkFileError(t.bulkFile.nullBytes);
    try {
      yield decoder.decode(chunk, { stream: offset + TEXT_CHUNK_BYTES < bytes.length });
    } catch {
      throw new BulkFileError(t.bulkFile.notUtf8);
    }
  }
}

/** A CSV as Excel in Spanish (;) or elsewhere (,) writes it, parsed record by record with csv-parse. */
async function readCsv(bytes: Buffer): Promise<BulkFile> {
  const head = bytes.subarray(0, TEXT_CHUNK_BYTES).toString("utf8");
  const firstLine = head.slice(0, head.indexOf("\n") >>> 0);
  const source = Readable.from(utf8Chunks(bytes), { objectMode: false });
  const parser = csvParser({
    delimiter: firstLine.includes(";") ? ";" : ",",
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_CSV_RECORD_CHARS,
  });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  const rows = new RowCollector();
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (rows.hasHeader) rows.row(record, line);
      else rows.header(record);
    }
  } catch (error) {
    if (error instanceof BulkFileError) throw error;
    const code = (error as { code?: string }).code;
    throw new BulkFileError(code === "CSV_MAX_RECORD_SIZE" ? t.bulkFile.recordTooLong : t.bulkFile.invalidCsv(line + 1));
  } finally {
    source.destroy();
    parser.destroy();
  }
  return rows.finish();
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
  if (bytes.length === 0) throw new BulkFileError(t.bulkFile.empty);
  if (bytes.length > MAX_UPLOAD_BYTES) throw new BulkFileError(t.bulkFile.tooLarge(MAX_UPLOAD_BYTES / MB));
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "xlsx") return readXlsx(bytes);
  if (extension === "csv") return readCsv(bytes);
  if (extension === "txt") return readSourceExtraction(bytes);
  throw new BulkFileError(t.bulkFile.unsupportedType);
}
