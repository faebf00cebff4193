import type { Db, Prisma } from "@/lib/db/client";
import { csvStream, xlsxStream } from "@/lib/export/spreadsheet-streams";
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
  return csvStream(EXPORT_HEADER, batches);
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
  const p = es.planner;
  const filters = contents?.filters.length ? contents.filters : [p.contentsNoFilters];
  return xlsxStream(batches, {
    contents: {
      sheet: p.contentsSheet,
      title: p.contentsTitle,
      rows: [
        [p.contentsDate, contents?.day ?? new Date().toISOString().slice(0, 10)],
        ...filters.map((line, index): [string, string] => [index === 0 ? p.contentsFilters : "", line]),
        [p.contentsRows, p.contentsRowsText],
        [p.contentsVersion, p.contentsVersionText],
      ],
    },
    sheet: "Iniciativas",
    columns: EXPORT_HEADER.map((header, index) => ({
      header,
      width: [10, 10, 40, 10, 40, 50, 10, 70, 35, 14, 10, 35, 35, 14, 60, 10][index]!,
      wrap: WRAPPED.has(index),
    })),
  });
}
