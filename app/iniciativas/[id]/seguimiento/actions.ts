"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
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

// Tracking changes show on the initiative, its objectives, the table and the dashboard.
function refresh(initiativeId: number) {
  revalidatePath(`/iniciativas/${initiativeId}`, "layout");
  revalidatePath("/iniciativas");
  revalidatePath("/tablero");
  revalidatePath("/objetivos/[code]", "page");
}

export const postProgressUpdateAction = formAction({
  permission: "progress:write",
  what: "registrar avance",
  schema: progressUpdateSchema,
  run: async (input, { user, request }) => {
    await postProgressUpdate(getDb(), input, user, request);
    refresh(input.initiativeId);
    return { message: t.tracking.posted };
  },
});

export const setOwnershipAction = formAction({
  permission: "tracking:edit",
  what: "asignar responsables",
  schema: ownershipSchema,
  run: async (input, { user, request }) => {
    await setOwnership(getDb(), input, user, request);
    refresh(input.initiativeId);
    return { message: t.tracking.ownershipSaved };
  },
});

export const createInstrumentAction = formAction({
  permission: "tracking:edit",
  what: "registrar instrumento",
  schema: createInstrumentSchema,
  run: async (input, { user, request }) => {
    const { initiativeId } = await createInstrument(getDb(), input, user, request);
    refresh(initiativeId);
    return { message: t.tracking.instrumentSaved };
  },
});

export const updateInstrumentAction = formAction({
  permission: "tracking:edit",
  what: "modificar instrumento",
  schema: updateInstrumentSchema,
  run: async (input, { user, request }) => {
    const { initiativeId } = await updateInstrument(getDb(), input, user, request);
    refresh(initiativeId);
    return { message: t.tracking.instrumentSaved };
  },
});

export const deleteInstrumentAction = formAction({
  permission: "tracking:edit",
  what: "eliminar instrumento",
  schema: deleteInstrumentSchema,
  run: async (input, { user, request }) => {
    const { initiativeId } = await deleteInstrument(getDb(), input, user, request);
    refresh(initiativeId);
    return { message: t.tracking.instrumentDeleted };
  },
});
