import { Link } from "@/components/ui/link";
import { t } from "@/lib/i18n";

/** The header's link to /notificaciones, with the number of unread ones; the label says it in words. */
export function NotificationBell({ unread }: { unread: number }) {
  return (
    <Link
      href="/notificaciones"
      aria-label={t.notifications.bell(unread)}
      className="relative inline-flex items-center rounded px-3 py-2 hover:bg-brand-700"
      data-testid="notification-bell"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M15 17h5l-1.4-1.4A2 2 0 0 1 18 14.2V11a6 6 0 1 0-12 0v3.2a2 2 0 0 1-.6 1.4L4 17h5m6 0a3 3 0 1 1-6 0"
        />
      </svg>
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="ml-1 rounded-full bg-accent-600 px-1.5 text-xs font-bold text-white"
          data-testid="notification-count"
        >
          {t.notifications.badge(unread)}
        </span>
      )}
    </Link>
  );
}
