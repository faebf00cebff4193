import type { PeriodStanding } from "@/lib/accountability/queries";
import { t } from "@/lib/i18n";
import { formatDateTime, formatDay } from "@/lib/i18n/format";
import type { ReactNode } from "react";
import { ReportStateBadge } from "./report-state-badge";

/** Why an initiative owes no report, always written out: an exclusion is never silent. */
export function exclusionText(exclusion: PeriodStanding["exclusion"]): string | null {
  if (!exclusion) return null;
  return exclusion.kind === "archived"
    ? t.accountability.excludedArchived
    : t.accountability.excludedStatus(t.tracking.statuses[exclusion.status]);
}

/** Each period with this initiative's state, its report and, where it may report, the form (`formFor`). */
export function PeriodStandings({ standings, formFor }: { standings: PeriodStanding[]; formFor: (standing: PeriodStanding) => ReactNode }) {
  if (standings.length === 0) return <p className="text-sm text-slate-700">{t.accountability.noPeriodsForReport}</p>;
  return (
    <ol className="space-y-4">
      {standings.map((standing) => {
        const { period, report, state } = standing;
        return (
          <li key={period.id} className="rounded border border-slate-200 p-3" data-testid="period-standing">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-semibold text-slate-900">{t.accountability.reportFor(period.name)}</h3>
              <ReportStateBadge state={state} />
              {!period.open && <span className="text-xs text-slate-600">{t.accountability.closedShort}</span>}
            </div>
            <p className="text-xs text-slate-600">
              {t.accountability.periodRange(formatDay(period.startsOn), formatDay(period.endsOn), formatDay(period.dueOn))}
            </p>
            {exclusionText(standing.exclusion) && state === "excluido" && (
              <p className="mt-1 text-sm text-slate-700">{exclusionText(standing.exclusion)}</p>
            )}
            {report && (
              <div className="mt-2 space-y-1 text-sm text-slate-800">
                {report.returnReason && report.status === "RETURNED" && (
                  <p className="rounded bg-amber-50 px-2 py-1 text-amber-900" data-testid="return-reason">
                    {t.accountability.returnedBecause(report.returnReason)}
                  </p>
                )}
                <p>
                  {t.tracking.statuses[report.progressStatus]}
                  {report.progress !== null && ` · ${report.progress} %`}
                </p>
                <p className="whitespace-pre-line">{report.note}</p>
                {report.evidenceUrl && (
                  <p>
                    <a className="text-brand-700 underline" href={report.evidenceUrl} rel="noopener noreferrer" target="_blank">
                      {t.accountability.evidenceLink}
                    </a>
                  </p>
                )}
                <p className="text-xs text-slate-600">
                  {t.accountability.submittedBy(report.authorName, formatDateTime(report.submittedAt))}
                  {report.reviewerName &&
                    report.reviewedAt &&
                    ` · ${t.accountability.reviewedBy(report.reviewerName, formatDateTime(report.reviewedAt))}`}
                </p>
              </div>
            )}
            <div className="mt-3">{formFor(standing)}</div>
          </li>
        );
      })}
    </ol>
  );
}
