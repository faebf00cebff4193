"use server";

import { createPeriod, updatePeriod } from "@/lib/accountability/periods";
import { createPeriodSchema, updatePeriodSchema } from "@/lib/accountability/schemas";
import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";

export const createPeriodAction = formAction({
  permission: "periods:manage",
  what: "crear periodo de reporte",
  audit: ["period.create"],
  schema: createPeriodSchema,
  run: async (input, { user, request, db }) => {
    const period = await createPeriod(db, input, user, request);
    return { message: t.accountability.periodCreated(period.name) };
  },
});

export const updatePeriodAction = formAction({
  permission: "periods:manage",
  what: "modificar periodo de reporte",
  audit: ["period.update"],
  schema: updatePeriodSchema,
  run: async (input, { user, request, db }) => {
    const period = await updatePeriod(db, input, user, request);
    return { message: t.accountability.periodSaved(period.name) };
  },
});
