"use server";

import { formAction } from "@/lib/actions/form-action";
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

export const createSecretariatAction = formAction({
  permission: "tracking:edit",
  what: "crear secretaría",
  audit: ["secretariat.create"],
  schema: secretariatSchema,
  run: async (input, { user, request, db }) => {
    await createSecretariat(db, input, user, request);
    return { message: t.catalogues.created };
  },
});

export const updateSecretariatAction = formAction({
  permission: "tracking:edit",
  what: "modificar secretaría",
  audit: ["secretariat.update"],
  schema: updateSecretariatSchema,
  run: async (input, { user, request, db }) => {
    await updateSecretariat(db, input, user, request);
    return { message: t.catalogues.updated };
  },
});

export const deleteSecretariatAction = formAction({
  permission: "tracking:edit",
  what: "eliminar secretaría",
  audit: ["secretariat.delete"],
  schema: deleteCatalogueEntrySchema,
  run: async (input, { user, request, db }) => {
    await deleteSecretariat(db, input, user, request);
    return { message: t.catalogues.removed };
  },
});

export const createCounterpartAction = formAction({
  permission: "tracking:edit",
  what: "crear actor de contraparte",
  audit: ["counterpart.create"],
  schema: counterpartSchema,
  run: async (input, { user, request, db }) => {
    await createCounterpart(db, input, user, request);
    return { message: t.catalogues.created };
  },
});

export const updateCounterpartAction = formAction({
  permission: "tracking:edit",
  what: "modificar actor de contraparte",
  audit: ["counterpart.update"],
  schema: updateCounterpartSchema,
  run: async (input, { user, request, db }) => {
    await updateCounterpart(db, input, user, request);
    return { message: t.catalogues.updated };
  },
});

export const deleteCounterpartAction = formAction({
  permission: "tracking:edit",
  what: "eliminar actor de contraparte",
  audit: ["counterpart.delete"],
  schema: deleteCatalogueEntrySchema,
  run: async (input, { user, request, db }) => {
    await deleteCounterpart(db, input, user, request);
    return { message: t.catalogues.removed };
  },
});
