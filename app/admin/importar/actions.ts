"use server";

import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { type ActionContext, formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { applyBulkImport, previewBulkImport } from "@/lib/import/bulk-import";
import { type ImportPreview, importPreview } from "@/lib/import/import-preview";
import { withImportSlot } from "@/lib/import/import-slot";
import { type BulkFile, BulkFileError, readBulkFile } from "@/lib/import/read-bulk-file";
import { uploadedFileSchema } from "@/lib/import/read-spreadsheet";

/** Ids sent once arrive as a string, several times as a list. */
const idList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.coerce.number().int().positive()).max(20_000),
);

const importSchema = z.object({
  file: uploadedFileSchema,
  archiveMissing: z.literal("si").optional(),
  apply: z.literal("si").optional(),
  fingerprint: z.string().max(100).optional(),
  staleAll: z.enum(["keep", "overwrite"]).optional(),
  keep: idList,
  overwrite: idList,
});

export const importAction = formAction<typeof importSchema, ImportPreview>({
  permission: "matrix:edit",
  what: "importación masiva",
  audit: ["import.apply"],
  schema: importSchema,
  // One import at a time per process: reading and planning a file takes memory in proportion to it.
  run: (input, context) => withImportSlot(() => runImport(input, context)),
});

async function runImport(input: z.output<typeof importSchema>, { user, request, db }: ActionContext) {
  const options = { archiveMissing: input.archiveMissing === "si" };
  let file: BulkFile;
  try {
    file = await readBulkFile(input.file.name, Buffer.from(await input.file.arrayBuffer()));
  } catch (error) {
    if (error instanceof BulkFileError) throw new ActionError(error.message, "file");
    throw error;
  }
  const plan: Awaited<ReturnType<typeof previewBulkImport>> & { kept?: number } =
    input.apply === "si"
      ? await applyBulkImport(
          db,
          file,
          {
            ...options,
            previewFingerprint: input.fingerprint ?? "",
            staleDecisions: {
              all: input.staleAll,
              rows: Object.fromEntries([
                ...input.keep.map((id) => [id, "keep"] as const),
                ...input.overwrite.map((id) => [id, "overwrite"] as const),
              ]),
            },
          },
          user,
          request,
        )
      : await previewBulkImport(db, file, options, user);
  const preview = importPreview(plan, input.apply === "si");
  const message = preview.applied
    ? t.bulk.applied(preview.add.length, preview.change.length, preview.archive.length) + t.planner.appliedKept(plan.kept ?? 0)
    : preview.errors.length > 0
      ? t.bulk.rowsWithErrors(preview.errors.length)
      : t.bulk.reviewReady;
  return { message, data: preview };
}
