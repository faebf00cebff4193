import { formatNumber, t } from "@/lib/i18n";
import { initiativesHref, objectiveFilter } from "@/lib/initiatives/initiative-query";
import type { StatusCounts } from "@/lib/tracking/get-dashboard";
import { STATUS_SLUGS, STATUSES, type Status } from "@/lib/tracking/statuses";
import type { ObjectiveRow } from "./dashboard-rows";
import { ObjectiveRowHeader, objectiveRowClass } from "./objective-row-header";

// Fill and the text written on it: every pair keeps at least 4.5:1, and the number is always written.
const STATUS_COLORS: Record<Status, { fill: string; text: string }> = {
  POR_INICIAR: { fill: "#cbd5e1", text: "#0f172a" },
  EN_EJECUCION: { fill: "#1d4f91", text: "#ffffff" },
  CONCLUIDA: { fill: "#047857", text: "#ffffff" },
  SUSPENDIDA: { fill: "#fbbf24", text: "#0f172a" },
  CANCELADA: { fill: "#9f1239", text: "#ffffff" },
};

const WIDTH = 640;
const LABEL = 64;
const TOTAL = 40;
const BAR = WIDTH - LABEL - TOTAL - 8;
const ROW = 26;
const BAR_HEIGHT = 18;
/** Narrower segments leave their number to the table. */
const MIN_LABELLED = 18;

/** The statuses' colours with their names, for the chart above it. */
export function StatusLegend() {
  return (
    <ul aria-label={t.dashboard.legend} className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
      {STATUSES.map((status) => (
        <li key={status} className="flex items-center gap-1.5">
          <svg aria-hidden="true" focusable="false" viewBox="0 0 12 12" className="h-3 w-3">
            <rect x={0.5} y={0.5} width={11} height={11} rx={2} fill={STATUS_COLORS[status].fill} stroke="#64748b" />
          </svg>
          {t.tracking.statuses[status]}
        </li>
      ))}
    </ul>
  );
}

/** One 100 % stacked bar per objective, split by status, with each segment's count written on it and the total at the end. */
export function StatusChart({ id, rows }: { id: string; rows: ObjectiveRow[] }) {
  const height = rows.length * ROW;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-3xl"
      fontSize={12}
    >
      <title id={`${id}-title`}>{t.dashboard.statusTitle}</title>
      <desc id={`${id}-desc`}>{t.dashboard.statusChartDescription}</desc>
      {rows.map((row, index) => {
        const y = index * ROW + (ROW - BAR_HEIGHT) / 2;
        const middle = y + BAR_HEIGHT / 2;
        const strong = row.level === "development" ? 700 : 400;
        return (
          <g key={row.code}>
            <text x={0} y={middle} dominantBaseline="central" fontWeight={strong} fill="#0f172a">
              {t.dashboard.shortCode(row.code)}
            </text>
            {row.total === 0 ? (
              <rect x={LABEL} y={y} width={BAR} height={BAR_HEIGHT} fill="#f8fafc" stroke="#94a3b8" />
            ) : (
              segments(row.byStatus, row.total).map(({ status, n, x, width }) => (
                <g key={status}>
                  <rect x={x} y={y} width={width} height={BAR_HEIGHT} fill={STATUS_COLORS[status].fill} stroke="#ffffff" />
                  {width >= MIN_LABELLED && (
                    <text
                      x={x + width / 2}
                      y={middle}
                      dominantBaseline="central"
                      textAnchor="middle"
                      fill={STATUS_COLORS[status].text}
                      fontWeight={600}
                    >
                      {formatNumber(n)}
                    </text>
                  )}
                </g>
              ))
            )}
            <text x={WIDTH} y={middle} dominantBaseline="central" textAnchor="end" fontWeight={strong} fill="#0f172a">
              {formatNumber(row.total)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function segments(byStatus: StatusCounts, total: number) {
  let x = LABEL;
  return STATUSES.filter((status) => byStatus[status] > 0).map((status) => {
    const width = (byStatus[status] / total) * BAR;
    const segment = { status, n: byStatus[status], x, width };
    x += width;
    return segment;
  });
}

// A plain link, not Next's Link: the dashboard's tables hold about 140 counts, and each Link would hydrate and prefetch its filtered table.
function CountLink({ n, href, label }: { n: number; href: string; label: string }) {
  return (
    <a href={href} aria-label={label} className={n === 0 ? "quiet" : undefined}>
      {formatNumber(n)}
    </a>
  );
}

/** The numbers behind the status chart; each count opens the table filtered by objective and status. */
export function StatusTable({ rows, overall }: { rows: ObjectiveRow[]; overall: { total: number; byStatus: StatusCounts } }) {
  const statusLabel = (status: Status) => t.tracking.statuses[status];
  return (
    <div className="scroll-cue relative overflow-x-auto">
      <table className="dtable">
        <caption className="sr-only">{t.dashboard.statusCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.dashboard.colObjective}</th>
            {STATUSES.map((status) => (
              <th key={status} scope="col">
                {statusLabel(status)}
              </th>
            ))}
            <th scope="col">{t.dashboard.colTotal}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = t.dashboard.shortCode(row.code);
            return (
              <tr key={row.code} className={objectiveRowClass(row)}>
                <ObjectiveRowHeader row={row} />
                {STATUSES.map((status) => (
                  <td key={status}>
                    <CountLink
                      n={row.byStatus[status]}
                      href={initiativesHref({ ...objectiveFilter(row.code), estado: [STATUS_SLUGS[status]] })}
                      label={t.dashboard.statusCellLabel(row.byStatus[status], statusLabel(status), name)}
                    />
                  </td>
                ))}
                <td>
                  <CountLink
                    n={row.total}
                    href={initiativesHref(objectiveFilter(row.code))}
                    label={t.dashboard.totalCellLabel(row.total, name)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.dashboard.wholePlan}</th>
            {STATUSES.map((status) => (
              <td key={status}>
                <CountLink
                  n={overall.byStatus[status]}
                  href={initiativesHref({ estado: [STATUS_SLUGS[status]] })}
                  label={t.dashboard.statusCellLabel(overall.byStatus[status], statusLabel(status), t.dashboard.wholePlan)}
                />
              </td>
            ))}
            <td>
              <CountLink
                n={overall.total}
                href={initiativesHref()}
                label={t.dashboard.totalCellLabel(overall.total, t.dashboard.wholePlan)}
              />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
