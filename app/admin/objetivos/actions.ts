"use server";

import { formAction } from "@/lib/actions/form-action";
import { objectiveTitleSchema, updateObjectiveTitle } from "@/lib/objectives/update-objective-title";
import { t } from "@/lib/i18n";

export const updateObjectiveTitleAction = formAction({
  permission: "matrix:edit",
  what: "editar título de objetivo",
  audit: ["objective.update"],
  schema: objectiveTitleSchema,
  run: async (input, { user, request, db }) => {
    await updateObjectiveTitle(db, input, user, request);
    return { message: t.objectiveAdmin.titleSaved(input.code) };
  },
});
