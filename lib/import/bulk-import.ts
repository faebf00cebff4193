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
import { canonicalMechanismName } from "@/lib/matrix/mechanism-names";
import { foldText } from "@/lib/text/search-text";
import type { BulkFile } from "./read-bulk-file";

type Tx = Prisma.TransactionClient;

export interface BulkPlan {
  add: { line: number; name: string; managementObjectiveCode: string; input: InitiativeInput }[];
  change: { line: number; id: number; version: number; name: string; changes: SnapshotChange[]; input: InitiativeInput }[];
  archive: { id: number; version: number; name: string }[];
  unchanged: number;
  errors: { line: number; message: string }[];
}

/** What applying the file would do, row by row, without writing anything. */
export async function planBulkImport(db: Db | Tx, file: BulkFile, options: { archiveMissing: boolean }): Promise<BulkPlan> {
  const plan: BulkPlan = { add: [], change: [], archive: [], unchanged: 0, errors: [...file.errors] };
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
    if (changes.length === 0) plan.unchanged++;
    else plan.change.push({ line: item.line, id, version: current.version, name: input.name, changes, input });
  }
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
  options: { archiveMissing: boolean; previewFingerprint: string },
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
      for (const item of plan.add) await createInitiativeInTx(tx, item.input, actor, context);
      for (const item of plan.change) await updateInitiativeInTx(tx, { ...item.input, id: item.id, version: item.version }, actor, context);
      for (const item of plan.archive) await setArchivedInTx(tx, item.id, item.version, true, actor, context);
      await recordAuditEvent(tx, {
        action: "import.apply",
        actor,
        entityType: "Import",
        context,
        data: { added: plan.add.length, changed: plan.change.length, archived: plan.archive.length, unchanged: plan.unchanged },
      });
      return plan;
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
