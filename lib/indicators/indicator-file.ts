import { z } from "zod";
import type { Db, Prisma } from "@/lib/db/client";
import { type Cell, csvStream, xlsxStream } from "@/lib/export/spreadsheet-streams";
import { t } from "@/lib/i18n";
import { BulkFileError, cellValue, readSpreadsheet, type SheetCollector } from "@/lib/import/read-spreadsheet";
import { foldText } from "@/lib/text/search-text";
import { dateToDay } from "@/lib/tracking/days";
import { PLAN_YEARS } from "./indicator-math";
import { createIndicatorSchema, measurementSchema, targetField, updateIndicatorSchema, updateMeasurementSchema } from "./indicator-schemas";

/**
 * The exchange files of indicators and of measurements (issue 20): what the
 * export writes and the import reads back, column by column. Pure but for the
 * export's reads, so the row parsing is tested apart from the database.
 */

export type ExchangeKind = "indicators" | "measurements";
type Reader = Prisma.TransactionClient | Db;
const c = t.indicatorFile.columns;

export const INDICATOR_HEADER: readonly string[] = [
  c.id,
  c.initiativeId,
  c.initiative,
  c.name,
  c.unit,
  c.direction,
  c.baselineYear,
  c.baselineValue,
  c.dataSource,
  c.secretariat,
  ...PLAN_YEARS.map(c.target),
  c.version,
];

export const MEASUREMENT_HEADER: readonly string[] = [
  c.measurementId,
  c.id,
  c.name,
  c.initiativeId,
  c.measuredOn,
  c.value,
  c.note,
  c.explanation,
  c.evidenceUrl,
  c.version,
];

export const HEADERS: Record<ExchangeKind, readonly string[]> = { indicators: INDICATOR_HEADER, measurements: MEASUREMENT_HEADER };

/** Columns that repeat what the ids already say: exported to be read by people, never imported. */
export const INFORMATIVE: Record<ExchangeKind, readonly string[]> = {
  indicators: [c.initiative],
  measurements: [c.name, c.initiativeId],
};

/** What an indicator is, as its row says it (the export's and the parsed file's alike). */
export interface IndicatorValues {
  initiativeId: number;
  name: string;
  unit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  baselineYear?: number | null;
  baselineValue?: number | null;
  dataSource?: string | null;
  secretariat?: string | null;
  targets: readonly { year: number; value: number }[];
}

const blank = (value: string | number | null | undefined): Cell => (value === null || value === undefined ? "" : value);

/** An indicator's cells, informative columns included; `id` and `version` blank for a new one. */
export function indicatorCells(id: number | null, initiativeName: string, v: IndicatorValues, version: number | null): Cell[] {
  const targets = new Map(v.targets.map((target) => [target.year, target.value]));
  return [
    blank(id),
    v.initiativeId,
    initiativeName,
    v.name,
    v.unit,
    t.indicators.directions[v.direction],
    blank(v.baselineYear),
    blank(v.baselineValue),
    blank(v.dataSource),
    blank(v.secretariat),
    ...PLAN_YEARS.map((year) => blank(targets.get(year))),
    blank(version),
  ];
}

export interface MeasurementValues {
  indicatorId: number;
  measuredOn: string;
  value: number;
  note?: string | null;
  explanation?: string | null;
  evidenceUrl?: string | null;
}

export function measurementCells(
  id: number | null,
  indicator: { name: string; initiativeId: number },
  v: MeasurementValues,
  version: number | null,
): Cell[] {
  return [
    blank(id),
    v.indicatorId,
    indicator.name,
    indicator.initiativeId,
    v.measuredOn,
    v.value,
    blank(v.note),
    blank(v.explanation),
    blank(v.evidenceUrl),
    blank(version),
  ];
}

const EXPORT_BATCH = 500;

/** The live initiatives' indicators, in the table's order: the ids now, the rows a batch at a time, so memory stays flat. */
export async function indicatorRowBatches(db: Reader, initiativeId?: number): Promise<AsyncGenerator<Cell[][]>> {
  const ids = await db.indicator.findMany({
    where: { initiative: { archivedAt: null, ...(initiativeId === undefined ? {} : { id: initiativeId }) } },
    orderBy: [{ initiative: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return (async function* () {
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      const batch = ids.slice(start, start + EXPORT_BATCH).map((row) => row.id);
      const rows = await db.indicator.findMany({
        where: { id: { in: batch } },
        include: { targets: true, initiative: { select: { name: true } }, secretariat: { select: { name: true } } },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      // An indicator deleted since the ids were read is simply not there.
      yield batch.flatMap((id) => {
        const row = byId.get(id);
        return row ? [indicatorCells(row.id, row.initiative.name, { ...row, secretariat: row.secretariat?.name }, row.version)] : [];
      });
    }
  })();
}

/** The live initiatives' measurements, by indicator and date, the same way. */
export async function measurementRowBatches(db: Reader, initiativeId?: number): Promise<AsyncGenerator<Cell[][]>> {
  const ids = await db.measurement.findMany({
    where: { indicator: { initiative: { archivedAt: null, ...(initiativeId === undefined ? {} : { id: initiativeId }) } } },
    orderBy: [{ indicator: { initiative: { position: "asc" } } }, { indicator: { position: "asc" } }, { measuredOn: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return (async function* () {
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      const batch = ids.slice(start, start + EXPORT_BATCH).map((row) => row.id);
      const rows = await db.measurement.findMany({
        where: { id: { in: batch } },
        include: { indicator: { select: { name: true, initiativeId: true } } },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      yield batch.flatMap((id) => {
        const row = byId.get(id);
        return row ? [measurementCells(row.id, row.indicator, { ...row, measuredOn: dateToDay(row.measuredOn) }, row.version)] : [];
      });
    }
  })();
}

/** Columns of long text, which wrap in the XLSX. */
const WIDE = new Set<string>([c.initiative, c.name, c.dataSource, c.secretariat, c.note, c.explanation, c.evidenceUrl]);

/** The file of one kind as a CSV or XLSX stream; the XLSX opens on a sheet that says what it holds. */
export function exchangeFileStream(
  kind: ExchangeKind,
  format: "csv" | "xlsx",
  batches: AsyncIterable<Cell[][]>,
  day: string,
): ReadableStream<Uint8Array> {
  const header = HEADERS[kind];
  if (format === "csv") return csvStream(header, batches);
  const f = t.indicatorFile;
  return xlsxStream(batches, {
    contents: {
      sheet: t.planner.contentsSheet,
      title: f.contentsTitle[kind],
      rows: [
        [t.planner.contentsDate, day],
        [f.contentsAbout, f.contentsText[kind]],
      ],
    },
    sheet: f.sheets[kind],
    columns: header.map((column) => ({ header: column, width: WIDE.has(column) ? 40 : 12, wrap: WIDE.has(column) })),
  });
}

/** The rows of one kind, for the export; the ids are read before it returns, so a database that does not answer is an error, not a cut-off file. */
export const exchangeRowBatches = (db: Reader, kind: ExchangeKind, initiativeId?: number) =>
  kind === "indicators" ? indicatorRowBatches(db, initiativeId) : measurementRowBatches(db, initiativeId);

/** One row of an uploaded exchange file: its line and its cells by column name. */
export interface ExchangeRow {
  line: number;
  cells: Record<string, string>;
}

export interface ExchangeFile {
  kind: ExchangeKind;
  rows: ExchangeRow[];
  errors: { line: number; message: string }[];
}

/** Rows of either exchange file as they are read; which one it is, its header says. */
class ExchangeCollector implements SheetCollector<ExchangeFile> {
  readonly maxColumns = Math.max(INDICATOR_HEADER.length, MEASUREMENT_HEADER.length);
  private kind: ExchangeKind | null = null;
  private readonly rows: ExchangeRow[] = [];
  private readonly errors: ExchangeFile["errors"] = [];

  private kindOf(cells: string[]): ExchangeKind | null {
    const names = cells.map((cell) => cell.trim());
    while (names.length > 0 && names[names.length - 1] === "") names.pop();
    const joined = names.join("|");
    return (Object.keys(HEADERS) as ExchangeKind[]).find((kind) => HEADERS[kind].join("|") === joined) ?? null;
  }

  headerWidth(cells: string[]) {
    const kind = this.kindOf(cells);
    return kind ? HEADERS[kind].length : 0;
  }

  header(cells: string[]) {
    this.kind = this.kindOf(cells);
    if (!this.kind) throw new BulkFileError(t.indicatorFile.wrongColumns(INDICATOR_HEADER.join("; "), MEASUREMENT_HEADER.join("; ")));
  }

  row(cells: string[], line: number) {
    const header = HEADERS[this.kind!];
    // Spreadsheets pad rows with empty cells, and trailing ones are not data.
    while (cells.length > header.length && cells[cells.length - 1]!.trim() === "") cells = cells.slice(0, -1);
    if (cells.every((cell) => cell.trim() === "")) return;
    if (cells.length !== header.length)
      return void this.errors.push({ line, message: t.bulkFile.columnCount(cells.length, header.length) });
    const before = this.errors.length;
    const values = cells.map((cell, i) => cellValue(cell, line, header[i]!, this.errors));
    if (this.errors.length > before) return;
    this.rows.push({ line, cells: Object.fromEntries(header.map((column, i) => [column, values[i]!])) });
  }

  finish(): ExchangeFile {
    if (!this.kind) throw new BulkFileError(t.indicatorFile.wrongColumns(INDICATOR_HEADER.join("; "), MEASUREMENT_HEADER.join("; ")));
    return { kind: this.kind, rows: this.rows, errors: this.errors };
  }
}

/** Reads an uploaded CSV or XLSX of indicators or of measurements, with the bulk import's limits. */
export function readExchangeFile(fileName: string, bytes: Buffer): Promise<ExchangeFile> {
  return readSpreadsheet(fileName, bytes, new ExchangeCollector());
}

// Row parsing: a row becomes the input of the same zod schema the forms use, and each issue names its column.

type Parsed<T> = { ok: true; value: T } | { ok: false; messages: string[] };

const INDICATOR_FIELD_COLUMNS: Record<string, string> = {
  id: c.id,
  initiativeId: c.initiativeId,
  name: c.name,
  unit: c.unit,
  direction: c.direction,
  baselineYear: c.baselineYear,
  baselineValue: c.baselineValue,
  dataSource: c.dataSource,
  secretariatId: c.secretariat,
  version: c.version,
  ...Object.fromEntries(PLAN_YEARS.map((year) => [targetField(year), c.target(year)])),
};

const MEASUREMENT_FIELD_COLUMNS: Record<string, string> = {
  id: c.measurementId,
  indicatorId: c.id,
  measuredOn: c.measuredOn,
  value: c.value,
  note: c.note,
  explanation: c.explanation,
  evidenceUrl: c.evidenceUrl,
  version: c.version,
};

/** The first issue of each field as «columna «X»: message» (a cell says one thing wrong with it, not every rule it breaks). */
export function columnMessages(error: z.ZodError, columns: Record<string, string>): string[] {
  const first = new Map<string, string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    const column = columns[field];
    if (!first.has(field)) first.set(field, column ? t.indicatorFile.cell(column, issue.message) : issue.message);
  }
  return [...first.values()];
}

/** The row's id and version: blank id for a new row; a row with an id says which version it was exported at. */
function idAndVersion(cells: Record<string, string>, idColumn: string): Parsed<{ id: number; version: number } | null> {
  const raw = cells[idColumn] ?? "";
  if (raw === "") return { ok: true, value: null };
  const id = Number(raw);
  const versionRaw = cells[c.version] ?? "";
  const version = Number(versionRaw);
  const messages: string[] = [];
  if (!/^\d{1,9}$/.test(raw) || id < 1) messages.push(t.indicatorFile.cell(idColumn, t.indicatorFile.invalidId(raw)));
  if (versionRaw === "") messages.push(t.indicatorFile.cell(c.version, t.indicatorFile.versionRequired));
  else if (!/^\d{1,9}$/.test(versionRaw) || version < 1)
    messages.push(t.indicatorFile.cell(c.version, t.indicatorFile.invalidId(versionRaw)));
  return messages.length > 0 ? { ok: false, messages } : { ok: true, value: { id, version } };
}

/** «Mayor es mejor» as exported, in any case or accents, or the stored code; anything else is left for the schema to refuse. */
function directionOf(raw: string): string {
  const folded = foldText(raw);
  const found = Object.entries(t.indicators.directions).find(([code, label]) => foldText(label) === folded || code === raw);
  return found ? found[0] : raw;
}

export type IndicatorRow =
  | { id: null; input: z.output<typeof createIndicatorSchema> }
  | { id: number; version: number; input: z.output<typeof updateIndicatorSchema> & { initiativeId: number } };

/**
 * An indicator row as the forms' schema reads it: `secretariats` maps folded
 * names to ids (a name the portal does not know is an error of its column).
 */
export function parseIndicatorRow(cells: Record<string, string>, secretariats: ReadonlyMap<string, number>): Parsed<IndicatorRow> {
  const key = idAndVersion(cells, c.id);
  const messages = key.ok ? [] : [...key.messages];
  const secretariatName = cells[c.secretariat] ?? "";
  const secretariatId = secretariatName === "" ? undefined : secretariats.get(foldText(secretariatName));
  if (secretariatName !== "" && secretariatId === undefined) {
    messages.push(t.indicatorFile.cell(c.secretariat, t.indicatorFile.secretariatUnknown(secretariatName)));
  }
  const fields = {
    initiativeId: cells[c.initiativeId],
    name: cells[c.name],
    unit: cells[c.unit],
    direction: directionOf(cells[c.direction] ?? ""),
    baselineYear: cells[c.baselineYear],
    baselineValue: cells[c.baselineValue],
    dataSource: cells[c.dataSource],
    secretariatId: secretariatId === undefined ? "" : String(secretariatId),
    ...Object.fromEntries(PLAN_YEARS.map((year) => [targetField(year), cells[c.target(year)] ?? ""])),
  };
  const create = createIndicatorSchema.safeParse(fields);
  if (!create.success) messages.push(...columnMessages(create.error, INDICATOR_FIELD_COLUMNS));
  if (messages.length > 0 || !create.success || !key.ok) return { ok: false, messages };
  if (key.value === null) return { ok: true, value: { id: null, input: create.data } };
  const update = updateIndicatorSchema.parse({ ...fields, ...key.value });
  return { ok: true, value: { ...key.value, input: { ...update, initiativeId: create.data.initiativeId } } };
}

/** A new measurement's fields: the indicator's version is the portal's, read when it is written. */
const newMeasurementSchema = measurementSchema.omit({ version: true });

export type MeasurementRow =
  | { id: null; input: z.output<typeof newMeasurementSchema> }
  | { id: number; version: number; input: z.output<typeof updateMeasurementSchema> & { indicatorId: number } };

export function parseMeasurementRow(cells: Record<string, string>): Parsed<MeasurementRow> {
  const key = idAndVersion(cells, c.measurementId);
  const messages = key.ok ? [] : [...key.messages];
  const fields = {
    indicatorId: cells[c.id],
    measuredOn: cells[c.measuredOn],
    value: cells[c.value],
    note: cells[c.note],
    explanation: cells[c.explanation],
    evidenceUrl: cells[c.evidenceUrl],
  };
  const create = newMeasurementSchema.safeParse(fields);
  if (!create.success) messages.push(...columnMessages(create.error, MEASUREMENT_FIELD_COLUMNS));
  if (messages.length > 0 || !create.success || !key.ok) return { ok: false, messages };
  if (key.value === null) return { ok: true, value: { id: null, input: create.data } };
  const update = updateMeasurementSchema.parse({ ...fields, ...key.value });
  return { ok: true, value: { ...key.value, input: { ...update, indicatorId: create.data.indicatorId } } };
}

/** The column a domain function's field error belongs to, so a refusal while writing also names its column. */
export const FIELD_COLUMNS: Record<ExchangeKind, Record<string, string>> = {
  indicators: INDICATOR_FIELD_COLUMNS,
  measurements: MEASUREMENT_FIELD_COLUMNS,
};

/** The export's query: which file, which format, and optionally one initiative's rows only. */
export const exchangeQuerySchema = z.object({
  archivo: z
    .enum(["indicadores", "mediciones"], { error: t.indicatorFile.kindParameter })
    .transform((v): ExchangeKind => (v === "indicadores" ? "indicators" : "measurements")),
  formato: z.enum(["csv", "xlsx"], { error: t.errors.formatParameter }).default("csv"),
  iniciativa: z.coerce
    .number({ error: t.indicatorFile.initiativeParameter })
    .int(t.indicatorFile.initiativeParameter)
    .positive(t.indicatorFile.initiativeParameter)
    .optional(),
});
