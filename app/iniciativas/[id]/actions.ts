"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import { updateInitiativePayloadSchema } from "@/lib/initiatives/initiative-form-payload";
import type { SavedInitiativeResult as Saved } from "@/lib/initiatives/initiative-schema";
import { restoreInitiativeVersion, setArchived, updateInitiative } from "@/lib/initiatives/save-initiative";

export const saveInitiativeAction = formAction<typeof updateInitiativePayloadSchema, Saved>({
  permission: "matrix:edit",
  what: "editar iniciativa",
  schema: updateInitiativePayloadSchema,
  run: async (input, { user, request }) => {
    const saved = await updateInitiative(getDb(), input, user, request);
    revalidatePath(`/iniciativas/${input.id}`);
    return { message: t.editing.saved, data: { id: input.id, version: saved.version } };
  },
});

const versionedId = z.object({ id: z.coerce.number().int().positive(), version: z.coerce.number().int().min(1) });

export const archiveInitiativeAction = formAction({
  permission: "matrix:edit",
  what: "archivar o restaurar iniciativa",
  schema: versionedId.extend({ archived: z.enum(["true", "false"]).transform((v) => v === "true") }),
  run: async ({ id, version, archived }, { user, request }) => {
    await setArchived(getDb(), id, version, archived, user, request);
    revalidatePath(`/iniciativas/${id}`);
    return { message: archived ? t.editing.archivedDone : t.editing.unarchivedDone };
  },
});

export const restoreVersionAction = formAction({
  permission: "matrix:edit",
  what: "restaurar versión de iniciativa",
  schema: versionedId.extend({ eventId: z.coerce.number().int().positive() }),
  run: async (target, { user, request }) => {
    await restoreInitiativeVersion(getDb(), target, user, request);
    revalidatePath(`/iniciativas/${target.id}`);
    return { message: t.editing.restoredDone };
  },
});
