import Link from "next/link";
import type { ReactNode } from "react";
import { RollupFigure } from "@/components/tracking/rollup-figure";
import { ProgressMeter, StatusBadge } from "@/components/tracking/status-badge";
import { formatDay, formatNumber, t } from "@/lib/i18n";
import { describeRollup } from "@/lib/tracking/rollup-text";
import { counterpartTypeLabel } from "@/lib/tracking/counterpart-types";
import type { ObjectiveReport as Report } from "@/lib/tracking/get-objective-report";
import { STATUSES } from "@/lib/tracking/statuses";

type ReportInitiative = Report["groups"][number]["initiatives"][number];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-semibold text-slate-700">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

function InitiativeEntry({ initiative }: { initiative: ReportInitiative }) {
  const { latestUpdate } = initiative;
  return (
    <article className="space-y-3">
      <h3 className="font-semibold">
        <Link href={`/iniciativas/${initiative.id}`} className="text-brand-800 underline-offset-2 hover:underline print:text-slate-900">
          {initiative.name}
        </Link>
      </h3>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 print:grid-cols-2">
        <Field label={t.tracking.status}>
          <StatusBadge status={initiative.status} />
        </Field>
        <Field label={t.tracking.progress}>
          <ProgressMeter value={initiative.progress} />
        </Field>
        <Field label={t.tracking.lead}>{initiative.lead ?? t.tracking.noLead}</Field>
        <Field label={t.tracking.supporting}>
          {initiative.supporting.length > 0 ? initiative.supporting.join(", ") : t.tracking.noneSupporting}
        </Field>
        <Field label={t.tracking.lastUpdate}>
          {initiative.lastUpdateOn ? formatDay(initiative.lastUpdateOn) : t.tracking.neverUpdated}
        </Field>
      </dl>
      {latestUpdate && (
        <div className="text-sm">
          <p className="font-semibold text-slate-700">{t.report.latestNote}</p>
          <p className="text-xs text-slate-700">{t.report.noteBy(formatDay(latestUpdate.occurredOn), latestUpdate.authorName)}</p>
          <p className="whitespace-pre-line text-slate-900">{latestUpdate.note}</p>
        </div>
      )}
      <div className="text-sm">
        <p className="font-semibold text-slate-700">{t.tracking.instruments}</p>
        {initiative.instruments.length === 0 ? (
          <p className="text-slate-700">{t.tracking.noInstruments}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {initiative.instruments.map((instrument) => (
              <li key={instrument.id}>
                <span className="font-medium text-slate-900">{instrument.title}</span> · {instrument.type} · {instrument.counterpart.name} (
                {counterpartTypeLabel(instrument.counterpart.type)}) ·{" "}
                {t.tracking.signedEnds(formatDay(instrument.signedOn), instrument.endsOn ? formatDay(instrument.endsOn) : null)}
                {instrument.reference && (
                  <span className="block break-all text-xs text-slate-700">
                    {t.tracking.reference}: {instrument.reference}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}

/** A council-meeting report of one objective: roll-up, status counts and every live initiative, laid out to print. */
export function ObjectiveReport({ report, name, today }: { report: Report; name: string; today: string }) {
  return (
    <article className="space-y-6">
      <header className="space-y-1 border-b border-slate-300 pb-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
          {t.report.heading} · {t.app.plan}
        </p>
        <h1 className="max-w-4xl text-2xl font-bold text-brand-900">
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

      <section aria-labelledby="resumen" className="break-inside-avoid space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="resumen" className="text-lg font-semibold text-slate-900">
          {t.report.summary}
        </h2>
        <div className="grid gap-6 sm:grid-cols-2 print:grid-cols-2">
          <div className="space-y-1">
            <p className="font-semibold text-slate-700">{t.report.average}</p>
            <p>
              <RollupFigure rollup={report.rollup} minCoverage={report.minCoverage} testId="report-rollup" />
            </p>
            <p className="text-sm text-slate-800">{t.report.initiatives(report.total)}</p>
          </div>
          <table className="w-full text-sm">
            <caption className="pb-1 text-left font-semibold text-slate-700">{t.report.statusCaption}</caption>
            <thead className="text-slate-700">
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3 text-left font-semibold">
                  {t.report.colStatus}
                </th>
                <th scope="col" className="py-1 text-right font-semibold">
                  {t.report.colInitiatives}
                </th>
              </tr>
            </thead>
            <tbody>
              {STATUSES.map((status) => (
                <tr key={status} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {t.tracking.statuses[status]}
                  </th>
                  <td className="py-1 text-right tabular-nums" data-testid={`report-status-${status}`}>
                    {formatNumber(report.byStatus[status])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {report.groups.map((group) => (
        <section key={group.code} aria-labelledby={`og-${group.code}`} className="space-y-3">
          <h2 id={`og-${group.code}`} className="text-lg font-semibold text-slate-900">
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
            <ol className="space-y-3">
              {group.initiatives.map((initiative) => (
                <li
                  key={initiative.id}
                  className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 print:border-slate-400"
                >
                  <InitiativeEntry initiative={initiative} />
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </article>
  );
}
