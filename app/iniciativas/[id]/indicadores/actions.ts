"use server";

import { mayActOnInitiative } from "@/lib/accountability/reporting-rights";
import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import {
  createIndicatorSchema,
  createMilestoneSchema,
  deleteMeasurementSchema,
  measurementSchema,
  updateIndicatorSchema,
  updateMeasurementSchema,
  updateMilestoneSchema,
} from "@/lib/indicators/indicator-schemas";
import { initiativeOfIndicator } from "@/lib/indicators/get-initiative-indicators";
import { deleteMeasurement, initiativeOfMeasurement, recordMeasurement, updateMeasurement } from "@/lib/indicators/record-measurement";
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
  // A REPORTER measures only its secretariats' initiatives, as it posts progress there.
  scope: async ({ indicatorId }, user, db) => ({
    allowed: await mayReport(db, user, await initiativeOfIndicator(db, indicatorId)),
    detail: { indicatorId },
  }),
  run: async (input, { user, request, db }) => {
    const { status } = await recordMeasurement(db, input, user, request);
    return { message: t.indicators.measurementSaved(t.indicators.statuses[status]) };
  },
});

/** A measurement or indicator that is gone is let through: the domain function then says so in words. */
const mayReport = async (
  db: Parameters<typeof mayActOnInitiative>[0],
  user: Parameters<typeof mayActOnInitiative>[1],
  initiativeId: number | null,
) => initiativeId === null || (await mayActOnInitiative(db, user, "progress:post", initiativeId));

export const updateMeasurementAction = formAction({
  permission: "progress:write",
  what: "corregir medición",
  audit: ["measurement.update"],
  schema: updateMeasurementSchema,
  scope: async ({ id }, user, db) => ({
    allowed: await mayReport(db, user, await initiativeOfMeasurement(db, id)),
    detail: { measurementId: id },
  }),
  run: async (input, { user, request, db }) => {
    const { status } = await updateMeasurement(db, input, user, request);
    return { message: t.indicators.measurementUpdated(t.indicators.statuses[status]) };
  },
});

export const deleteMeasurementAction = formAction({
  permission: "progress:write",
  what: "eliminar medición",
  audit: ["measurement.delete"],
  schema: deleteMeasurementSchema,
  scope: async ({ id }, user, db) => ({
    allowed: await mayReport(db, user, await initiativeOfMeasurement(db, id)),
    detail: { measurementId: id },
  }),
  run: async (input, { user, request, db }) => {
    await deleteMeasurement(db, input, user, request);
    return { message: t.indicators.measurementDeleted };
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
