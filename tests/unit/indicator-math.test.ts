import { describe, expect, it } from "vitest";
import {
  achievementAt,
  DEFAULT_THRESHOLDS,
  derivedProgress,
  expectedValueAt,
  type IndicatorDefinition,
  indicatorStatus,
  isMilestoneLate,
  needsExplanation,
  statusOfAchievement,
} from "@/lib/indicators/indicator-math";

const rising: IndicatorDefinition = {
  direction: "HIGHER_IS_BETTER",
  baselineYear: 2024,
  baselineValue: 0,
  targets: [
    { year: 2025, value: 60 },
    { year: 2024, value: 20 },
  ],
};
const falling: IndicatorDefinition = {
  direction: "LOWER_IS_BETTER",
  baselineYear: 2024,
  baselineValue: 100,
  targets: [{ year: 2024, value: 80 }],
};

describe("expectedValueAt", () => {
  it("interpolates linearly from the baseline on 1 January to each target on 31 December", () => {
    expect(expectedValueAt(rising, "2024-01-01")).toBe(0);
    expect(expectedValueAt(rising, "2024-12-31")).toBe(20);
    // Halfway through 2025 (day 182 of 365 from 31 Dec 2024).
    expect(expectedValueAt(rising, "2025-07-02")).toBeCloseTo(20 + (40 * 183) / 365, 6);
    expect(expectedValueAt(falling, "2024-07-01")).toBeCloseTo(100 - (20 * 182) / 365, 6);
  });

  it("holds the baseline before it and the last target after the last target year", () => {
    expect(expectedValueAt(rising, "2023-06-01")).toBe(0);
    expect(expectedValueAt(rising, "2030-03-01")).toBe(60);
    expect(expectedValueAt(falling, "2033-12-31")).toBe(80);
  });

  it("without a baseline starts at the first target, and is null without targets", () => {
    const noBaseline = { ...rising, baselineYear: null, baselineValue: null };
    expect(expectedValueAt(noBaseline, "2024-03-01")).toBe(20);
    expect(expectedValueAt(noBaseline, "2025-12-31")).toBe(60);
    expect(expectedValueAt({ ...rising, targets: [] }, "2025-01-01")).toBeNull();
  });

  it("ignores a target due before the baseline year", () => {
    const def = { ...rising, baselineYear: 2025, baselineValue: 10 };
    expect(expectedValueAt(def, "2025-01-01")).toBe(10);
    expect(expectedValueAt(def, "2025-12-31")).toBe(60);
  });
});

describe("achievementAt", () => {
  it("measures progress from the baseline, higher is better", () => {
    expect(achievementAt(rising, "2024-12-31", 18)).toBeCloseTo(0.9, 10);
    expect(achievementAt(rising, "2024-12-31", 30)).toBeCloseTo(1.5, 10);
    expect(achievementAt(rising, "2024-12-31", -5)).toBe(0);
  });

  it("measures progress from the baseline, lower is better", () => {
    // Expected 80 from 100: a fall to 86 is 14 of 20 = 70 %.
    expect(achievementAt(falling, "2024-12-31", 86)).toBeCloseTo(0.7, 10);
    expect(achievementAt(falling, "2024-12-31", 70)).toBeCloseTo(1.5, 10);
    expect(achievementAt(falling, "2024-12-31", 110)).toBe(0);
  });

  it("uses the plain ratio without a baseline, in both directions", () => {
    expect(achievementAt({ ...rising, baselineYear: null, baselineValue: null }, "2024-12-31", 15)).toBeCloseTo(0.75, 10);
    expect(achievementAt({ ...falling, baselineValue: null }, "2024-12-31", 100)).toBeCloseTo(0.8, 10);
  });

  it("past the last target year compares with the last target", () => {
    expect(achievementAt(rising, "2031-05-05", 54)).toBeCloseTo(0.9, 10);
    expect(achievementAt(falling, "2031-05-05", 84)).toBeCloseTo(0.8, 10);
  });

  it("on the baseline day, when nothing is expected yet, is full if no worse than the baseline", () => {
    expect(achievementAt(rising, "2024-01-01", 0)).toBe(1);
    expect(achievementAt(falling, "2024-01-01", 101)).toBeCloseTo(100 / 101, 10);
  });

  it("is null without targets", () => {
    expect(achievementAt({ ...rising, targets: [] }, "2024-12-31", 10)).toBeNull();
  });
});

describe("statusOfAchievement", () => {
  it("treats the thresholds as inclusive lower bounds", () => {
    expect(statusOfAchievement(0.9, DEFAULT_THRESHOLDS)).toBe("en-camino");
    expect(statusOfAchievement(0.8999, DEFAULT_THRESHOLDS)).toBe("en-riesgo");
    expect(statusOfAchievement(0.7, DEFAULT_THRESHOLDS)).toBe("en-riesgo");
    expect(statusOfAchievement(0.6999, DEFAULT_THRESHOLDS)).toBe("fuera-de-ruta");
    expect(statusOfAchievement(null, DEFAULT_THRESHOLDS)).toBe("sin-datos");
  });

  it("follows thresholds an administrator set", () => {
    expect(statusOfAchievement(0.85, { onTrackPercent: 80, atRiskPercent: 50 })).toBe("en-camino");
    expect(statusOfAchievement(0.45, { onTrackPercent: 80, atRiskPercent: 50 })).toBe("fuera-de-ruta");
  });

  it("asks for an explanation when at risk or off track", () => {
    expect(needsExplanation("en-riesgo")).toBe(true);
    expect(needsExplanation("fuera-de-ruta")).toBe(true);
    expect(needsExplanation("en-camino")).toBe(false);
    expect(needsExplanation("sin-datos")).toBe(false);
  });
});

describe("indicatorStatus", () => {
  it("judges the latest measurement against the target of its own date", () => {
    const measurements = [
      { measuredOn: "2025-12-31", value: 40 },
      { measuredOn: "2024-12-31", value: 20 },
    ];
    const result = indicatorStatus(rising, measurements, DEFAULT_THRESHOLDS);
    expect(result.latest?.measuredOn).toBe("2025-12-31");
    expect(result.achievement).toBeCloseTo(40 / 60, 10);
    expect(result.status).toBe("fuera-de-ruta");
    expect(indicatorStatus(rising, [], DEFAULT_THRESHOLDS).status).toBe("sin-datos");
  });
});

describe("derivedProgress", () => {
  it("averages progress towards each final target, capped, leaving out unmeasured indicators", () => {
    const result = derivedProgress([
      { definition: rising, measurements: [{ measuredOn: "2024-12-31", value: 30 }] }, // 30 of 60 = 50 %
      { definition: falling, measurements: [{ measuredOn: "2024-12-31", value: 60 }] }, // beyond the target: 100 %
      { definition: rising, measurements: [] },
    ]);
    expect(result).toEqual({ percent: 75, counted: 2, ignored: 1 });
    expect(derivedProgress([{ definition: rising, measurements: [] }])).toEqual({ percent: null, counted: 0, ignored: 1 });
  });
});

describe("isMilestoneLate", () => {
  it("flags open milestones after their planned day only", () => {
    expect(isMilestoneLate({ state: "PLANNED", plannedOn: "2026-01-01" }, "2026-01-02")).toBe(true);
    expect(isMilestoneLate({ state: "IN_PROGRESS", plannedOn: "2026-01-01" }, "2026-01-01")).toBe(false);
    expect(isMilestoneLate({ state: "DONE", plannedOn: "2026-01-01" }, "2027-01-01")).toBe(false);
    expect(isMilestoneLate({ state: "CANCELLED", plannedOn: "2026-01-01" }, "2027-01-01")).toBe(false);
  });
});
