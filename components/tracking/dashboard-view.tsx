import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { formatDay, formatPercent, t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import type { Dashboard } from "@/lib/tracking/get-dashboard";
import { ENDING_SOON_DAYS, STALE_AFTER_DAYS } from "@/lib/tracking/statuses";
import { EndingSoon, Stale, Unowned } from "./dashboard-attention";
import { MechanismTable } from "./dashboard-mechanisms";
import { objectiveRows } from "./dashboard-rows";
import { ProgressChart, ProgressTable } from "./progress-bars";
import { RollupFigure } from "./rollup-figure";
import { StatusChart, StatusLegend, StatusTable } from "./status-bars";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The tracking dashboard: status and progress by objective, mechanisms in use and what needs attention. */
export function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const rows = objectiveRows(dashboard.development);
  const { overall } = dashboard;
  const byProgress = initiativesHref({ orden: "avance", dir: "desc" });

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{t.app.plan}</p>
        <h1 className="text-3xl font-bold text-brand-900">{t.dashboard.title}</h1>
        <p className="max-w-3xl text-slate-700">{t.dashboard.intro}</p>
        <p className="text-sm text-slate-700">
          {t.dashboard.asOf(formatDay(dashboard.today))}{" "}
          <Link href={initiativesHref()} className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900">
            {t.home.initiativesCount(overall.total)}
          </Link>
        </p>
      </header>

      {overall.total === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">{t.dashboard.empty}</p>
      ) : (
        <>
          <Section id="estado" title={t.dashboard.statusTitle}>
            {/* On a phone the chart's writing would shrink below reading size; the table below gives the same figures. */}
            <div className="hidden space-y-4 sm:block">
              <StatusLegend />
              <StatusChart id="grafico-estado" rows={rows} />
            </div>
            <StatusTable rows={rows} overall={overall} />
          </Section>

          <Section id="avance" title={t.dashboard.progressTitle}>
            <p className="max-w-3xl text-sm text-slate-700">{t.dashboard.progressIntro}</p>
            <p className="max-w-3xl text-sm text-slate-700">{t.planner.thresholdNote(formatPercent(dashboard.minCoverage))}</p>
            <div className="flex flex-wrap items-baseline gap-x-3 text-slate-800">
              <span className="font-semibold">{t.dashboard.overall}:</span>
              <Link href={byProgress} className="text-brand-700 underline underline-offset-4 hover:text-brand-900">
                <RollupFigure rollup={overall.rollup} minCoverage={dashboard.minCoverage} testId="rollup-total" />
              </Link>
            </div>
            <div className="hidden sm:block">
              <ProgressChart id="grafico-avance" rows={rows} minCoverage={dashboard.minCoverage} />
            </div>
            <ProgressTable rows={rows} minCoverage={dashboard.minCoverage} />
          </Section>

          <div className="grid gap-8 lg:grid-cols-2">
            <Section id="mecanismos" title={t.dashboard.mechanismsTitle}>
              <MechanismTable mechanisms={dashboard.mechanisms} />
            </Section>
            <Section id="vencen" title={t.dashboard.endingTitle(ENDING_SOON_DAYS)}>
              <EndingSoon endingSoon={dashboard.endingSoon} today={dashboard.today} />
            </Section>
            <Section id="sin-responsable" title={t.dashboard.unownedTitle}>
              <Unowned unowned={dashboard.unowned} />
            </Section>
            <Section id="desactualizadas" title={t.dashboard.staleTitle(STALE_AFTER_DAYS)}>
              <Stale stale={dashboard.stale} />
            </Section>
          </div>
        </>
      )}
    </div>
  );
}
