import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { MarkAllReadForm } from "@/components/notifications/mark-all-read-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageReader } from "@/lib/auth/current-user";
import { formatDateTime, t } from "@/lib/i18n";
import { mailSettings } from "@/lib/mail/mail-settings";
import { listNotifications } from "@/lib/notifications/user-notifications";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: t.notifications.page.title };

export default async function NotificationsPage() {
  const { user, db } = await requirePageReader("/notificaciones");
  const items = await listNotifications(db, user.id);
  const text = t.notifications.page;
  return (
    <div className="space-y-6">
      <PageHeader title={text.title} intro={text.intro}>
        <p className="text-sm">
          <Link href="/cuenta/notificaciones" className="text-brand-800 underline">
            {text.settingsLink}
          </Link>
        </p>
      </PageHeader>
      {!mailSettings() && (
        <p className="max-w-3xl rounded border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">{text.emailOff}</p>
      )}
      {items.some((item) => !item.read) && <MarkAllReadForm action={markAllReadAction} />}
      {items.length === 0 ? (
        <p className="text-slate-700">{text.empty}</p>
      ) : (
        <ul className="space-y-3" aria-label={text.list} data-testid="notifications">
          {items.map((item) => (
            <li
              key={item.id}
              className={`rounded-lg border bg-white p-4 ${item.read ? "border-slate-200" : "border-brand-600 border-l-4"}`}
              data-unread={!item.read || undefined}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold text-slate-900">
                  {!item.read && <span className="mr-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-900">{text.unread}</span>}
                  {item.title}
                </h2>
                <time dateTime={item.createdAt.toISOString()} className="text-sm text-slate-700">
                  {formatDateTime(item.createdAt)}
                </time>
              </div>
              <p className="text-xs uppercase tracking-wide text-slate-700">{t.notifications.kinds[item.kind]}</p>
              <p className="mt-2 whitespace-pre-line break-words text-sm text-slate-800">{item.lines.join("\n")}</p>
              <p className="mt-2">
                <Link href={item.link} className="text-sm font-medium text-brand-800 underline">
                  {text.open}
                  <span className="sr-only">: {item.title}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
