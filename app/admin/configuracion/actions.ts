"use server";

import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { thresholdsSchema } from "@/lib/indicators/indicator-schemas";
import { updateIndicatorThresholds } from "@/lib/indicators/indicator-settings";
import { portalSettingsSchema, updatePortalSettings } from "@/lib/settings/update-portal-settings";

export const updatePortalSettingsAction = formAction({
  permission: "settings:manage",
  what: "modificar configuración del portal",
  audit: ["settings.update"],
  schema: portalSettingsSchema,
  run: async (input, { user, request, db }) => {
    await updatePortalSettings(db, input, user, request);
    return { message: t.planner.settingsSaved };
  },
});

export const updateIndicatorThresholdsAction = formAction({
  permission: "settings:manage",
  what: "modificar umbrales de indicadores",
  audit: ["settings.update"],
  schema: thresholdsSchema,
  run: async (input, { user, request, db }) => {
    await updateIndicatorThresholds(db, input, user, request);
    return { message: t.indicators.thresholdsSaved };
  },
});
