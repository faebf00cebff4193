/**
 * The arithmetic of indicators (ADR 0120), pure so it is tested apart from the database.
 * Days are "YYYY-MM-DD" strings; a target is due on 31 December of its year and a
 * baseline stands on 1 January of its year.
 */

export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";

export const INDICATOR_STATUSES = ["en-camino", "en-riesgo", "fuera-de-ruta", "sin-datos"] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export interface IndicatorDefinition {
  direction: Direction;
  baselineYear: number | null;
  baselineValue: number | null;
  targets: readonly { year: number; value: number }[];
}

export interface Thresholds {
  /** Percent of the expected progress at or above which an indicator is on track. */
  onTrackPercent: number;
  /** Percent at or above which it is at risk (below it, off track). */
  atRiskPercent: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { onTrackPercent: 90, atRiskPercent: 70 };

/** The plan's years, the only ones a target may be set for. */
export const PLAN_FIRST_YEAR = 2024;
export const PLAN_LAST_YEAR = 2033;
export const PLAN_YEARS = Array.from({ length: PLAN_LAST_YEAR - PLAN_FIRST_YEAR + 1 }, (_, i) => PLAN_FIRST_YEAR + i);

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
export const targetDueDay = (year: number) => `${year}-12-31`;
export const baselineDay = (year: number) => `${year}-01-01`;

interface Anchor {
  day: number;
  value: number;
}

function hasBaseline(definition: IndicatorDefinition): definition is IndicatorDefinition & { baselineYear: number; baselineValue: number } {
  return definition.baselineYear !== null && definition.baselineValue !== null;
}

function anchorsOf(definition: IndicatorDefinition): Anchor[] {
  const targets = [...definition.targets]
    .sort((a, b) => a.year - b.year)
    .map((t) => ({ day: dayNumber(targetDueDay(t.year)), value: t.value }));
  if (!hasBaseline(definition)) return targets;
  const start = dayNumber(baselineDay(definition.baselineYear));
  // A target due before the baseline says nothing about the way from it.
  return [{ day: start, value: definition.baselineValue }, ...targets.filter((t) => t.day > start)];
}

/**
 * The value expected on `day`: linear between the baseline and the targets, the baseline
 * before it, the first target before that one when there is no baseline, the last target
 * after the last target year. Null when the indicator has no target.
 */
export function expectedValueAt(definition: IndicatorDefinition, day: string): number | null {
  if (definition.targets.length === 0) return null;
  const anchors = anchorsOf(definition);
  const at = dayNumber(day);
  const first = anchors[0]!;
  if (at <= first.day) return first.value;
  for (let i = 1; i < anchors.length; i++) {
    const from = anchors[i - 1]!;
    const to = anchors[i]!;
    if (at <= to.day) return from.value + ((to.value - from.value) * (at - from.day)) / (to.day - from.day);
  }
  return anchors[anchors.length - 1]!.value;
}

/** How far `value` is better than `other` in the indicator's direction (negative when worse). */
const gain = (direction: Direction, value: number, other: number) => (direction === "HIGHER_IS_BETTER" ? value - other : other - value);

/**
 * The value against the expected one without a starting point: value ÷ expected when higher is
 * better, expected ÷ value when lower is better; when a ratio of those signs means nothing,
 * 1 if the value is no worse than expected and 0 otherwise.
 */
function plainRatio(direction: Direction, value: number, expected: number): number {
  if (direction === "HIGHER_IS_BETTER")
    return expected > 0 && value >= 0 ? value / expected : gain(direction, value, expected) >= 0 ? 1 : 0;
  return value > 0 && expected >= 0 ? expected / value : gain(direction, value, expected) >= 0 ? 1 : 0;
}

/**
 * Achievement of `value` on `day`, as a fraction (1 = exactly as expected), at least 0 and not capped:
 * the progress made from the baseline over the progress expected by then, (value − baseline) ÷
 * (expected − baseline). Without a baseline, or when no progress is expected from it yet (or the
 * target does not move in the good direction), the plain ratio of value and expected value.
 * Null when the indicator has no target.
 */
export function achievementAt(definition: IndicatorDefinition, day: string, value: number): number | null {
  const expected = expectedValueAt(definition, day);
  if (expected === null) return null;
  if (hasBaseline(definition)) {
    const expectedGain = gain(definition.direction, expected, definition.baselineValue);
    if (expectedGain > 0) return Math.max(0, gain(definition.direction, value, definition.baselineValue) / expectedGain);
  }
  return Math.max(0, plainRatio(definition.direction, value, expected));
}

/** The traffic light of an achievement: thresholds are inclusive lower bounds, compared in percent. */
export function statusOfAchievement(achievement: number | null, thresholds: Thresholds): IndicatorStatus {
  if (achievement === null) return "sin-datos";
  // Rounded to a hundredth of a percent so 0.9 (float 89.99999…) is on track at 90 %.
  const percent = Math.round(achievement * 10_000) / 100;
  if (percent >= thresholds.onTrackPercent) return "en-camino";
  if (percent >= thresholds.atRiskPercent) return "en-riesgo";
  return "fuera-de-ruta";
}

export interface MeasurementPoint {
  measuredOn: string;
  value: number;
}

/** The newest measurement: the latest date, and of one day the last one given. */
export function latestMeasurement<M extends MeasurementPoint>(measurements: readonly M[]): M | null {
  let latest: M | null = null;
  for (const m of measurements) if (!latest || m.measuredOn >= latest.measuredOn) latest = m;
  return latest;
}

/** The indicator's status: its latest measurement against the target interpolated for that measurement's date. */
export function indicatorStatus(definition: IndicatorDefinition, measurements: readonly MeasurementPoint[], thresholds: Thresholds) {
  const latest = latestMeasurement(measurements);
  const achievement = latest ? achievementAt(definition, latest.measuredOn, latest.value) : null;
  return { latest, achievement, status: statusOfAchievement(achievement, thresholds) };
}

/** Whether a measurement must say why it falls short: at risk or off track. */
export const needsExplanation = (status: IndicatorStatus) => status === "en-riesgo" || status === "fuera-de-ruta";

/**
 * Share of the way to the final target (the last target year's) that the latest value has covered,
 * 0–1: like the achievement, but against the last target instead of today's expected value, so
 * it reads as progress and reaches 100 % only when the plan's target is met. Null without a
 * measurement or a target.
 */
export function progressTowardsFinalTarget(definition: IndicatorDefinition, measurements: readonly MeasurementPoint[]): number | null {
  const latest = latestMeasurement(measurements);
  if (!latest || definition.targets.length === 0) return null;
  const last = [...definition.targets].sort((a, b) => a.year - b.year).at(-1)!;
  return Math.min(1, achievementAt(definition, targetDueDay(last.year), latest.value) ?? 0);
}

/**
 * An initiative's progress from its indicators (percent, whole): the mean of each measured
 * indicator's progress towards its final target, each capped at 100 %. Indicators without
 * a measurement or a target are left out (and counted in `ignored`); null when none is measured.
 */
export function derivedProgress(indicators: readonly { definition: IndicatorDefinition; measurements: readonly MeasurementPoint[] }[]) {
  const figures = indicators.map((i) => progressTowardsFinalTarget(i.definition, i.measurements)).filter((p): p is number => p !== null);
  const percent = figures.length === 0 ? null : Math.round((figures.reduce((sum, p) => sum + p, 0) / figures.length) * 100);
  return { percent, counted: figures.length, ignored: indicators.length - figures.length };
}

export type MilestoneStateCode = "PLANNED" | "IN_PROGRESS" | "DONE" | "CANCELLED";

/** A milestone is late while still open (planned or in progress) after its planned day. */
export const isMilestoneLate = (milestone: { state: MilestoneStateCode; plannedOn: string }, today: string) =>
  (milestone.state === "PLANNED" || milestone.state === "IN_PROGRESS") && milestone.plannedOn < today;
