import ExcelJS from "exceljs";
import type { Db } from "@/lib/db/client";
import { neutralizeFormula, toCsv } from "@/lib/export/spreadsheet-cells";
import { es } from "@/lib/i18n/es";
import { dateToDay } from "@/lib/tracking/days";
import type { InitiativeQuery } from "./initiative-query";
import { matchingInitiativeIds } from "./search-initiatives";

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

export type ExportRow = [number, string, string, string, string, string, number, string, string, string, number | string, string, string, string, string];

/** Every row the filters select (all pages), one per articulation objective, in the table's order. */
export async function collectExportRows(db: Db, query: InitiativeQuery): Promise<ExportRow[]> {
  const ids = await matchingInitiativeIds(db, query);
  if (ids.length === 0) return [];
  const initiatives = await db.initiative.findMany({
    where: { id: { in: ids } },
    include: {
      managementObjective: { include: { developmentObjective: true } },
      articulationObjectives: {
        orderBy: { position: "asc" },
        include: {
          mechanisms: { orderBy: { position: "asc" }, include: { mechanism: { select: { name: true } } } },
          instruments: { orderBy: [{ signedOn: "asc" }, { id: "asc" }], include: { mechanism: { select: { name: true } }, counterpart: { select: { name: true } } } },
        },
      },
      leadSecretariat: { select: { name: true } },
      supportingSecretariats: { select: { secretariat: { select: { name: true } } } },
    },
  });
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  return ids.flatMap((id) => {
    const i = byId.get(id)!;
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
          .map((x) => `${x.mechanism.name}: ${x.title} (${x.counterpart.name}; ${dateToDay(x.signedOn)}${x.endsOn ? ` – ${dateToDay(x.endsOn)}` : ""})`)
          .join("; "),
      ],
    );
  });
}

export function exportCsv(rows: ExportRow[]): string {
  return toCsv([...EXPORT_COLUMNS, ...TRACKING_COLUMNS], rows);
}

export async function exportXlsx(rows: ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Matriz PMDOT";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet("Iniciativas", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [...EXPORT_COLUMNS, ...TRACKING_COLUMNS].map((header, index) => ({
    header,
    key: String(index),
    width: [10, 10, 40, 10, 40, 50, 10, 70, 35, 14, 10, 35, 35, 14, 60][index],
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === "string" ? neutralizeFormula(cell) : cell)));
  sheet.autoFilter = { from: "A1", to: "O1" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
