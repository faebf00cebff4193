"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import { portalSettingsSchema, updatePortalSettings } from "@/lib/settings/update-portal-settings";

export const updatePortalSettingsAction = formAction({
  permission: "settings:manage",
  what: "modificar configuración del portal",
  schema: portalSettingsSchema,
  run: async (input, { user, request }) => {
    await updatePortalSettings(getDb(), input, user, request);
    // Every roll-up of the portal depends on it.
    revalidatePath("/", "layout");
    return { message: t.planner.settingsSaved };
  },
});
