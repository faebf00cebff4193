import type { Db } from "@/lib/db/client";
import type { EmailState, NotificationKind } from "@/lib/generated/prisma/enums";
import { renderNotification } from "./render-notification";

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  title: string;
  lines: string[];
  link: string;
  createdAt: Date;
  read: boolean;
}

/** The badge of the bell. */
export async function countUnread(db: Db, userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** The user's newest notifications, worded. Only their own: the user id comes from the session. */
export async function listNotifications(db: Db, userId: number, limit = 100): Promise<NotificationView[]> {
  const rows = await db.notification.findMany({ where: { userId }, orderBy: { id: "desc" }, take: limit });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    ...renderNotification(row.kind, row.data),
    link: row.link,
    createdAt: row.createdAt,
    read: row.readAt !== null,
  }));
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllRead(db: Db, userId: number): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}

export interface NotificationPreferences {
  weeklyDigest: boolean;
}

export async function readNotificationPreferences(db: Db, userId: number): Promise<NotificationPreferences> {
  const row = await db.notificationPreference.findUnique({ where: { userId } });
  return { weeklyDigest: row?.weeklyDigest ?? true };
}

export async function saveNotificationPreferences(db: Db, userId: number, preferences: NotificationPreferences) {
  await db.notificationPreference.upsert({ where: { userId }, create: { userId, ...preferences }, update: preferences });
}

export interface DeliveryView {
  id: number;
  createdAt: Date;
  toAddress: string;
  subject: string;
  state: EmailState;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

/** The outbox for /admin/envios, newest first, optionally in one state. */
export async function listDeliveries(
  db: Db,
  options: { state?: EmailState; limit?: number } = {},
): Promise<{ rows: DeliveryView[]; total: number }> {
  const where = options.state ? { state: options.state } : {};
  const [rows, total] = await Promise.all([
    db.emailDelivery.findMany({
      where,
      orderBy: { id: "desc" },
      take: options.limit ?? 200,
      select: { id: true, createdAt: true, toAddress: true, subject: true, state: true, attempts: true, lastError: true, sentAt: true },
    }),
    db.emailDelivery.count({ where }),
  ]);
  return { rows, total };
}
