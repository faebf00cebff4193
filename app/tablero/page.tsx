import { initiativesHref } from "@/lib/initiatives/initiative-query";
import type { Metadata } from "next";
import { DashboardView } from "@/components/tracking/dashboard-view";
import { IndicatorOverviewPanel } from "@/components/indicators/indicator-overview";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { getIndicatorOverview } from "@/lib/indicators/indicator-overview";
import { todayInQuito } from "@/lib/tracking/days";
import { computeDashboard } from "@/lib/tracking/get-dashboard";

export const metadata: Metadata = { title: t.dashboard.title };

export default async function DashboardPage() {
  const { db, readDb } = await requirePageReader("/tablero");
  const today = todayInQuito();
  const [dashboard, periods, overview] = await Promise.all([
    computeDashboard(readDb, today),
    db.reportingPeriod.count(),
    getIndicatorOverview(readDb, today),
  ]);
  return (
    <div className="space-y-8">
      {periods > 0 && (
        <p className="max-w-3xl text-sm text-slate-700" data-testid="rollup-source">
          {t.accountability.rollupSource}
        </p>
      )}
      <DashboardView dashboard={dashboard} />
      <IndicatorOverviewPanel overview={overview} lateHref={initiativesHref({ hitos: "atrasados" })} />
    </div>
  );
}
