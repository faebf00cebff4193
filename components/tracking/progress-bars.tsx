import { formatNumber, formatPercent, t } from "@/lib/i18n";
import { describeRollup } from "@/lib/tracking/rollup-text";
import { initiativesHref, objectiveFilter } from "@/lib/initiatives/initiative-query";
import type { ObjectiveRow } from "./dashboard-rows";
import { ObjectiveRowHeader, objectiveRowClass } from "./objective-row-header";

const WIDTH = 640;
const LABEL = 64;
// Wide enough for «Datos insuficientes».
const VALUE = 130;
const BAR = WIDTH - LABEL - VALUE - 8;
const ROW = 24;
const BAR_HEIGHT = 14;
const AXIS = 20;
const TICKS = [0, 25, 50, 75, 100];

// Sorted by progress, so the objective's figures come first and those without one last.
const byProgress = (code: string) => initiativesHref({ ...objectiveFilter(code), orden: "avance", dir: "desc" });

/** One bar per objective on a 0–100 % scale, with its average (or «Datos insuficientes») written beside it. */
export function ProgressChart({ id, rows, minCoverage }: { id: string; rows: ObjectiveRow[]; minCoverage: number }) {
  const height = rows.length * ROW + AXIS;
  const scale = (percent: number) => LABEL + (percent / 100) * BAR;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-3xl"
      fontSize={12}
    >
      <title id={`${id}-title`}>{t.dashboard.progressTitle}</title>
      <desc id={`${id}-desc`}>{t.dashboard.progressChartDescription}</desc>
      {/* Tracks, then the grid, then the bars: the grid shows on the empty part of a track, never over a bar. */}
      {rows.map((row, index) => (
        <rect key={row.code} x={LABEL} y={index * ROW + (ROW - BAR_HEIGHT) / 2} width={BAR} height={BAR_HEIGHT} fill="#f1f5f9" />
      ))}
      {TICKS.map((tick) => (
        <g key={tick}>
          <line
            x1={scale(tick)}
            x2={scale(tick)}
            y1={0}
            y2={rows.length * ROW}
            stroke="#cbd5e1"
            strokeDasharray={tick === 0 || tick === 100 ? undefined : "3 3"}
          />
          <text x={scale(tick)} y={rows.length * ROW + AXIS / 2 + 2} dominantBaseline="central" textAnchor="middle" fill="#334155">
            {formatPercent(tick)}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const y = index * ROW + (ROW - BAR_HEIGHT) / 2;
        const middle = y + BAR_HEIGHT / 2;
        const strong = row.level === "development" ? 700 : 400;
        const text = describeRollup(row.rollup, minCoverage);
        // Below the threshold no bar is drawn: a bar would state a progress the data cannot support.
        const average = text.sufficient ? row.rollup.average : null;
        return (
          <g key={row.code}>
            <text x={0} y={middle} dominantBaseline="central" fontWeight={strong} fill="#0f172a">
              {t.dashboard.shortCode(row.code)}
            </text>
            {average !== null && (
              <rect
                x={LABEL}
                y={y}
                width={(average / 100) * BAR}
                height={BAR_HEIGHT}
                fill={row.level === "development" ? "#12325d" : "#1d4f91"}
              />
            )}
            <text
              x={WIDTH}
              y={middle}
              dominantBaseline="central"
              textAnchor="end"
              fontWeight={strong}
              fill={average === null ? "#334155" : "#0f172a"}
            >
              {text.headline}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The numbers behind the progress chart: the average and how many initiatives it counts and leaves out, as plain links like the status table's counts. */
export function ProgressTable({ rows, minCoverage }: { rows: ObjectiveRow[]; minCoverage: number }) {
  return (
    <div className="scroll-cue relative overflow-x-auto">
      <table className="dtable">
        <caption className="sr-only">{t.dashboard.progressCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.dashboard.colObjective}</th>
            <th scope="col">{t.dashboard.colAverage}</th>
            <th scope="col">{t.dashboard.colCounted}</th>
            <th scope="col">{t.dashboard.colIgnored}</th>
            <th scope="col">{t.planner.colCoverage}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = t.dashboard.shortCode(row.code);
            const text = describeRollup(row.rollup, minCoverage);
            const average = text.headline;
            return (
              <tr key={row.code} className={objectiveRowClass(row)}>
                <ObjectiveRowHeader row={row} />
                <td className="whitespace-nowrap">
                  <a
                    href={byProgress(row.code)}
                    aria-label={text.sufficient ? t.dashboard.averageLabel(average, name) : `${text.full} · ${name}`}
                    data-testid={`rollup-${row.code}`}
                    className={text.sufficient ? undefined : "quiet"}
                  >
                    {average}
                  </a>
                </td>
                <td>
                  <a href={byProgress(row.code)} aria-label={t.dashboard.countedLabel(row.rollup.counted, name)} className="plain">
                    {formatNumber(row.rollup.counted)}
                  </a>
                </td>
                <td>
                  <a href={byProgress(row.code)} aria-label={t.dashboard.ignoredLabel(row.rollup.ignored, name)} className="plain">
                    {formatNumber(row.rollup.ignored)}
                  </a>
                </td>
                <td data-testid={`coverage-${row.code}`}>{row.rollup.coverage === null ? "—" : formatPercent(row.rollup.coverage)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
