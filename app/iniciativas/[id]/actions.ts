"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { updateInitiativePayloadSchema } from "@/lib/initiatives/initiative-form-payload";
import type { SavedInitiativeResult as Saved } from "@/lib/initiatives/initiative-schema";
import { restoreInitiativeVersion, setArchived, updateInitiative } from "@/lib/initiatives/save-initiative";

export const saveInitiativeAction = formAction<typeof updateInitiativePayloadSchema, Saved>({
  permission: "matrix:edit",
  what: "editar iniciativa",
  audit: ["initiative.update"],
  schema: updateInitiativePayloadSchema,
  run: async (input, { user, request, db }) => {
    const saved = await updateInitiative(db, input, user, request);
    return { message: t.editing.saved, data: { id: input.id, version: saved.version } };
  },
});

const versionedId = z.object({ id: z.coerce.number().int().positive(), version: z.coerce.number().int().min(1) });

export const archiveInitiativeAction = formAction({
  permission: "matrix:edit",
  what: "archivar o restaurar iniciativa",
  audit: ["initiative.archive", "initiative.unarchive"],
  schema: versionedId.extend({ archived: z.enum(["true", "false"]).transform((v) => v === "true") }),
  run: async ({ id, version, archived }, { user, request, db }) => {
    await setArchived(db, id, version, archived, user, request);
    return { message: archived ? t.editing.archivedDone : t.editing.unarchivedDone };
  },
});

export const restoreVersionAction = formAction({
  permission: "matrix:edit",
  what: "restaurar versión de iniciativa",
  audit: ["initiative.restore"],
  schema: versionedId.extend({ eventId: z.coerce.number().int().positive() }),
  run: async (target, { user, request, db }) => {
    await restoreInitiativeVersion(db, target, user, request);
    return { message: t.editing.restoredDone };
  },
});
