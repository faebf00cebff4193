/** Progress of a group of initiatives: the mean of those that report a figure, and how many did not. */
export interface Rollup {
  /** Mean percent, rounded to one decimal; null when no initiative reports a figure. */
  average: number | null;
  counted: number;
  ignored: number;
}

export function rollUp(progress: readonly (number | null | undefined)[]): Rollup {
  const figures = progress.filter((p): p is number => typeof p === "number" && Number.isFinite(p));
  const ignored = progress.length - figures.length;
  if (figures.length === 0) return { average: null, counted: 0, ignored };
  const mean = figures.reduce((sum, p) => sum + p, 0) / figures.length;
  return { average: Math.round(mean * 10) / 10, counted: figures.length, ignored };
}

/**
 * Rolls initiatives up to their management objectives and those to their
 * development objectives. A development objective averages its initiatives
 * directly (not its objectives' averages), so a small objective does not weigh
 * as much as a large one.
 */
export function rollUpPlan<I extends { managementObjectiveCode: string; developmentObjectiveCode: string; progress: number | null }>(
  initiatives: readonly I[],
): { management: Record<string, Rollup>; development: Record<string, Rollup>; overall: Rollup } {
  const group = (key: (i: I) => string) => {
    const groups = new Map<string, (number | null)[]>();
    for (const i of initiatives) {
      const k = key(i);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k)!.push(i.progress);
    }
    return Object.fromEntries([...groups].map(([k, values]) => [k, rollUp(values)]));
  };
  return {
    management: group((i) => i.managementObjectiveCode),
    development: group((i) => i.developmentObjectiveCode),
    overall: rollUp(initiatives.map((i) => i.progress)),
  };
}
