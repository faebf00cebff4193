import { createHash } from "node:crypto";
import { mayActOnInitiative } from "@/lib/accountability/reporting-rights";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Role } from "@/lib/auth/roles";
import type { Db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { foldText } from "@/lib/text/search-text";
import { dateToDay } from "@/lib/tracking/days";
import {
  type ExchangeFile,
  type ExchangeKind,
  FIELD_COLUMNS,
  HEADERS,
  INFORMATIVE,
  type IndicatorRow,
  indicatorCells,
  type MeasurementRow,
  measurementCells,
  parseIndicatorRow,
  parseMeasurementRow,
} from "./indicator-file";
import { recordMeasurementInTx, updateMeasurementInTx } from "./record-measurement";
import { createIndicatorInTx, updateIndicatorInTx } from "./save-indicator";

type Tx = Prisma.TransactionClient;

export interface Importer {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** A cell the row would change: the column, what the portal has and what the file says. */
export interface CellChange {
  column: string;
  before: string;
  after: string;
}

type Write = { kind: "indicators"; row: IndicatorRow } | { kind: "measurements"; row: MeasurementRow };

interface PlannedRow {
  line: number;
  /** What the preview lists: the initiative and indicator, or the indicator and the date. */
  label: string;
  write: Write;
}

export interface IndicatorImportPlan {
  kind: ExchangeKind;
  add: PlannedRow[];
  change: (PlannedRow & { id: number; version: number; changes: CellChange[] })[];
  unchanged: number;
  errors: { line: number; message: string }[];
}

/** What the import page shows of a plan: plain data, small enough to send back to the browser. */
export interface IndicatorImportPreview {
  kind: ExchangeKind;
  fingerprint: string;
  applied: boolean;
  add: { line: number; label: string }[];
  change: { line: number; id: number; label: string; changes: CellChange[] }[];
  unchanged: number;
  errors: { line: number; message: string }[];
}

/** The cells the import compares: every column but the ids, the version and the informative ones. */
function compared(kind: ExchangeKind, before: (string | number)[], after: (string | number)[]): CellChange[] {
  const header = HEADERS[kind];
  const skip = new Set([header[0], t.indicatorFile.columns.version, ...INFORMATIVE[kind]]);
  return header.flatMap((column, i) =>
    skip.has(column) || String(before[i]) === String(after[i]) ? [] : [{ column, before: String(before[i]), after: String(after[i]) }],
  );
}

/** Ids must be unique within the file: the second row with one is an error, the first is planned. */
function firstOfId(seen: Map<number, number>, id: number, line: number, errors: IndicatorImportPlan["errors"]): boolean {
  const first = seen.get(id);
  if (first !== undefined) errors.push({ line, message: t.indicatorFile.duplicate(id, first) });
  else seen.set(id, line);
  return first === undefined;
}

async function planIndicators(db: Db | Tx, file: ExchangeFile, plan: IndicatorImportPlan) {
  const secretariats = await db.secretariat.findMany({ select: { id: true, name: true } });
  const byName = new Map(secretariats.map((s) => [foldText(s.name), s.id]));
  const names = new Map(secretariats.map((s) => [s.id, s.name]));
  const parsed = file.rows.map((row) => ({ row, result: parseIndicatorRow(row.cells, byName) }));
  const ok = parsed.flatMap(({ row, result }) => (result.ok ? [{ line: row.line, value: result.value }] : []));
  const [initiatives, current] = await Promise.all([
    db.initiative.findMany({
      where: { id: { in: [...new Set(ok.map((r) => r.value.input.initiativeId))] } },
      select: { id: true, name: true, archivedAt: true },
    }),
    db.indicator.findMany({
      where: { id: { in: ok.flatMap((r) => (r.value.id === null ? [] : [r.value.id])) } },
      include: { targets: true, secretariat: { select: { name: true } } },
    }),
  ]);
  const initiativeById = new Map(initiatives.map((i) => [i.id, i]));
  const indicatorById = new Map(current.map((i) => [i.id, i]));
  const seen = new Map<number, number>();
  const column = t.indicatorFile.columns.initiativeId;
  for (const { row, result } of parsed) {
    if (!result.ok) {
      plan.errors.push(...result.messages.map((message) => ({ line: row.line, message })));
      continue;
    }
    const { value } = result;
    const initiativeId = value.input.initiativeId;
    const initiative = initiativeById.get(initiativeId);
    const fail = (message: string) => plan.errors.push({ line: row.line, message });
    if (!initiative) {
      fail(t.indicatorFile.cell(column, t.indicatorFile.initiativeMissing(initiativeId)));
      continue;
    }
    if (initiative.archivedAt) {
      fail(t.indicatorFile.cell(column, t.indicatorFile.initiativeArchived(initiativeId)));
      continue;
    }
    const label = `${initiativeId} · ${value.input.name}`;
    const after = indicatorCells(
      value.id,
      initiative.name,
      { ...value.input, secretariat: names.get(value.input.secretariatId ?? 0) },
      null,
    );
    if (value.id === null) {
      plan.add.push({ line: row.line, label, write: { kind: "indicators", row: value } });
      continue;
    }
    if (!firstOfId(seen, value.id, row.line, plan.errors)) continue;
    const existing = indicatorById.get(value.id);
    if (!existing) {
      fail(t.indicatorFile.cell(t.indicatorFile.columns.id, t.indicatorFile.indicatorMissing(value.id)));
      continue;
    }
    if (existing.initiativeId !== initiativeId) {
      fail(t.indicatorFile.cell(column, t.indicatorFile.movedIndicator(existing.initiativeId)));
      continue;
    }
    const before = indicatorCells(existing.id, initiative.name, { ...existing, secretariat: existing.secretariat?.name }, null);
    const changes = compared("indicators", before, after);
    if (changes.length === 0) {
      plan.unchanged++;
      continue;
    }
    // A row the portal changed since the export would revert that change: refused, never chosen in silence.
    if (value.version !== existing.version) {
      fail(t.indicatorFile.cell(t.indicatorFile.columns.version, t.indicatorFile.stale(value.version, existing.version)));
      continue;
    }
    plan.change.push({
      line: row.line,
      label,
      id: value.id,
      version: existing.version,
      changes,
      write: { kind: "indicators", row: value },
    });
  }
}

async function planMeasurements(db: Db | Tx, file: ExchangeFile, plan: IndicatorImportPlan, actor: Importer) {
  const parsed = file.rows.map((row) => ({ row, result: parseMeasurementRow(row.cells) }));
  const ok = parsed.flatMap(({ result }) => (result.ok ? [result.value] : []));
  const [indicators, current] = await Promise.all([
    db.indicator.findMany({
      where: { id: { in: [...new Set(ok.map((r) => r.input.indicatorId))] } },
      select: { id: true, name: true, initiativeId: true, initiative: { select: { archivedAt: true } } },
    }),
    db.measurement.findMany({ where: { id: { in: ok.flatMap((r) => (r.id === null ? [] : [r.id])) } } }),
  ]);
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const measurementById = new Map(current.map((m) => [m.id, m]));
  // A REPORTER imports only on its secretariats' initiatives, as it measures them one at a time.
  const allowed = new Map<number, boolean>();
  for (const initiativeId of new Set(indicators.map((i) => i.initiativeId))) {
    allowed.set(initiativeId, await mayActOnInitiative(db, actor, "progress:post", initiativeId));
  }
  const seen = new Map<number, number>();
  const column = t.indicatorFile.columns.id;
  for (const { row, result } of parsed) {
    if (!result.ok) {
      plan.errors.push(...result.messages.map((message) => ({ line: row.line, message })));
      continue;
    }
    const { value } = result;
    const fail = (message: string) => plan.errors.push({ line: row.line, message });
    const indicator = indicatorById.get(value.input.indicatorId);
    if (!indicator) {
      fail(t.indicatorFile.cell(column, t.indicatorFile.indicatorMissing(value.input.indicatorId)));
      continue;
    }
    if (indicator.initiative.archivedAt) {
      fail(t.indicatorFile.cell(column, t.indicatorFile.initiativeArchived(indicator.initiativeId)));
      continue;
    }
    if (!allowed.get(indicator.initiativeId)) {
      fail(t.indicatorFile.notYours(indicator.initiativeId));
      continue;
    }
    const label = `${indicator.name} · ${value.input.measuredOn}`;
    const after = measurementCells(value.id, indicator, value.input, null);
    if (value.id === null) {
      plan.add.push({ line: row.line, label, write: { kind: "measurements", row: value } });
      continue;
    }
    if (!firstOfId(seen, value.id, row.line, plan.errors)) continue;
    const existing = measurementById.get(value.id);
    if (!existing) {
      fail(t.indicatorFile.cell(t.indicatorFile.columns.measurementId, t.indicatorFile.measurementMissing(value.id)));
      continue;
    }
    if (existing.indicatorId !== indicator.id) {
      fail(t.indicatorFile.cell(column, t.indicatorFile.movedMeasurement(existing.indicatorId)));
      continue;
    }
    const before = measurementCells(existing.id, indicator, { ...existing, measuredOn: dateToDay(existing.measuredOn) }, null);
    const changes = compared("measurements", before, after);
    if (changes.length === 0) {
      plan.unchanged++;
      continue;
    }
    if (value.version !== existing.version) {
      fail(t.indicatorFile.cell(t.indicatorFile.columns.version, t.indicatorFile.stale(value.version, existing.version)));
      continue;
    }
    plan.change.push({
      line: row.line,
      label,
      id: value.id,
      version: existing.version,
      changes,
      write: { kind: "measurements", row: value },
    });
  }
}

/** What applying the file would do, row by row, without writing anything. */
export async function planIndicatorImport(db: Db | Tx, file: ExchangeFile, actor: Importer): Promise<IndicatorImportPlan> {
  const plan: IndicatorImportPlan = { kind: file.kind, add: [], change: [], unchanged: 0, errors: [...file.errors] };
  if (file.kind === "indicators") await planIndicators(db, file, plan);
  else await planMeasurements(db, file, plan, actor);
  plan.errors.sort((a, b) => a.line - b.line);
  return plan;
}

/** One planned row written through the same function as its form, in the caller's transaction. */
async function writeRow(tx: Tx, item: PlannedRow, actor: Importer, context?: RequestContext) {
  const { write } = item;
  if (write.kind === "indicators") {
    const { row } = write;
    if (row.id === null) await createIndicatorInTx(tx, row.input, actor, context);
    else await updateIndicatorInTx(tx, { ...row.input, id: row.id, version: row.version }, actor, context);
    return;
  }
  const { row } = write;
  if (row.id !== null) {
    await updateMeasurementInTx(tx, { ...row.input, id: row.id, version: row.version }, actor, context);
    return;
  }
  // Rows of one indicator move its version one after the other: each is written over the version it has now.
  const indicator = await tx.indicator.findUnique({ where: { id: row.input.indicatorId }, select: { version: true } });
  await recordMeasurementInTx(tx, { ...row.input, version: indicator?.version ?? 0 }, actor, context);
}

/** A domain function's refusal as a row error, naming the column of its field when it has one. */
function rowMessage(kind: ExchangeKind, error: AppError): string {
  const column = error.field ? FIELD_COLUMNS[kind][error.field] : undefined;
  return column ? t.indicatorFile.cell(column, error.message) : error.message;
}

/** Ends a dry run: its transaction must roll back. */
class DryRunDone extends Error {}

/**
 * The preview: the plan, plus the rows the domain functions would refuse (an
 * explanation missing for a value at risk). Every row is written in a
 * transaction that always rolls back, so the preview cannot disagree with the apply.
 */
export async function previewIndicatorImport(db: Db, file: ExchangeFile, actor: Importer): Promise<IndicatorImportPlan> {
  const plan = await planIndicatorImport(db, file, actor);
  const rows = [...plan.add, ...plan.change].sort((a, b) => a.line - b.line);
  if (rows.length === 0) return plan;
  const refused: IndicatorImportPlan["errors"] = [];
  await db
    .$transaction(
      async (tx) => {
        for (const item of rows) {
          await tx.$executeRaw`SAVEPOINT indicator_row`;
          try {
            await writeRow(tx, item, actor);
            await tx.$executeRaw`RELEASE SAVEPOINT indicator_row`;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            refused.push({ line: item.line, message: rowMessage(plan.kind, error) });
            await tx.$executeRaw`ROLLBACK TO SAVEPOINT indicator_row`;
            await tx.$executeRaw`RELEASE SAVEPOINT indicator_row`;
          }
        }
        throw new DryRunDone();
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    )
    .catch((error) => {
      if (!(error instanceof DryRunDone)) throw error;
    });
  return { ...plan, errors: [...plan.errors, ...refused].sort((a, b) => a.line - b.line) };
}

/** Identifies a plan by what it would write and over which versions, so an apply can tell the portal moved since the preview. */
export function indicatorImportFingerprint(plan: IndicatorImportPlan): string {
  return createHash("sha256")
    .update(
      JSON.stringify([
        plan.kind,
        plan.add.map((a) => [a.line, a.write.row.input]),
        // The changed rows' contents too: another file with the same ids and versions is not the file reviewed.
        plan.change.map((c) => [c.id, c.version, c.write.row.input]),
      ]),
    )
    .digest("base64url");
}

export function indicatorImportPreview(plan: IndicatorImportPlan, applied: boolean): IndicatorImportPreview {
  return {
    kind: plan.kind,
    fingerprint: indicatorImportFingerprint(plan),
    applied,
    add: plan.add.map(({ line, label }) => ({ line, label })),
    change: plan.change.map(({ line, id, label, changes }) => ({ line, id, label, changes })),
    unchanged: plan.unchanged,
    errors: plan.errors,
  };
}

/**
 * Applies a file all or nothing: one transaction that re-plans from the same
 * file, refuses if anything changed since the preview, writes every row through
 * the same functions as the forms (each audited) and records a summary. The
 * first refusal rolls back every row before it.
 */
export async function applyIndicatorImport(
  db: Db,
  file: ExchangeFile,
  options: { previewFingerprint: string },
  actor: Importer,
  context?: RequestContext,
): Promise<IndicatorImportPlan> {
  return db.$transaction(
    async (tx) => {
      // The bulk import's lock: imports of any kind are written one after the other.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
      const plan = await planIndicatorImport(tx, file, actor);
      if (plan.errors.length > 0) throw new ActionError(t.bulk.invalidRows, undefined, indicatorImportPreview(plan, false));
      if (indicatorImportFingerprint(plan) !== options.previewFingerprint) throw new ActionError(t.bulk.stalePreview);
      for (const item of [...plan.add, ...plan.change].sort((a, b) => a.line - b.line)) {
        try {
          await writeRow(tx, item, actor, context);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          throw new ActionError(t.indicatorFile.rowFailed(item.line, rowMessage(plan.kind, error)));
        }
      }
      await recordAuditEvent(tx, {
        action: "import.apply",
        actor,
        entityType: plan.kind === "indicators" ? "IndicatorImport" : "MeasurementImport",
        context,
        data: {
          file: plan.kind,
          added: plan.add.length,
          changed: plan.change.length,
          unchanged: plan.unchanged,
          changedIds: plan.change.map((c) => c.id),
        },
      });
      return plan;
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}
