"use server";

import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import {
  createIndicatorSchema,
  createMilestoneSchema,
  measurementSchema,
  updateIndicatorSchema,
  updateMilestoneSchema,
} from "@/lib/indicators/indicator-schemas";
import { recordMeasurement } from "@/lib/indicators/record-measurement";
import { createIndicator, updateIndicator } from "@/lib/indicators/save-indicator";
import { createMilestone, updateMilestone } from "@/lib/indicators/save-milestone";

export const createIndicatorAction = formAction({
  permission: "indicators:define",
  what: "definir indicador",
  audit: ["indicator.create"],
  schema: createIndicatorSchema,
  run: async (input, { user, request, db }) => {
    await createIndicator(db, input, user, request);
    return { message: t.indicators.saved };
  },
});

export const updateIndicatorAction = formAction({
  permission: "indicators:define",
  what: "modificar indicador",
  audit: ["indicator.update"],
  schema: updateIndicatorSchema,
  run: async (input, { user, request, db }) => {
    await updateIndicator(db, input, user, request);
    return { message: t.indicators.saved };
  },
});

export const recordMeasurementAction = formAction({
  permission: "progress:write",
  what: "registrar medición",
  audit: ["measurement.create"],
  schema: measurementSchema,
  run: async (input, { user, request, db }) => {
    const { status } = await recordMeasurement(db, input, user, request);
    return { message: t.indicators.measurementSaved(t.indicators.statuses[status]) };
  },
});

export const createMilestoneAction = formAction({
  permission: "indicators:define",
  what: "agregar hito",
  audit: ["milestone.create"],
  schema: createMilestoneSchema,
  run: async (input, { user, request, db }) => {
    await createMilestone(db, input, user, request);
    return { message: t.indicators.milestoneSaved };
  },
});

export const updateMilestoneAction = formAction({
  permission: "indicators:define",
  what: "modificar hito",
  audit: ["milestone.update"],
  schema: updateMilestoneSchema,
  run: async (input, { user, request, db }) => {
    await updateMilestone(db, input, user, request);
    return { message: t.indicators.milestoneSaved };
  },
});
