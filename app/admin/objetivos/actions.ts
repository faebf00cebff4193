"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
import { objectiveTitleSchema, updateObjectiveTitle } from "@/lib/objectives/update-objective-title";

export const updateObjectiveTitleAction = formAction({
  permission: "matrix:edit",
  what: "editar título de objetivo",
  schema: objectiveTitleSchema,
  run: async (input, { user, request }) => {
    await updateObjectiveTitle(getDb(), input, user, request);
    revalidatePath("/", "layout");
    return { message: `Título del objetivo ${input.code} guardado.` };
  },
});
