import type { Metadata } from "next";
import { ThresholdsForm } from "@/components/indicators/indicator-forms";
import { PortalSettingsForm } from "@/components/settings/portal-settings-form";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { readIndicatorThresholds } from "@/lib/indicators/indicator-settings";
import { readPortalSettings } from "@/lib/settings/portal-settings";
import { updateIndicatorThresholdsAction, updatePortalSettingsAction } from "./actions";

export const metadata: Metadata = { title: t.planner.settingsTitle };

export default async function PortalSettingsPage() {
  const { db } = await requirePageReader("/admin/configuracion", "settings:manage");
  // From the primary: the version edited here must be the current one.
  const [settings, thresholds] = await Promise.all([readPortalSettings(db), readIndicatorThresholds(db)]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{t.planner.settingsTitle}</h1>
        <p className="max-w-3xl text-slate-700">{t.planner.settingsIntro}</p>
      </header>
      <PortalSettingsForm settings={settings} action={updatePortalSettingsAction} />
      <ThresholdsForm thresholds={thresholds} action={updateIndicatorThresholdsAction} />
    </div>
  );
}
