import type { Metadata } from "next";
import { DashboardView } from "@/components/tracking/dashboard-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { getDashboard } from "@/lib/tracking/get-dashboard";

export const metadata: Metadata = { title: t.dashboard.title };

export default async function DashboardPage() {
  await requirePageUser("/tablero");
  return <DashboardView dashboard={await getDashboard()} />;
}
