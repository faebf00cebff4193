import { describe, expect, it } from "vitest";
import { rollUp, rollUpPlan } from "@/lib/tracking/rollup";

describe("agregación del avance", () => {
  it("promedia las cifras e informa cuántas iniciativas no tienen dato", () => {
    expect(rollUp([10, 20, null, 60, undefined])).toEqual({ average: 30, counted: 3, ignored: 2 });
  });

  it("sin ninguna cifra no inventa un promedio", () => {
    expect(rollUp([null, null])).toEqual({ average: null, counted: 0, ignored: 2 });
    expect(rollUp([])).toEqual({ average: null, counted: 0, ignored: 0 });
  });

  it("redondea a un decimal y respeta el 0 como cifra", () => {
    expect(rollUp([0, 0, 100])).toEqual({ average: 33.3, counted: 3, ignored: 0 });
    expect(rollUp([0])).toEqual({ average: 0, counted: 1, ignored: 0 });
  });

  it("sube de iniciativas a objetivos de gestión y de desarrollo, sin promediar promedios", () => {
    const plan = rollUpPlan([
      { managementObjectiveCode: "1.1", developmentObjectiveCode: "1", progress: 100 },
      { managementObjectiveCode: "1.2", developmentObjectiveCode: "1", progress: 0 },
      { managementObjectiveCode: "1.2", developmentObjectiveCode: "1", progress: 20 },
      { managementObjectiveCode: "1.2", developmentObjectiveCode: "1", progress: null },
      { managementObjectiveCode: "2.1", developmentObjectiveCode: "2", progress: null },
    ]);
    expect(plan.management["1.1"]).toEqual({ average: 100, counted: 1, ignored: 0 });
    expect(plan.management["1.2"]).toEqual({ average: 10, counted: 2, ignored: 1 });
    // (100 + 0 + 20) / 3 = 40, not the mean of 100 and 10 (55).
    expect(plan.development["1"]).toEqual({ average: 40, counted: 3, ignored: 1 });
    expect(plan.development["2"]).toEqual({ average: null, counted: 0, ignored: 1 });
    expect(plan.overall).toEqual({ average: 40, counted: 3, ignored: 2 });
  });
});
