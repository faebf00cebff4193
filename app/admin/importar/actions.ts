"use server";

import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { type ActionContext, formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { applyBulkImport, previewBulkImport } from "@/lib/import/bulk-import";
import { type ImportPreview, importPreview } from "@/lib/import/import-preview";
import { withImportSlot } from "@/lib/import/import-slot";
import { type BulkFile, BulkFileError, MAX_UPLOAD_BYTES, readBulkFile } from "@/lib/import/read-bulk-file";

const importSchema = z.object({
  file: z
    .instanceof(File, { message: t.bulk.fileRequired })
    .refine((f) => f.size > 0, t.bulk.fileRequired)
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, t.bulkRows.fileTooLarge(MAX_UPLOAD_BYTES / 1024 / 1024)),
  archiveMissing: z.literal("si").optional(),
  apply: z.literal("si").optional(),
  fingerprint: z.string().max(100).optional(),
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
  const plan =
    input.apply === "si"
      ? await applyBulkImport(db, file, { ...options, previewFingerprint: input.fingerprint ?? "" }, user, request)
      : await previewBulkImport(db, file, options, user);
  const preview = importPreview(plan, input.apply === "si");
  const message = preview.applied
    ? t.bulk.applied(preview.add.length, preview.change.length, preview.archive.length)
    : preview.errors.length > 0
      ? t.bulk.rowsWithErrors(preview.errors.length)
      : t.bulk.reviewReady;
  return { message, data: preview };
}
