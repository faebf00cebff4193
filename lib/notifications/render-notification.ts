import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { formatDay, t } from "@/lib/i18n";
import { notificationDataSchemas } from "./notification-data";

export interface RenderedNotification {
  title: string;
  /** Paragraphs and list items, in order; list items start with «• ». */
  lines: string[];
}

/** How many initiatives a reminder names before «y N más». */
const LISTED = 20;

function listed(items: { name: string }[]): string[] {
  const lines = items.slice(0, LISTED).map((item) => `• ${item.name}`);
  if (items.length > LISTED) lines.push(`• … (+${items.length - LISTED})`);
  return lines;
}

/** A notification in Spanish, from its kind and stored data; data that no longer parses is shown by its kind alone. */
export function renderNotification(kind: NotificationKind, data: unknown): RenderedNotification {
  const text = t.notifications;
  switch (kind) {
    case "DUE_SOON": {
      const parsed = notificationDataSchemas.DUE_SOON.safeParse(data);
      if (!parsed.success) break;
      const { periodName, dueOn, initiatives } = parsed.data;
      const due = formatDay(dueOn);
      return {
        title: text.dueSoon.title(periodName, due),
        lines: [text.dueSoon.body(periodName, due, initiatives.length), ...listed(initiatives)],
      };
    }
    case "OVERDUE": {
      const parsed = notificationDataSchemas.OVERDUE.safeParse(data);
      if (!parsed.success) break;
      const { periodName, dueOn, initiatives } = parsed.data;
      return {
        title: text.overdue.title(periodName),
        lines: [text.overdue.body(periodName, formatDay(dueOn), initiatives.length), ...listed(initiatives)],
      };
    }
    case "REPORT_RETURNED": {
      const parsed = notificationDataSchemas.REPORT_RETURNED.safeParse(data);
      if (!parsed.success) break;
      const { initiativeName, periodName, reason, reviewerName } = parsed.data;
      return {
        title: text.returned.title(initiativeName),
        lines: [text.returned.body(initiativeName, periodName, reviewerName), ...(reason ? [text.returned.reason(reason)] : [])],
      };
    }
    case "WEEKLY_DIGEST": {
      const parsed = notificationDataSchemas.WEEKLY_DIGEST.safeParse(data);
      if (!parsed.success) break;
      const { week, total, bySecretariat } = parsed.data;
      return {
        title: text.digest.title(formatDay(week)),
        lines: [
          text.digest.body(total),
          ...bySecretariat.map((row) => `• ${text.digest.line(row.name ?? text.digest.noSecretariat, row.count)}`),
        ],
      };
    }
  }
  return { title: text.kinds[kind], lines: [] };
}

/** The e-mail of a notification: plain text with the link to the portal and to the user's settings. */
export function renderEmail(
  rendered: RenderedNotification,
  recipient: { name: string },
  link: string,
  portalUrl: string,
): { subject: string; body: string } {
  const base = portalUrl.replace(/\/+$/, "");
  const text = t.notifications.email;
  return {
    subject: `${text.subjectPrefix} ${rendered.title}`,
    body: [
      text.greeting(recipient.name),
      "",
      ...rendered.lines,
      "",
      text.open(`${base}${link}`),
      "",
      "-- ",
      text.footer(`${base}/cuenta/notificaciones`),
      "",
    ].join("\n"),
  };
}
