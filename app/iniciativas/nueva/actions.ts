"use server";

import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { createInitiativePayloadSchema } from "@/lib/initiatives/initiative-form-payload";
import type { SavedInitiativeResult as Saved } from "@/lib/initiatives/initiative-schema";
import { createInitiative } from "@/lib/initiatives/save-initiative";

export const createInitiativeAction = formAction<typeof createInitiativePayloadSchema, Saved>({
  permission: "matrix:edit",
  what: "crear iniciativa",
  audit: ["initiative.create"],
  schema: createInitiativePayloadSchema,
  run: async (input, { user, request, db }) => {
    const initiative = await createInitiative(db, input, user, request);
    return { message: t.editing.created, data: { id: initiative.id, version: initiative.version } };
  },
});
