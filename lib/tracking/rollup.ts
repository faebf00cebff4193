/** Progress of a group of initiatives: the mean of those that report a figure, how many did not, and whether that is enough to state it. */
export interface Rollup {
  /** Mean percent of the initiatives with a figure, rounded to one decimal; null when none reports one. */
  average: number | null;
  counted: number;
  ignored: number;
  /** Share of the group's initiatives with a figure, in percent rounded to one decimal; null for an empty group. */
  coverage: number | null;
  /**
   * Whether enough of the group reports a figure for the average to stand as the
   * group's progress: at least `minCoverage` percent of it. When false, the
   * average is shown (if at all) only as what the few that report say.
   */
  sufficient: boolean;
}

export interface RollupOptions {
  /** Percent of initiatives that must report a figure (0-100), an administrator's setting. */
  minCoverage: number;
}

/** The default of the administrators' coverage threshold (percent). */
export const DEFAULT_MIN_COVERAGE = 50;

export function rollUp(progress: readonly (number | null | undefined)[], options: RollupOptions): Rollup {
  const figures = progress.filter((p): p is number => typeof p === "number" && Number.isFinite(p));
  const counted = figures.length;
  const ignored = progress.length - counted;
  const coverage = progress.length === 0 ? null : Math.round((counted / progress.length) * 1000) / 10;
  // Compared unrounded, so 49.96 % never passes a 50 % threshold.
  const sufficient = counted > 0 && counted * 100 >= options.minCoverage * progress.length;
  if (counted === 0) return { average: null, counted, ignored, coverage, sufficient };
  const mean = figures.reduce((sum, p) => sum + p, 0) / counted;
  return { average: Math.round(mean * 10) / 10, counted, ignored, coverage, sufficient };
}

/**
 * Rolls initiatives up to their management objectives and those to their
 * development objectives. A development objective averages its initiatives
 * directly (not its objectives' averages), so a small objective does not weigh
 * as much as a large one.
 */
export function rollUpPlan<I extends { managementObjectiveCode: string; developmentObjectiveCode: string; progress: number | null }>(
  initiatives: readonly I[],
  options: RollupOptions,
): { management: Record<string, Rollup>; development: Record<string, Rollup>; overall: Rollup } {
  const group = (key: (i: I) => string) => {
    const groups = new Map<string, (number | null)[]>();
    for (const i of initiatives) {
      const k = key(i);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k)!.push(i.progress);
    }
    return Object.fromEntries([...groups].map(([k, values]) => [k, rollUp(values, options)]));
  };
  return {
    management: group((i) => i.managementObjectiveCode),
    development: group((i) => i.developmentObjectiveCode),
    overall: rollUp(
      initiatives.map((i) => i.progress),
      options,
    ),
  };
}
