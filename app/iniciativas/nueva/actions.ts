"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import { createInitiativePayloadSchema } from "@/lib/initiatives/initiative-form-payload";
import type { SavedInitiativeResult as Saved } from "@/lib/initiatives/initiative-schema";
import { createInitiative } from "@/lib/initiatives/save-initiative";

export const createInitiativeAction = formAction<typeof createInitiativePayloadSchema, Saved>({
  permission: "matrix:edit",
  what: "crear iniciativa",
  schema: createInitiativePayloadSchema,
  run: async (input, { user, request }) => {
    const initiative = await createInitiative(getDb(), input, user, request);
    revalidatePath("/iniciativas");
    return { message: t.editing.created, data: { id: initiative.id, version: initiative.version } };
  },
});
