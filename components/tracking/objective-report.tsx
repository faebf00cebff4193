import { Link } from "@/components/ui/link";
import { RollupFigure } from "@/components/tracking/rollup-figure";
import { ProgressMeter, StatusBadge } from "@/components/tracking/status-badge";
import { formatDay, formatNumber, formatShortDay, t } from "@/lib/i18n";
import { counterpartTypeLabel } from "@/lib/tracking/counterpart-types";
import type { ObjectiveReport as Report } from "@/lib/tracking/get-objective-report";
import { describeRollup } from "@/lib/tracking/rollup-text";
import { STATUSES } from "@/lib/tracking/statuses";
import { Cell, ColumnHeader, RowHeader, Table, TableFrame, TableHead, TableRow } from "@/components/ui/table";

type ReportInitiative = Report["groups"][number]["initiatives"][number];

/** One initiative in one table row: what is empty is left out, never spelled «Sin…» on every line. */
function InitiativeRow({ initiative }: { initiative: ReportInitiative }) {
  const { latestUpdate } = initiative;
  return (
    <TableRow className="break-inside-avoid border-t border-slate-200 align-top" data-testid="report-initiative">
      <RowHeader className="py-1.5 pr-3 text-left font-normal">
        <Link
          href={`/iniciativas/${initiative.id}`}
          className="font-semibold text-brand-800 underline-offset-2 hover:underline print:text-slate-900 print:no-underline"
        >
          {initiative.name}
        </Link>
        {latestUpdate && (
          <p className="mt-0.5 text-xs text-slate-700">
            <span className="font-semibold">{t.report.noteBy(formatShortDay(latestUpdate.occurredOn), latestUpdate.authorName)}:</span>{" "}
            <span className="whitespace-pre-line">{latestUpdate.note}</span>
          </p>
        )}
        {initiative.instruments.length > 0 && (
          <ul className="mt-0.5 text-xs text-slate-700">
            {initiative.instruments.map((instrument) => (
              <li key={instrument.id}>
                {instrument.type}: {instrument.title} · {instrument.counterpart.name} ({counterpartTypeLabel(instrument.counterpart.type)})
                · {t.tracking.signedEnds(formatShortDay(instrument.signedOn), instrument.endsOn ? formatShortDay(instrument.endsOn) : null)}
              </li>
            ))}
          </ul>
        )}
      </RowHeader>
      <Cell className="py-1.5 pr-3 text-xs">{initiative.mechanisms.join(", ")}</Cell>
      <Cell className="py-1.5 pr-3 text-xs">
        {initiative.lead}
        {initiative.supporting.length > 0 && (
          <span className="block text-slate-700">{t.planner.reportSupporting(initiative.supporting.join(", "))}</span>
        )}
      </Cell>
      <Cell className="py-1.5 pr-3">
        <StatusBadge status={initiative.status} />
      </Cell>
      <Cell className="whitespace-nowrap py-1.5 text-xs">
        {initiative.progress !== null && <ProgressMeter value={initiative.progress} />}
        {initiative.lastUpdateOn && <span className="block text-slate-700">{formatShortDay(initiative.lastUpdateOn)}</span>}
      </Cell>
    </TableRow>
  );
}

function InitiativeTable({ caption, initiatives }: { caption: string; initiatives: ReportInitiative[] }) {
  // On a phone the table scrolls inside its box; on paper it has the page's width.
  return (
    <TableFrame frame="bare" className="print:overflow-visible">
      <Table caption={caption} className="w-full text-sm">
        <TableHead className="text-left text-xs text-slate-700">
          <ColumnHeader className="py-1 pr-3 font-semibold">{t.planner.reportColInitiative}</ColumnHeader>
          <ColumnHeader className="w-40 py-1 pr-3 font-semibold">{t.planner.reportColMechanisms}</ColumnHeader>
          <ColumnHeader className="w-40 py-1 pr-3 font-semibold">{t.planner.reportColLead}</ColumnHeader>
          <ColumnHeader className="py-1 pr-3 font-semibold">{t.report.colStatus}</ColumnHeader>
          <ColumnHeader className="py-1 font-semibold">{t.planner.reportColProgress}</ColumnHeader>
        </TableHead>
        <tbody>
          {initiatives.map((initiative) => (
            <InitiativeRow key={initiative.id} initiative={initiative} />
          ))}
        </tbody>
      </Table>
    </TableFrame>
  );
}

/** A council-meeting report of one objective: the roll-up with its coverage, then one row per live initiative, laid out to print. */
export function ObjectiveReport({ report, name, today }: { report: Report; name: string; today: string }) {
  const counts = STATUSES.filter((status) => report.byStatus[status] > 0);
  return (
    <article className="space-y-4">
      <header className="space-y-1 border-b border-slate-300 pb-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
          {t.report.heading} · {t.app.plan}
        </p>
        <h1 className="max-w-4xl text-2xl font-bold text-brand-900 print:text-xl">
          {name}: {report.title}
        </h1>
        {report.parent && (
          <p className="text-sm text-slate-700">
            {t.objective.development(report.parent.code)}: {report.parent.title}
          </p>
        )}
        <p className="text-sm text-slate-700" data-testid="report-date">
          {t.report.date(formatDay(today))}
        </p>
      </header>

      <section aria-labelledby="resumen" className="break-inside-avoid space-y-2 rounded-lg border border-slate-200 bg-white p-3">
        <h2 id="resumen" className="sr-only">
          {t.report.summary}
        </h2>
        <p className="flex flex-wrap items-baseline gap-x-3">
          <span className="font-semibold text-slate-700">{t.report.average}:</span>
          <RollupFigure rollup={report.rollup} minCoverage={report.minCoverage} testId="report-rollup" />
        </p>
        <p className="text-sm text-slate-800">
          {t.report.initiatives(report.total)}
          {counts.length > 0 && ": "}
          {counts.map((status, index) => (
            <span key={status}>
              {index > 0 && " · "}
              {t.tracking.statuses[status]} <span data-testid={`report-status-${status}`}>{formatNumber(report.byStatus[status])}</span>
            </span>
          ))}
        </p>
      </section>

      {report.groups.map((group) => (
        <section key={group.code} aria-labelledby={`og-${group.code}`} className="space-y-1">
          <h2 id={`og-${group.code}`} className="text-base font-semibold text-slate-900">
            {report.kind === "development"
              ? `${t.objective.management(group.code)}: ${group.title}`
              : `${t.objective.initiatives} (${group.initiatives.length})`}
          </h2>
          {report.kind === "development" && group.initiatives.length > 0 && (
            <p className="text-sm text-slate-700">{t.report.groupAverage(describeRollup(group.rollup, report.minCoverage).full)}</p>
          )}
          {group.initiatives.length === 0 ? (
            <p className="text-slate-700">{t.report.none}</p>
          ) : (
            <InitiativeTable caption={`${t.objective.initiatives} · ${group.code}`} initiatives={group.initiatives} />
          )}
        </section>
      ))}
    </article>
  );
}
