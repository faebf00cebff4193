"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import {
  createCounterpart,
  createSecretariat,
  deleteCounterpart,
  deleteSecretariat,
  updateCounterpart,
  updateSecretariat,
} from "@/lib/tracking/manage-catalogues";
import {
  counterpartSchema,
  deleteCatalogueEntrySchema,
  secretariatSchema,
  updateCounterpartSchema,
  updateSecretariatSchema,
} from "@/lib/tracking/tracking-schemas";

const refresh = () => {
  revalidatePath("/admin/catalogos");
  revalidatePath("/iniciativas", "layout");
  revalidatePath("/tablero");
};

export const createSecretariatAction = formAction({
  permission: "tracking:edit",
  what: "crear secretaría",
  schema: secretariatSchema,
  run: async (input, { user, request }) => {
    await createSecretariat(getDb(), input, user, request);
    refresh();
    return { message: t.catalogues.created };
  },
});

export const updateSecretariatAction = formAction({
  permission: "tracking:edit",
  what: "modificar secretaría",
  schema: updateSecretariatSchema,
  run: async (input, { user, request }) => {
    await updateSecretariat(getDb(), input, user, request);
    refresh();
    return { message: t.catalogues.updated };
  },
});

export const deleteSecretariatAction = formAction({
  permission: "tracking:edit",
  what: "eliminar secretaría",
  schema: deleteCatalogueEntrySchema,
  run: async (input, { user, request }) => {
    await deleteSecretariat(getDb(), input, user, request);
    refresh();
    return { message: t.catalogues.removed };
  },
});

export const createCounterpartAction = formAction({
  permission: "tracking:edit",
  what: "crear actor de contraparte",
  schema: counterpartSchema,
  run: async (input, { user, request }) => {
    await createCounterpart(getDb(), input, user, request);
    refresh();
    return { message: t.catalogues.created };
  },
});

export const updateCounterpartAction = formAction({
  permission: "tracking:edit",
  what: "modificar actor de contraparte",
  schema: updateCounterpartSchema,
  run: async (input, { user, request }) => {
    await updateCounterpart(getDb(), input, user, request);
    refresh();
    return { message: t.catalogues.updated };
  },
});

export const deleteCounterpartAction = formAction({
  permission: "tracking:edit",
  what: "eliminar actor de contraparte",
  schema: deleteCatalogueEntrySchema,
  run: async (input, { user, request }) => {
    await deleteCounterpart(getDb(), input, user, request);
    refresh();
    return { message: t.catalogues.removed };
  },
});
