import { Link } from "@/components/ui/link";
import { formatDay } from "@/lib/i18n/format";
import { t } from "@/lib/i18n";
import { INDICATOR_STATUSES } from "@/lib/indicators/indicator-math";
import type { IndicatorOverview } from "@/lib/indicators/indicator-overview";

/**
 * Indicator status counts and late milestones, for the dashboard and the printable objective report;
 * `lateHref` is the table filtered by late milestones (and the report's objective).
 */
export function IndicatorOverviewPanel({ overview, lateHref }: { overview: IndicatorOverview; lateHref: string }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section
        aria-labelledby="resumen-indicadores"
        className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4"
        data-testid="indicator-overview"
      >
        <h2 id="resumen-indicadores" className="text-base font-semibold text-slate-900">
          {t.indicators.dashboardTitle} <span className="font-normal text-slate-700">({t.indicators.indicatorCount(overview.total)})</span>
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
          {INDICATOR_STATUSES.map((status) => (
            <div key={status} className="rounded border border-slate-200 px-3 py-2" data-testid={`indicator-count-${status}`}>
              <dt className="text-slate-700">{t.indicators.statuses[status]}</dt>
              <dd className="text-lg font-semibold text-slate-900">{overview.counts[status]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section
        aria-labelledby="hitos-atrasados"
        className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4"
        data-testid="late-milestones"
      >
        <h2 id="hitos-atrasados" className="text-base font-semibold text-slate-900">
          {t.indicators.dashboardLate} <span className="font-normal text-slate-700">({overview.lateMilestones.length})</span>
        </h2>
        {overview.lateMilestones.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t.indicators.noLate}</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {overview.lateMilestones.map((m) => (
              <li key={m.id}>
                <span className="font-medium">{m.title}</span> · {formatDay(m.plannedOn)} ·{" "}
                <Link href={`/iniciativas/${m.initiative.id}`} className="text-brand-700 underline underline-offset-2">
                  {m.initiative.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {overview.lateMilestones.length > 0 && (
          <p className="no-print mt-2 text-sm">
            <Link href={lateHref} className="text-brand-700 underline underline-offset-2">
              {t.accountability.lateLink}
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
