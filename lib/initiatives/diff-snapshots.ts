import type { InitiativeSnapshot } from "./initiative-schema";

export type SnapshotChange =
  | { kind: "field"; field: "name" | "managementObjectiveCode" | "archived"; before: string; after: string }
  | { kind: "objective-added"; index: number; text: string; mechanisms: string[] }
  | { kind: "objective-removed"; index: number; text: string; mechanisms: string[] }
  | { kind: "objective-changed"; index: number; before: string; after: string; mechanismsAdded: string[]; mechanismsRemoved: string[] };

/** What changed between two versions, field by field and objective by objective (by position). */
export function diffSnapshots(before: InitiativeSnapshot | null, after: InitiativeSnapshot): SnapshotChange[] {
  if (!before) return [];
  const changes: SnapshotChange[] = [];
  const yesNo = (v: boolean) => (v ? "sí" : "no");
  if (before.name !== after.name) changes.push({ kind: "field", field: "name", before: before.name, after: after.name });
  if (before.managementObjectiveCode !== after.managementObjectiveCode) {
    changes.push({
      kind: "field",
      field: "managementObjectiveCode",
      before: before.managementObjectiveCode,
      after: after.managementObjectiveCode,
    });
  }
  if (before.archived !== after.archived)
    changes.push({ kind: "field", field: "archived", before: yesNo(before.archived), after: yesNo(after.archived) });
  const length = Math.max(before.articulationObjectives.length, after.articulationObjectives.length);
  for (let index = 0; index < length; index++) {
    const a = before.articulationObjectives[index];
    const b = after.articulationObjectives[index];
    const names = (o: { mechanisms: { name: string }[] }) => o.mechanisms.map((m) => m.name);
    if (!a && b) changes.push({ kind: "objective-added", index, text: b.text, mechanisms: names(b) });
    else if (a && !b) changes.push({ kind: "objective-removed", index, text: a.text, mechanisms: names(a) });
    else if (a && b) {
      const added = names(b).filter((n) => !names(a).includes(n));
      const removed = names(a).filter((n) => !names(b).includes(n));
      if (a.text !== b.text || added.length || removed.length) {
        changes.push({
          kind: "objective-changed",
          index,
          before: a.text,
          after: b.text,
          mechanismsAdded: added,
          mechanismsRemoved: removed,
        });
      }
    }
  }
  return changes;
}
