"use server";

import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { deleteView, deleteViewSchema, saveView, saveViewSchema } from "@/lib/saved-views/saved-views";

export const saveViewAction = formAction({
  permission: "views:manage",
  what: "guardar vista",
  // A personal view of the table, not a change to the matrix: nothing to audit.
  audit: null,
  schema: saveViewSchema,
  run: async (input, { user, db }) => {
    const view = await saveView(db, user.id, input);
    return { message: t.views.saved(view.name) };
  },
});

export const deleteViewAction = formAction({
  permission: "views:manage",
  what: "eliminar vista",
  // A personal view of the table, not a change to the matrix: nothing to audit.
  audit: null,
  schema: deleteViewSchema,
  run: async ({ id }, { user, db }) => {
    await deleteView(db, user.id, id);
    return { message: t.views.removed };
  },
});
