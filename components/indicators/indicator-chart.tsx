import { formatDay, LOCALE } from "@/lib/i18n/format";
import { t } from "@/lib/i18n";
import { baselineDay, PLAN_FIRST_YEAR, PLAN_LAST_YEAR, targetDueDay } from "@/lib/indicators/indicator-math";
import type { IndicatorView } from "@/lib/indicators/get-initiative-indicators";

const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
export const formatValue = (value: number) => decimal.format(value);

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * The indicator drawn on the server: the expected path from the baseline through each target
 * (dashed), the targets (squares) and the measurements (dots). Its numbers follow as a table,
 * which is what a screen reader and a printed page read.
 */
export function IndicatorChart({ indicator }: { indicator: IndicatorView }) {
  const baseline =
    indicator.baselineYear !== null && indicator.baselineValue !== null
      ? { day: baselineDay(indicator.baselineYear), value: indicator.baselineValue }
      : null;
  const targets = indicator.targets.map((target) => ({ day: targetDueDay(target.year), value: target.value, year: target.year }));
  const measurements = indicator.measurements;
  const firstYear = Math.min(PLAN_FIRST_YEAR, indicator.baselineYear ?? PLAN_FIRST_YEAR);
  const lastDay = [targetDueDay(PLAN_LAST_YEAR), ...measurements.map((m) => m.measuredOn)].sort().at(-1)!;
  const x0 = dayNumber(baselineDay(firstYear));
  const x1 = dayNumber(lastDay);
  const values = [...targets.map((p) => p.value), ...measurements.map((m) => m.value), ...(baseline ? [baseline.value] : [])];
  let y0 = Math.min(...values);
  let y1 = Math.max(...values);
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const margin = (y1 - y0) * 0.08;
  y0 -= margin;
  y1 += margin;
  const x = (day: string) => PAD.left + ((dayNumber(day) - x0) / (x1 - x0)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - (value - y0) / (y1 - y0)) * (HEIGHT - PAD.top - PAD.bottom);
  const expectedPath = [...(baseline ? [baseline] : []), ...targets].map((p) => `${x(p.day).toFixed(1)},${y(p.value).toFixed(1)}`);
  const lastTarget = targets.at(-1);
  if (lastTarget) expectedPath.push(`${x(lastDay).toFixed(1)},${y(lastTarget.value).toFixed(1)}`);
  const years = Array.from({ length: Number(lastDay.slice(0, 4)) - firstYear + 1 }, (_, i) => firstYear + i);
  const ticks = [y0 + margin, (y0 + y1) / 2, y1 - margin];
  const title = t.indicators.chartLabel(indicator.name, indicator.unit);

  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={title}
        className="h-auto w-full max-w-2xl"
        data-testid="indicator-chart"
      >
        <title>{title}</title>
        {ticks.map((value) => (
          <g key={value}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} className="stroke-slate-200" />
            <text x={PAD.left - 4} y={y(value) + 4} textAnchor="end" className="fill-slate-700 text-[10px]">
              {formatValue(value)}
            </text>
          </g>
        ))}
        {years.map((year) => (
          <text key={year} x={x(`${year}-07-01`)} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-700 text-[10px]">
            {String(year).slice(2)}
          </text>
        ))}
        {expectedPath.length > 1 && (
          <polyline points={expectedPath.join(" ")} fill="none" strokeDasharray="4 3" className="stroke-slate-500" strokeWidth={1.5} />
        )}
        {baseline && <circle cx={x(baseline.day)} cy={y(baseline.value)} r={4} className="fill-white stroke-slate-700" strokeWidth={1.5} />}
        {targets.map((p) => (
          <rect key={p.year} x={x(p.day) - 4} y={y(p.value) - 4} width={8} height={8} className="fill-slate-600" />
        ))}
        {measurements.length > 1 && (
          <polyline
            points={measurements.map((m) => `${x(m.measuredOn).toFixed(1)},${y(m.value).toFixed(1)}`).join(" ")}
            fill="none"
            className="stroke-brand-700"
            strokeWidth={2}
          />
        )}
        {measurements.map((m) => (
          <circle key={m.id} cx={x(m.measuredOn)} cy={y(m.value)} r={4} className="fill-brand-700" />
        ))}
      </svg>
      <figcaption className="text-xs text-slate-700">
        <span aria-hidden="true">
          ▢ {t.indicators.baseline} · ■ {t.indicators.chartTarget} · ● {t.indicators.chartActual}
        </span>
      </figcaption>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm" data-testid="indicator-table">
          <caption className="sr-only">{t.indicators.chartTable}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-3">
                {t.indicators.chartKind}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t.indicators.chartDate}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t.indicators.value} ({indicator.unit})
              </th>
              <th scope="col" className="py-1 pr-3">
                {t.indicators.expected}
              </th>
              <th scope="col" className="py-1">
                {t.indicators.status}
              </th>
            </tr>
          </thead>
          <tbody>
            {baseline && (
              <tr className="border-b border-slate-100">
                <td className="py-1 pr-3">{t.indicators.baseline}</td>
                <td className="py-1 pr-3">{indicator.baselineYear}</td>
                <td className="py-1 pr-3">{formatValue(baseline.value)}</td>
                <td className="py-1 pr-3" />
                <td className="py-1" />
              </tr>
            )}
            {targets.map((p) => (
              <tr key={`target-${p.year}`} className="border-b border-slate-100">
                <td className="py-1 pr-3">{t.indicators.chartTarget}</td>
                <td className="py-1 pr-3">{formatDay(p.day)}</td>
                <td className="py-1 pr-3">{formatValue(p.value)}</td>
                <td className="py-1 pr-3" />
                <td className="py-1" />
              </tr>
            ))}
            {measurements.map((m) => (
              <tr key={`measurement-${m.id}`} className="border-b border-slate-100">
                <td className="py-1 pr-3">{t.indicators.chartActual}</td>
                <td className="py-1 pr-3">{formatDay(m.measuredOn)}</td>
                <td className="py-1 pr-3">{formatValue(m.value)}</td>
                <td className="py-1 pr-3">{m.expected === null ? "" : formatValue(m.expected)}</td>
                <td className="py-1">
                  {t.indicators.statuses[m.status]}
                  {m.achievement !== null && ` (${formatValue(Math.round(m.achievement * 1000) / 10)} %)`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
