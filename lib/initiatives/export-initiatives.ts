import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Db, Prisma } from "@/lib/db/client";
import { csvLines, neutralizeFormula, toCsv } from "@/lib/export/spreadsheet-cells";
import { es } from "@/lib/i18n/es";
import { articulationObjectivesInclude } from "@/lib/matrix/tracking-document";
import { dateToDay } from "@/lib/tracking/days";

/** The export's columns; the bulk import reads the same ones. */
export const EXPORT_COLUMNS = [
  "Id iniciativa",
  "Código objetivo de desarrollo",
  "Objetivo de desarrollo",
  "Código objetivo de gestión",
  "Objetivo de gestión",
  "Iniciativa",
  "N.º objetivo de articulación",
  "Objetivo de articulación",
  "Mecanismos de articulación",
] as const;

/** Tracking columns follow the matrix ones; the bulk import accepts them and ignores them (tracking is edited in the portal). */
export const TRACKING_COLUMNS = [
  "Estado",
  "Avance (%)",
  "Secretaría responsable",
  "Secretarías de apoyo",
  "Última actualización",
  "Instrumentos firmados",
] as const;

/**
 * The initiative's version when exported: a re-import tells from it which rows
 * were edited in the portal after the file was made, so it never reverts them unasked.
 */
export const VERSION_COLUMN = "Versión";

/** Matrix columns the import does not write: they repeat what the objective code already says. */
export const DERIVED_COLUMNS = ["Código objetivo de desarrollo", "Objetivo de desarrollo", "Objetivo de gestión"] as const;

export type ExportRow = [
  number,
  string,
  string,
  string,
  string,
  string,
  number,
  string,
  string,
  string,
  number | string,
  string,
  string,
  string,
  string,
  number,
];

/** How many initiatives each read of an export takes: memory stays flat, and no query carries more ids than PostgreSQL's parameter limit allows. */
const EXPORT_BATCH = 500;

/**
 * The export's rows, one per articulation objective, for the ids the filters
 * select (matchingInitiativeIds: all pages, in the table's order), a batch of
 * initiatives at a time: each batch reads the initiatives as they are then.
 */
export async function* exportRowBatches(
  db: Db | Prisma.TransactionClient,
  ids: number[],
  batchSize = EXPORT_BATCH,
): AsyncGenerator<ExportRow[]> {
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    const initiatives = await db.initiative.findMany({
      where: { id: { in: batch } },
      include: {
        managementObjective: { include: { developmentObjective: true } },
        articulationObjectives: articulationObjectivesInclude,
        leadSecretariat: { select: { name: true } },
        supportingSecretariats: { select: { secretariat: { select: { name: true } } } },
      },
    });
    const byId = new Map(initiatives.map((i) => [i.id, i]));
    // An initiative deleted since the order was fixed is simply not there.
    yield batch.flatMap((id) => {
      const i = byId.get(id);
      if (!i) return [];
      const mo = i.managementObjective;
      return i.articulationObjectives.map(
        (o, index): ExportRow => [
          i.id,
          mo.developmentObjective.code,
          mo.developmentObjective.title,
          mo.code,
          mo.title,
          i.name,
          index + 1,
          o.text,
          o.mechanisms.map((m) => m.mechanism.name).join("; "),
          es.tracking.statuses[i.status],
          i.progress ?? "",
          i.leadSecretariat?.name ?? "",
          i.supportingSecretariats.map((s) => s.secretariat.name).join("; "),
          i.lastUpdateOn ? dateToDay(i.lastUpdateOn) : "",
          o.instruments
            .map(
              (x) =>
                `${x.mechanism.name}: ${x.title} (${x.counterpart.name}; ${dateToDay(x.signedOn)}${x.endsOn ? ` – ${dateToDay(x.endsOn)}` : ""})`,
            )
            .join("; "),
          i.version,
        ],
      );
    });
  }
}

/** Every column of an export, in order. */
export const EXPORT_HEADER = [...EXPORT_COLUMNS, ...TRACKING_COLUMNS, VERSION_COLUMN];

/** The CSV as a stream: the download starts at once and the server never holds the whole file. */
export function exportCsv(batches: AsyncIterable<ExportRow[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(toCsv(EXPORT_HEADER, [])));
        return;
      }
      // A pull that enqueues nothing is not called again: skip batches whose initiatives were all deleted meanwhile.
      for (let next = await iterator.next(); ; next = await iterator.next()) {
        if (next.done) return controller.close();
        if (next.value.length > 0) return controller.enqueue(encoder.encode(csvLines(next.value)));
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** What a file holds, said on its first sheet: the day it was made and the table's filters in words. */
export interface ExportContents {
  /** "YYYY-MM-DD", Quito's day. */
  day: string;
  filters: string[];
}

/** Columns of long text, which wrap inside their width instead of running over the next ones. */
const WRAPPED = new Set([2, 4, 5, 7, 8, 11, 12, 14]);

/**
 * The XLSX as a stream, written row by row (ExcelJS's streaming writer): a first
 * sheet «Contenido» that says what the file holds, then «Iniciativas» with the
 * same columns as the CSV, frozen header, filter and wrapped long text.
 */
export function exportXlsx(batches: AsyncIterable<ExportRow[]>, contents?: ExportContents): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Matriz PMDOT";
  workbook.created = new Date();
  const p = es.planner;
  const about = workbook.addWorksheet(p.contentsSheet);
  about.columns = [{ width: 28 }, { width: 100, style: { alignment: { wrapText: true, vertical: "top" } } }];
  const title = about.addRow([p.contentsTitle]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const day = contents?.day ?? new Date().toISOString().slice(0, 10);
  about.addRow([p.contentsDate, day]).commit();
  const filters = contents?.filters.length ? contents.filters : [p.contentsNoFilters];
  filters.forEach((line, index) => {
    about.addRow([index === 0 ? p.contentsFilters : "", neutralizeFormula(line)]).commit();
  });
  about.addRow([p.contentsRows, p.contentsRowsText]).commit();
  about.addRow([p.contentsVersion, p.contentsVersionText]).commit();
  about.commit();
  const sheet = workbook.addWorksheet("Iniciativas", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_HEADER.map((header, index) => ({
    header,
    key: String(index),
    width: [10, 10, 40, 10, 40, 50, 10, 70, 35, 14, 10, 35, 35, 14, 60, 10][index],
    style: { alignment: { vertical: "top", wrapText: WRAPPED.has(index) } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: "A1", to: "P1" };
  // The writer does not wait for the reader: after each batch, wait until the client has taken what was written,
  // and stop reading the database when it has gone.
  const taken = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        output.off("drain", done).off("close", done);
        resolve();
      };
      output.on("drain", done).on("close", done);
    });
  (async () => {
    for await (const rows of batches) {
      for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === "string" ? neutralizeFormula(cell) : cell))).commit();
      // Let the compressor catch up, then wait while the client has not taken its output.
      await new Promise((resolve) => setImmediate(resolve));
      if (output.writableNeedDrain) await taken();
      if (output.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  // By default the web stream would queue up to 16,384 chunks ahead of the client; a few keep the pressure on the writer.
  return Readable.toWeb(output, { strategy: new CountQueuingStrategy({ highWaterMark: 4 }) }) as ReadableStream<Uint8Array>;
}
