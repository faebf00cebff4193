import { describeRollup } from "@/lib/tracking/rollup-text";
import type { Rollup } from "@/lib/tracking/rollup";

/**
 * A roll-up as a headline: the average with the share of initiatives it stands
 * on, in the same element, or «Datos insuficientes» below the administrators'
 * threshold, with the reason in small type.
 */
export function RollupFigure({
  rollup,
  minCoverage,
  testId,
  size = "large",
}: {
  rollup: Rollup;
  minCoverage: number;
  testId?: string;
  size?: "large" | "small";
}) {
  const text = describeRollup(rollup, minCoverage);
  const big = size === "large" ? "text-3xl" : "text-xl";
  return (
    <span className="inline-flex flex-col gap-1">
      <span data-testid={testId} data-sufficient={text.sufficient} className="flex flex-wrap items-baseline gap-x-2">
        <span className={`${big} font-bold ${text.sufficient ? "text-brand-900" : "text-slate-800"}`}>{text.headline}</span>{" "}
        {text.coverage && <span className="text-base font-semibold text-slate-800">{text.coverage}</span>}
      </span>
      {text.reason && <span className="max-w-xl text-sm text-slate-700">{text.reason}</span>}
    </span>
  );
}
