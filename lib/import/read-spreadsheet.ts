import { Readable } from "node:stream";
import { parse as csvParser } from "csv-parse";
import ExcelJS from "exceljs";
import unzipper from "unzipper";
import { z } from "zod";
import { t } from "@/lib/i18n";
import { MAX_UPLOAD_BYTES } from "./upload-limit";

export const MAX_ROWS = 20_000;
export const MAX_CELL = 5_000;
/**
 * What an XLSX may unpack to. An export of MAX_ROWS full rows is well under it;
 * a 5 MB file that unpacks to a million rows (a "zip bomb") is stopped as soon
 * as it crosses it, before anything is kept.
 */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 1_000;
const TEXT_CHUNK_BYTES = 64 * 1024;
/** How many sheets may come before the data one (ours has one). */
const MAX_LEADING_SHEETS = 3;
const MB = 1024 * 1024;

export class BulkFileError extends Error {}

/** An uploaded file field of an import form: present, not empty, within the upload limit. */
export const uploadedFileSchema = z
  .instanceof(File, { message: t.bulk.fileRequired })
  .refine((f) => f.size > 0, t.bulk.fileRequired)
  .refine((f) => f.size <= MAX_UPLOAD_BYTES, t.bulkRows.fileTooLarge(MAX_UPLOAD_BYTES / MB));

/**
 * What turns the rows of one kind of file into its result, as they are read: the
 * header first, then each row with its line. The readers below own the limits
 * (size, unpacked size, rows, record length), so every import keeps them.
 */
export interface SheetCollector<T> {
  /** The widest header this collector reads: how many cells of a first row are looked at. */
  readonly maxColumns: number;
  /** The header's width if the cells are a header this collector reads, else 0. */
  headerWidth(cells: string[]): number;
  /** Takes the header, or throws a BulkFileError that says which columns were expected. */
  header(cells: string[]): void;
  row(cells: string[], line: number): void;
  finish(): T;
}

/** A cell our export neutralised ('=…) is read back as written; a live formula is refused, also behind spaces (they are trimmed). */
export function cellValue(raw: string, line: number, column: string, errors: { line: number; message: string }[]): string {
  const value = raw.replace(/^'(?=[=+\-@])/, "").trim();
  const bare = raw.trim();
  if (raw.length > MAX_CELL) errors.push({ line, message: t.bulkFile.cellTooLong(column, MAX_CELL) });
  else if (/^[=+@]/.test(bare) || /^-[^\s\d]/.test(bare)) errors.push({ line, message: t.bulkFile.formula(column) });
  return value;
}

function rowLimit(line: number) {
  if (line > MAX_ROWS + 1) throw new BulkFileError(t.bulkFile.tooManyRows(MAX_ROWS));
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
  // A day typed into a spreadsheet becomes a date cell: read back as the "YYYY-MM-DD" the exports write.
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return cell.value === null || cell.value === undefined ? "" : String(cell.text ?? cell.value);
}

/** The first worksheet whose first row is a header, row by row, with ExcelJS's streaming reader: at most one row in memory besides what is collected. */
async function readXlsx<T>(bytes: Buffer, rows: SheetCollector<T>): Promise<T> {
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
  let sheets = 0;
  let width = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      // Sheets before the data (the exports' «Contenido», which says what it holds) are read past.
      let data = false;
      for await (const row of worksheet) {
        if (!data && row.number === 1) {
          const header = Array.from({ length: rows.maxColumns }, (_, i) => cellText(row, i + 1));
          width = rows.headerWidth(header);
          data = width > 0 || sheets >= MAX_LEADING_SHEETS;
          if (data) rows.header(header);
          continue;
        }
        if (!data) continue;
        rowLimit(row.number);
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
export function* utf8Chunks(bytes: Buffer): Generator<string> {
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
async function readCsv<T>(bytes: Buffer, rows: SheetCollector<T>): Promise<T> {
  const head = bytes.subarray(0, TEXT_CHUNK_BYTES).toString("utf8");
  const firstLine = head.slice(0, head.indexOf("\n") >>> 0);
  const source = Readable.from(utf8Chunks(bytes), { objectMode: false });
  const parser = csvParser({
    delimiter: firstLine.includes(";") ? ";" : ",",
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // Longer than any row of the collector's with every cell at its limit, quotes doubled: the parser stops there instead of buffering on.
    max_record_size: rows.maxColumns * (2 * MAX_CELL + 3),
  });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (line === 1) rows.header(record);
      else {
        rowLimit(line);
        rows.row(record, line);
      }
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

/** Refuses an empty or oversized upload before anything reads it. */
export function checkUploadSize(bytes: Buffer) {
  if (bytes.length === 0) throw new BulkFileError(t.bulkFile.empty);
  if (bytes.length > MAX_UPLOAD_BYTES) throw new BulkFileError(t.bulkFile.tooLarge(MAX_UPLOAD_BYTES / MB));
}

/** The file's extension, lowercased: what decides how it is read. */
export const extensionOf = (fileName: string) => fileName.toLowerCase().split(".").pop();

/**
 * Reads an uploaded CSV or XLSX into what the collector makes of it, as a stream,
 * refused at the first limit crossed (size, size unpacked, rows, record length).
 */
export async function readSpreadsheet<T>(fileName: string, bytes: Buffer, rows: SheetCollector<T>): Promise<T> {
  checkUploadSize(bytes);
  const extension = extensionOf(fileName);
  if (extension === "xlsx") return readXlsx(bytes, rows);
  if (extension === "csv") return readCsv(bytes, rows);
  throw new BulkFileError(t.bulkFile.unsupportedSpreadsheet);
}
