import { describe, expect, it } from "vitest";
import { rollUp, rollUpPlan } from "@/lib/tracking/rollup";

const any = { minCoverage: 0 };

describe("agregación del avance", () => {
  it("promedia las cifras e informa cuántas iniciativas no tienen dato y qué parte del grupo cubren", () => {
    expect(rollUp([10, 20, null, 60, undefined], any)).toEqual({ average: 30, counted: 3, ignored: 2, coverage: 60, sufficient: true });
  });

  it("sin ninguna cifra no inventa un promedio", () => {
    expect(rollUp([null, null], any)).toEqual({ average: null, counted: 0, ignored: 2, coverage: 0, sufficient: false });
    expect(rollUp([], any)).toEqual({ average: null, counted: 0, ignored: 0, coverage: null, sufficient: false });
  });

  it("redondea a un decimal y respeta el 0 como cifra", () => {
    expect(rollUp([0, 0, 100], any)).toMatchObject({ average: 33.3, counted: 3, ignored: 0, coverage: 100 });
    expect(rollUp([0], any)).toMatchObject({ average: 0, counted: 1, ignored: 0, sufficient: true });
  });

  it("por debajo de la cobertura mínima el promedio no basta: 1 de 114 con dato no es el avance del plan", () => {
    const plan = [35, ...Array<null>(113).fill(null)];
    expect(rollUp(plan, { minCoverage: 50 })).toEqual({ average: 35, counted: 1, ignored: 113, coverage: 0.9, sufficient: false });
    // The threshold itself counts, compared without rounding: 57 of 114 is exactly 50 %, 56 of 113 is 49.56 %.
    expect(rollUp([...Array<number>(57).fill(10), ...Array<null>(57).fill(null)], { minCoverage: 50 }).sufficient).toBe(true);
    const justBelow = rollUp([...Array<number>(56).fill(10), ...Array<null>(57).fill(null)], { minCoverage: 50 });
    expect(justBelow).toMatchObject({ coverage: 49.6, sufficient: false });
    expect(rollUp([10, null], { minCoverage: 100 }).sufficient).toBe(false);
    expect(rollUp([10, 20], { minCoverage: 100 }).sufficient).toBe(true);
  });

  it("sube de iniciativas a objetivos de gestión y de desarrollo, sin promediar promedios", () => {
    const plan = rollUpPlan(
      [
        { managementObjectiveCode: "1.1", developmentObjectiveCode: "1", progress: 100 },
        { managementObjectiveCode: "1.2", developmentObjectiveCode: "1", progress: 0 },
        { managementObjectiveCode: "1.2", developmentObjectiveCode: "1", progress: 20 },
        { managementObjectiveCode: "1.2", developmentObjectiveCode: "1", progress: null },
        { managementObjectiveCode: "2.1", developmentObjectiveCode: "2", progress: null },
      ],
      { minCoverage: 50 },
    );
    expect(plan.management["1.1"]).toEqual({ average: 100, counted: 1, ignored: 0, coverage: 100, sufficient: true });
    expect(plan.management["1.2"]).toEqual({ average: 10, counted: 2, ignored: 1, coverage: 66.7, sufficient: true });
    // (100 + 0 + 20) / 3 = 40, not the mean of 100 and 10 (55).
    expect(plan.development["1"]).toEqual({ average: 40, counted: 3, ignored: 1, coverage: 75, sufficient: true });
    expect(plan.development["2"]).toEqual({ average: null, counted: 0, ignored: 1, coverage: 0, sufficient: false });
    expect(plan.overall).toEqual({ average: 40, counted: 3, ignored: 2, coverage: 60, sufficient: true });
  });
});
