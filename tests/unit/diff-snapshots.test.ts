import { describe, expect, it } from "vitest";
import { diffSnapshots } from "@/lib/initiatives/diff-snapshots";
import type { InitiativeSnapshot } from "@/lib/initiatives/initiative-schema";

const base: InitiativeSnapshot = {
  name: "Plan A",
  managementObjectiveCode: "1.1",
  archived: false,
  articulationObjectives: [
    { text: "Uno", mechanisms: [{ id: 1, name: "Convenios" }] },
    { text: "Dos", mechanisms: [] },
  ],
};

describe("diferencias entre versiones", () => {
  it("sin cambios no hay diferencias; sin versión anterior tampoco", () => {
    expect(diffSnapshots(base, base)).toEqual([]);
    expect(diffSnapshots(null, base)).toEqual([]);
  });

  it("nombra cada campo, objetivo y mecanismo que cambió", () => {
    const after: InitiativeSnapshot = {
      ...base,
      name: "Plan B",
      archived: true,
      articulationObjectives: [{ text: "Uno bis", mechanisms: [{ id: 2, name: "Acuerdos" }] }],
    };
    expect(diffSnapshots(base, after)).toEqual([
      { kind: "field", field: "name", before: "Plan A", after: "Plan B" },
      { kind: "field", field: "archived", before: "no", after: "sí" },
      {
        kind: "objective-changed",
        index: 0,
        before: "Uno",
        after: "Uno bis",
        mechanismsAdded: ["Acuerdos"],
        mechanismsRemoved: ["Convenios"],
      },
      { kind: "objective-removed", index: 1, text: "Dos", mechanisms: [] },
    ]);
  });
});
