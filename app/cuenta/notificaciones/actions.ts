"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { saveNotificationPreferences } from "@/lib/notifications/user-notifications";

/** The user's own settings: an unchecked box sends nothing, so its absence means off. */
export const saveNotificationPreferencesAction = formAction({
  permission: "matrix:read",
  what: "guardar preferencias de notificación",
  audit: null,
  schema: z.object({ submitted: z.literal("1"), weeklyDigest: z.literal("1").optional() }),
  run: async (input, { user, db }) => {
    await saveNotificationPreferences(db, user.id, { weeklyDigest: input.weeklyDigest === "1" });
    return { message: t.notifications.settings.saved };
  },
});
