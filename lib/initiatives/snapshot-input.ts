import type { InitiativeInput, InitiativeSnapshot } from "./initiative-schema";

/** A recorded version as the edit form's input: what the editor loads, what «keep the stored version» resets to, and what a restore saves. */
export function snapshotToInput(snapshot: InitiativeSnapshot): InitiativeInput {
  return {
    name: snapshot.name,
    managementObjectiveCode: snapshot.managementObjectiveCode,
    articulationObjectives: snapshot.articulationObjectives.map((o) => ({
      id: o.id,
      text: o.text,
      mechanismIds: o.mechanisms.map((m) => m.id),
    })),
  };
}
