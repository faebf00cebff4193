import type { Metadata } from "next";
import { DashboardView } from "@/components/tracking/dashboard-view";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { getDashboard } from "@/lib/tracking/get-dashboard";

export const metadata: Metadata = { title: t.dashboard.title };

export default async function DashboardPage() {
  const { db } = await requirePageReader("/tablero");
  const [dashboard, periods] = await Promise.all([getDashboard(), db.reportingPeriod.count()]);
  return (
    <>
      {periods > 0 && (
        <p className="mb-4 max-w-3xl text-sm text-slate-700" data-testid="rollup-source">
          {t.accountability.rollupSource}
        </p>
      )}
      <DashboardView dashboard={dashboard} />
    </>
  );
}
