import type { Db, Prisma } from "@/lib/db/client";
import { mailSettings } from "@/lib/mail/mail-settings";
import type { NotificationDraft } from "./notification-data";
import { renderEmail, renderNotification } from "./render-notification";

type Tx = Db | Prisma.TransactionClient;

export interface CreatedNotifications {
  notificationIds: number[];
  /** The e-mails written to the outbox (none while e-mail is off); lib/jobs sends them. */
  deliveryIds: number[];
}

/**
 * Writes the notifications whose event has not been announced yet, and with
 * e-mail on, each one's e-mail to the outbox, in the caller's transaction. The
 * unique `eventKey` makes this safe to run from every instance at once: the
 * second writer of an event writes nothing, so no e-mail exists twice.
 * Deactivated accounts get nothing.
 */
export async function createNotifications(
  db: Tx,
  drafts: NotificationDraft[],
  options: { email?: { portalUrl: string } | null } = {},
): Promise<CreatedNotifications> {
  if (drafts.length === 0) return { notificationIds: [], deliveryIds: [] };
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(drafts.map((draft) => draft.userId))] }, active: true },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  const created = await db.notification.createManyAndReturn({
    data: drafts
      .filter((draft) => byId.has(draft.userId))
      .map((draft) => ({ eventKey: draft.eventKey, userId: draft.userId, kind: draft.kind, data: draft.data, link: draft.link })),
    skipDuplicates: true,
    select: { id: true, userId: true, kind: true, data: true, link: true },
  });
  const email = options.email === undefined ? mailSettings() : options.email;
  if (!email || created.length === 0) return { notificationIds: created.map((row) => row.id), deliveryIds: [] };
  const deliveries = await db.emailDelivery.createManyAndReturn({
    data: created.map((row) => {
      const user = byId.get(row.userId)!;
      const message = renderEmail(renderNotification(row.kind, row.data), user, row.link, email.portalUrl);
      return { notificationId: row.id, toAddress: user.email, subject: message.subject, body: message.body };
    }),
    select: { id: true },
  });
  return { notificationIds: created.map((row) => row.id), deliveryIds: deliveries.map((row) => row.id) };
}
