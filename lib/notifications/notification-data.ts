import { z } from "zod";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const initiatives = z.array(z.object({ id, name: z.string() }));

/** What each kind of notification keeps in its `data` column, to be worded when shown (lib/notifications/render-notification.ts). */
export const notificationDataSchemas = {
  DUE_SOON: z.object({ periodId: id, periodName: z.string(), dueOn: day, initiatives }),
  OVERDUE: z.object({ periodId: id, periodName: z.string(), dueOn: day, initiatives }),
  REPORT_RETURNED: z.object({
    reportId: id,
    periodName: z.string(),
    initiativeId: id,
    initiativeName: z.string(),
    reason: z.string().nullable(),
    reviewerName: z.string().nullable(),
  }),
  WEEKLY_DIGEST: z.object({
    week: z.string(),
    total: z.number().int().min(0),
    bySecretariat: z.array(z.object({ name: z.string().nullable(), count: z.number().int().positive() })),
  }),
} as const satisfies Record<NotificationKind, z.ZodType>;

export type NotificationData<K extends NotificationKind> = z.output<(typeof notificationDataSchemas)[K]>;

/** A notification to write: `eventKey` names the event, so writing it twice writes it once. */
export type NotificationDraft = {
  [K in NotificationKind]: { kind: K; userId: number; eventKey: string; link: string; data: NotificationData<K> };
}[NotificationKind];
