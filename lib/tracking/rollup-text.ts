import { formatPercent, t } from "@/lib/i18n";
import type { Rollup } from "./rollup";

export interface RollupText {
  sufficient: boolean;
  /** The big figure: the average, or «Datos insuficientes». */
  headline: string;
  /** How much of the group the figure stands on: «(1 de 114 con dato)»; null for an empty group. */
  coverage: string | null;
  /** Headline and coverage in one phrase, for a table cell or an accessible name. */
  full: string;
  /** Why no average is given, when it is not. */
  reason: string | null;
}

/** How a roll-up is worded everywhere (dashboard, objective pages, report): never an average without the share it stands on. */
export function describeRollup(rollup: Rollup, minCoverage: number): RollupText {
  const total = rollup.counted + rollup.ignored;
  if (total === 0)
    return { sufficient: false, headline: t.planner.noInitiatives, coverage: null, full: t.planner.noInitiatives, reason: null };
  const coverage = `(${t.planner.withData(rollup.counted, total)})`;
  if (rollup.sufficient && rollup.average !== null) {
    const headline = formatPercent(rollup.average);
    return { sufficient: true, headline, coverage, full: `${headline} ${coverage}`, reason: null };
  }
  return {
    sufficient: false,
    headline: t.planner.insufficient,
    coverage,
    full: t.planner.insufficientShort(rollup.counted, total),
    reason:
      rollup.counted === 0
        ? t.planner.noneReports(total)
        : t.planner.insufficientDetail(rollup.counted, total, formatPercent(rollup.coverage ?? 0), formatPercent(minCoverage)),
  };
}

/** A roll-up in the API: the same rule as the pages, so no client can show an average the portal would not. */
export function rollupJson(rollup: Rollup) {
  return {
    average: rollup.sufficient ? rollup.average : null,
    counted: rollup.counted,
    total: rollup.counted + rollup.ignored,
    coverage: rollup.coverage,
    sufficient: rollup.sufficient,
  };
}
