"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { markAllRead } from "@/lib/notifications/user-notifications";

/** The user's own notifications only: the id comes from the session, never from the form. */
export const markAllReadAction = formAction({
  permission: "matrix:read",
  what: "marcar notificaciones como leídas",
  audit: null,
  schema: z.object({}),
  run: async (_input, { user, db }) => ({ message: t.notifications.page.markedRead(await markAllRead(db, user.id)) }),
});
