import type { Metadata } from "next";
import { DashboardView } from "@/components/tracking/dashboard-view";
import { IndicatorOverviewPanel } from "@/components/indicators/indicator-overview";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { getIndicatorOverview } from "@/lib/indicators/indicator-overview";
import { todayInQuito } from "@/lib/tracking/days";
import { getDashboard } from "@/lib/tracking/get-dashboard";

export const metadata: Metadata = { title: t.dashboard.title };

export default async function DashboardPage() {
  const { readDb } = await requirePageReader("/tablero");
  const [dashboard, overview] = await Promise.all([getDashboard(), getIndicatorOverview(readDb, todayInQuito())]);
  return (
    <div className="space-y-8">
      <DashboardView dashboard={dashboard} />
      <IndicatorOverviewPanel overview={overview} />
    </div>
  );
}
