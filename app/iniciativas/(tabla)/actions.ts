"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import { deleteView, deleteViewSchema, saveView, saveViewSchema } from "@/lib/saved-views/saved-views";

export const saveViewAction = formAction({
  permission: "views:manage",
  what: "guardar vista",
  schema: saveViewSchema,
  run: async (input, { user }) => {
    const view = await saveView(getDb(), user.id, input);
    revalidatePath("/iniciativas");
    return { message: t.views.saved(view.name) };
  },
});

export const deleteViewAction = formAction({
  permission: "views:manage",
  what: "eliminar vista",
  schema: deleteViewSchema,
  run: async ({ id }, { user }) => {
    await deleteView(getDb(), user.id, id);
    revalidatePath("/iniciativas");
    return { message: t.views.removed };
  },
});
