import { createHash } from "node:crypto";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors/app-error";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { diffSnapshots, type SnapshotChange } from "@/lib/initiatives/diff-snapshots";
import type { InitiativeInput } from "@/lib/initiatives/initiative-schema";
import { initiativeInputSchema } from "@/lib/initiatives/initiative-schema";
import { createInitiativeInTx, setArchivedInTx, updateInitiativeInTx, VersionConflictError } from "@/lib/initiatives/save-initiative";
import { snapshotInitiative } from "@/lib/initiatives/get-initiative-snapshot";
import { DERIVED_COLUMNS, EXPORT_HEADER, exportRowBatches, TRACKING_COLUMNS, VERSION_COLUMN } from "@/lib/initiatives/export-initiatives";
import { canonicalMechanismName } from "@/lib/matrix/mechanism-names";
import { foldText } from "@/lib/text/search-text";
import type { BulkFile, BulkInitiative } from "./read-bulk-file";

type Tx = Prisma.TransactionClient;

/** A row whose initiative was saved in the portal after the file was exported: applying it would revert that edit. */
export interface StaleRow {
  fileVersion: number;
  currentVersion: number;
}

export interface BulkPlan {
  add: { line: number; name: string; managementObjectiveCode: string; input: InitiativeInput }[];
  change: {
    line: number;
    id: number;
    version: number;
    name: string;
    changes: SnapshotChange[];
    input: InitiativeInput;
    stale: StaleRow | null;
  }[];
  archive: { id: number; version: number; name: string }[];
  unchanged: number;
  errors: { line: number; message: string }[];
  /** Cells the import does not write that differ from the portal, one per row and column: never dropped in silence. */
  warnings: { line: number; message: string }[];
  /** The file has no «Versión» column (an older export): edits made since cannot be told apart. */
  unversioned: boolean;
}

/** What the administrator chose for the stale rows: per initiative id, or one choice for all of them. */
export interface StaleDecisions {
  all?: StaleDecision;
  rows?: Record<number, StaleDecision>;
}
export type StaleDecision = "keep" | "overwrite";

/** What applying the file would do, row by row, without writing anything. */
export async function planBulkImport(db: Db | Tx, file: BulkFile, options: { archiveMissing: boolean }): Promise<BulkPlan> {
  const plan: BulkPlan = {
    add: [],
    change: [],
    archive: [],
    unchanged: 0,
    errors: [...file.errors],
    warnings: [],
    unversioned: file.columns.length > 0 && !file.columns.includes(VERSION_COLUMN),
  };
  const compared: { item: BulkInitiative; id: number | null }[] = [];
  const [objectives, mechanisms] = await Promise.all([
    db.managementObjective.findMany({ select: { code: true } }),
    db.mechanism.findMany({ select: { id: true, name: true } }),
  ]);
  const objectiveCodes = new Set(objectives.map((o) => o.code));
  const byName = new Map(mechanisms.map((m) => [m.name.toLocaleLowerCase("es"), m]));
  const mechanismFor = (raw: string) =>
    byName.get(raw.toLocaleLowerCase("es")) ?? byName.get((canonicalMechanismName(raw) ?? "").toLocaleLowerCase("es"));

  // Live initiatives by objective and folded name, in document order (the source itself repeats a name once).
  const key = (code: string, name: string) => `${code}\n${foldText(name)}`;
  const live = new Map<string, number[]>();
  if (file.initiatives.some((item) => item.id === null)) {
    const rows = await db.initiative.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true, managementObjective: { select: { code: true } } },
      orderBy: { position: "asc" },
    });
    for (const row of rows) {
      const k = key(row.managementObjective.code, row.name);
      live.set(k, [...(live.get(k) ?? []), row.id]);
    }
  }

  const seen = new Set<number>();
  for (const item of file.initiatives) {
    if (!objectiveCodes.has(item.managementObjectiveCode)) {
      plan.errors.push({ line: item.line, message: t.bulkRows.managementObjectiveMissing(item.managementObjectiveCode) });
      continue;
    }
    const unknown = item.articulationObjectives.flatMap((o) => o.mechanisms).filter((m) => !mechanismFor(m));
    if (unknown.length > 0) {
      plan.errors.push({
        line: item.line,
        message: t.bulkRows.unknownMechanisms([...new Set(unknown)]),
      });
      continue;
    }
    const parsed = initiativeInputSchema.safeParse({
      name: item.name,
      managementObjectiveCode: item.managementObjectiveCode,
      articulationObjectives: item.articulationObjectives.map((o) => ({
        text: o.text,
        mechanismIds: [...new Set(o.mechanisms.map((m) => mechanismFor(m)!.id))],
      })),
    });
    if (!parsed.success) {
      plan.errors.push({ line: item.line, message: parsed.error.issues.map((i) => i.message).join(" ") });
      continue;
    }
    const input = parsed.data;
    let id = item.id;
    if (id === null) {
      const existing = live.get(key(input.managementObjectiveCode, input.name)) ?? [];
      if (existing.length === 0) {
        compared.push({ item, id: null });
        plan.add.push({ line: item.line, name: input.name, managementObjectiveCode: input.managementObjectiveCode, input });
        continue;
      }
      // A row without an id must not add a live initiative a second time (a file applied twice).
      if (!item.matchByName) {
        plan.errors.push({
          line: item.line,
          message: t.bulkRows.duplicateName(input.name, input.managementObjectiveCode, existing[0]!),
        });
        continue;
      }
      id = existing.shift()!;
    }
    const current = await snapshotInitiative(db, id);
    if (!current) {
      plan.errors.push({ line: item.line, message: t.bulkRows.initiativeMissing(id) });
      continue;
    }
    seen.add(id);
    compared.push({ item, id });
    const names = new Map(mechanisms.map((m) => [m.id, m.name]));
    const wanted = {
      ...input,
      archived: current.snapshot.archived,
      articulationObjectives: input.articulationObjectives.map((o) => ({
        text: o.text,
        mechanisms: o.mechanismIds.map((id) => ({ id, name: names.get(id)! })),
      })),
    };
    const changes = diffSnapshots(current.snapshot, wanted);
    const fileVersion = item.version ?? null;
    const stale = fileVersion !== null && fileVersion !== current.version ? { fileVersion, currentVersion: current.version } : null;
    if (changes.length === 0) plan.unchanged++;
    else plan.change.push({ line: item.line, id, version: current.version, name: input.name, changes, input, stale });
  }
  plan.warnings = await ignoredCells(db, compared);
  if (options.archiveMissing) {
    const missing = await db.initiative.findMany({
      where: { archivedAt: null, id: { notIn: [...seen] } },
      select: { id: true, version: true, name: true },
      orderBy: { position: "asc" },
    });
    plan.archive = missing;
  }
  return plan;
}

/** The columns the import reads but does not write; each cell that differs from the portal becomes a warning of its row. */
const IGNORED_COLUMNS: readonly string[] = [...DERIVED_COLUMNS, ...TRACKING_COLUMNS];
const ARTICULATION_COLUMNS = new Set<string>(["Instrumentos firmados"]);

/** A cell as the import reads it back: an export's neutralised formula and spaces do not count as a difference. */
const normalCell = (value: string | number) =>
  String(value)
    .replace(/^'(?=[=+\-@])/, "")
    .trim();

async function ignoredCells(db: Db | Tx, compared: { item: BulkInitiative; id: number | null }[]): Promise<BulkPlan["warnings"]> {
  const withRows = compared.filter((c) => c.item.rows?.some((r) => IGNORED_COLUMNS.some((column) => column in r.cells)));
  if (withRows.length === 0) return [];
  // What the export would write now, through the same row builder, so «unchanged» means the same cell.
  const portal = new Map<number, Map<number, Record<string, string>>>();
  const ids = withRows.flatMap((c) => (c.id === null ? [] : [c.id]));
  for await (const batch of exportRowBatches(db, ids)) {
    for (const row of batch) {
      const cells = Object.fromEntries(EXPORT_HEADER.map((column, i) => [column, normalCell(row[i]!)]));
      const byNumber = portal.get(row[0]) ?? new Map<number, Record<string, string>>();
      byNumber.set(row[6], cells);
      portal.set(row[0], byNumber);
    }
  }
  const objectives = new Map(
    (
      await db.managementObjective.findMany({
        select: { code: true, title: true, developmentObjective: { select: { code: true, title: true } } },
      })
    ).map((o) => [o.code, o]),
  );
  const warnings: BulkPlan["warnings"] = [];
  for (const { item, id } of withRows) {
    const current = id === null ? undefined : portal.get(id);
    const objective = objectives.get(item.managementObjectiveCode);
    // A new initiative, or a new articulation objective, starts with no tracking of its own.
    const fresh: Record<string, string> = { Estado: t.tracking.statuses.POR_INICIAR };
    const derived: Record<string, string> = objective
      ? Object.fromEntries(
          DERIVED_COLUMNS.map((column, n) => [
            column,
            [objective.developmentObjective.code, objective.developmentObjective.title, objective.title][n]!,
          ]),
        )
      : {};
    const any = current?.values().next().value;
    for (const row of item.rows ?? []) {
      const expected = current?.get(row.number);
      for (const column of IGNORED_COLUMNS) {
        if (!(column in row.cells)) continue;
        const portalValue =
          expected?.[column] ?? (ARTICULATION_COLUMNS.has(column) ? "" : (any?.[column] ?? derived[column] ?? fresh[column] ?? ""));
        const fileValue = row.cells[column] ?? "";
        if (normalCell(fileValue) === portalValue) continue;
        warnings.push({
          line: row.line,
          message: t.planner.ignoredColumn(
            column,
            fileValue,
            portalValue,
            DERIVED_COLUMNS.some((c) => c === column),
          ),
        });
      }
    }
  }
  return warnings.sort((a, b) => a.line - b.line);
}

/** Ends a dry run: its transaction must roll back. */
class DryRunDone extends Error {}

/**
 * The preview: the plan, plus the rows whose write would be refused (a
 * mechanism removed from an objective that has an instrument of that type).
 * Each change is written through the same functions as the apply, in a
 * transaction that always rolls back, so the preview cannot disagree with it.
 */
export async function previewBulkImport(
  db: Db,
  file: BulkFile,
  options: { archiveMissing: boolean },
  actor: { id: number; email: string },
) {
  const plan = await planBulkImport(db, file, options);
  if (plan.change.length === 0) return plan;
  const refused: BulkPlan["errors"] = [];
  await db
    .$transaction(
      async (tx) => {
        for (const item of plan.change) {
          await tx.$executeRaw`SAVEPOINT bulk_row`;
          try {
            await updateInitiativeInTx(tx, { ...item.input, id: item.id, version: item.version }, actor);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            // Saved by someone since the plan was read: the whole preview is stale, not this row.
            refused.push({ line: item.line, message: error instanceof VersionConflictError ? t.bulk.stalePreview : error.message });
          }
          // Released after the rollback, or every row would open its savepoint inside the previous one's.
          await tx.$executeRaw`ROLLBACK TO SAVEPOINT bulk_row`;
          await tx.$executeRaw`RELEASE SAVEPOINT bulk_row`;
        }
        throw new DryRunDone();
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    )
    .catch((error) => {
      if (!(error instanceof DryRunDone)) throw error;
    });
  return { ...plan, errors: [...plan.errors, ...refused] };
}

/**
 * Applies a plan all or nothing: one transaction that re-plans from the same
 * file, refuses if anything changed since the preview, writes every change
 * through the same functions as the edit form, and records a summary.
 */
export async function applyBulkImport(
  db: Db,
  file: BulkFile,
  options: { archiveMissing: boolean; previewFingerprint: string; staleDecisions?: StaleDecisions },
  actor: { id: number; email: string },
  context?: RequestContext,
) {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
      const plan = await planBulkImport(tx, file, options);
      if (plan.errors.length > 0) throw new ActionError(t.bulk.invalidRows);
      if (fingerprint(plan) !== options.previewFingerprint) {
        throw new ActionError(t.bulk.stalePreview);
      }
      // A row edited in the portal after the export is written only on an explicit choice, per row or for all.
      const decisions = options.staleDecisions ?? {};
      const stale = plan.change
        .filter((item) => item.stale)
        .map((item) => ({ id: item.id, ...item.stale!, decision: decisions.rows?.[item.id] ?? decisions.all ?? null }));
      const undecided = stale.filter((s) => s.decision === null).length;
      if (undecided > 0) throw new ActionError(t.planner.staleUndecided(undecided));
      const kept = new Set(stale.filter((s) => s.decision === "keep").map((s) => s.id));
      const written = plan.change.filter((item) => !kept.has(item.id));
      for (const item of plan.add) await createInitiativeInTx(tx, item.input, actor, context);
      for (const item of written) await updateInitiativeInTx(tx, { ...item.input, id: item.id, version: item.version }, actor, context);
      for (const item of plan.archive) await setArchivedInTx(tx, item.id, item.version, true, actor, context);
      await recordAuditEvent(tx, {
        action: "import.apply",
        actor,
        entityType: "Import",
        context,
        data: {
          added: plan.add.length,
          changed: written.length,
          archived: plan.archive.length,
          unchanged: plan.unchanged,
          keptNewer: kept.size,
          ignoredCells: plan.warnings.length,
          staleChoiceForAll: decisions.all ?? null,
          stale: stale.map(({ id, fileVersion, currentVersion, decision }) => ({ id, fileVersion, currentVersion, decision })),
        },
      });
      return { ...plan, change: written, kept: kept.size };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

/**
 * Identifies a plan by what it would touch and at which versions, so an apply can tell the matrix moved.
 * A digest, so that the apply, which sends the file again, stays within the upload limit.
 */
export function fingerprint(plan: BulkPlan): string {
  return createHash("sha256")
    .update(
      JSON.stringify([
        plan.add.map((a) => [a.name, a.managementObjectiveCode]),
        plan.change.map((c) => [c.id, c.version]),
        plan.archive.map((a) => [a.id, a.version]),
      ]),
    )
    .digest("base64url");
}
