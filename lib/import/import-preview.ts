import type { SnapshotChange } from "@/lib/initiatives/diff-snapshots";
import { type BulkPlan, fingerprint, type StaleRow } from "./bulk-import";

/** What the import form shows of a plan: plain data, small enough to send back to the browser. */
export interface ImportPreview {
  fingerprint: string;
  applied: boolean;
  add: { line: number; name: string; managementObjectiveCode: string }[];
  change: { line: number; id: number; name: string; changes: SnapshotChange[]; stale: StaleRow | null }[];
  archive: { id: number; name: string }[];
  unchanged: number;
  errors: { line: number; message: string }[];
  /** Cells the import does not write that differ from the portal («columna ignorada: …»). */
  warnings: { line: number; message: string }[];
  /** A file without the «Versión» column: later edits in the portal cannot be detected. */
  unversioned: boolean;
}

export function importPreview(plan: BulkPlan, applied: boolean): ImportPreview {
  return {
    fingerprint: fingerprint(plan),
    applied,
    add: plan.add.map(({ line, name, managementObjectiveCode }) => ({ line, name, managementObjectiveCode })),
    change: plan.change.map(({ line, id, name, changes, stale }) => ({ line, id, name, changes, stale })),
    archive: plan.archive.map(({ id, name }) => ({ id, name })),
    unchanged: plan.unchanged,
    errors: plan.errors.sort((a, b) => a.line - b.line),
    warnings: plan.warnings,
    unversioned: plan.unversioned,
  };
}
