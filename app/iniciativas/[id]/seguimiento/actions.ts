"use server";

import { mayActOnInitiative } from "@/lib/accountability/reporting-rights";
import { submitReport } from "@/lib/accountability/reports";
import { submitReportSchema } from "@/lib/accountability/schemas";
import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { createInstrument, deleteInstrument, updateInstrument } from "@/lib/tracking/manage-instruments";
import { postProgressUpdate } from "@/lib/tracking/post-progress-update";
import { setOwnership } from "@/lib/tracking/set-ownership";
import {
  createInstrumentSchema,
  deleteInstrumentSchema,
  ownershipSchema,
  progressUpdateSchema,
  updateInstrumentSchema,
} from "@/lib/tracking/tracking-schemas";

export const postProgressUpdateAction = formAction({
  permission: "progress:write",
  what: "registrar avance",
  audit: ["progress.create"],
  schema: progressUpdateSchema,
  scope: async ({ initiativeId }, user, db) => ({
    allowed: await mayActOnInitiative(db, user, "progress:post", initiativeId),
    detail: { initiativeId },
  }),
  run: async (input, { user, request, db }) => {
    await postProgressUpdate(db, input, user, request);
    return { message: t.tracking.posted };
  },
});

export const submitReportAction = formAction({
  permission: "reports:submit",
  what: "enviar reporte del periodo",
  audit: ["report.submit"],
  schema: submitReportSchema,
  scope: async ({ initiativeId }, user, db) => ({
    allowed: await mayActOnInitiative(db, user, "report:submit", initiativeId),
    detail: { initiativeId },
  }),
  run: async (input, { user, request, db }) => {
    await submitReport(db, input, user, request);
    return { message: t.accountability.submitted };
  },
});

export const setOwnershipAction = formAction({
  permission: "tracking:edit",
  what: "asignar responsables",
  audit: ["ownership.update"],
  schema: ownershipSchema,
  run: async (input, { user, request, db }) => {
    await setOwnership(db, input, user, request);
    return { message: t.tracking.ownershipSaved };
  },
});

export const createInstrumentAction = formAction({
  permission: "tracking:edit",
  what: "registrar instrumento",
  audit: ["instrument.create"],
  schema: createInstrumentSchema,
  run: async (input, { user, request, db }) => {
    await createInstrument(db, input, user, request);
    return { message: t.tracking.instrumentSaved };
  },
});

export const updateInstrumentAction = formAction({
  permission: "tracking:edit",
  what: "modificar instrumento",
  audit: ["instrument.update"],
  schema: updateInstrumentSchema,
  run: async (input, { user, request, db }) => {
    await updateInstrument(db, input, user, request);
    return { message: t.tracking.instrumentSaved };
  },
});

export const deleteInstrumentAction = formAction({
  permission: "tracking:edit",
  what: "eliminar instrumento",
  audit: ["instrument.delete"],
  schema: deleteInstrumentSchema,
  run: async (input, { user, request, db }) => {
    await deleteInstrument(db, input, user, request);
    return { message: t.tracking.instrumentDeleted };
  },
});
