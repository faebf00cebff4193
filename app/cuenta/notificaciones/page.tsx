import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { readNotificationPreferences } from "@/lib/notifications/user-notifications";
import { saveNotificationPreferencesAction } from "./actions";

export const metadata: Metadata = { title: t.notifications.settings.title };

export default async function NotificationSettingsPage() {
  const { user, db } = await requirePageReader("/cuenta/notificaciones");
  const preferences = await readNotificationPreferences(db, user.id);
  return (
    <div className="space-y-6">
      <PageHeader title={t.notifications.settings.title} intro={t.notifications.settings.intro} />
      <NotificationPreferencesForm action={saveNotificationPreferencesAction} weeklyDigest={preferences.weeklyDigest} />
    </div>
  );
}
