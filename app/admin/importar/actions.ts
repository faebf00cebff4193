"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { type ActionContext, formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import { applyBulkImport, fingerprint, previewBulkImport } from "@/lib/import/bulk-import";
import { withImportSlot } from "@/lib/import/import-slot";
import { type BulkFile, BulkFileError, MAX_UPLOAD_BYTES, readBulkFile } from "@/lib/import/read-bulk-file";
import type { SnapshotChange } from "@/lib/initiatives/diff-snapshots";

export interface ImportPreview {
  fingerprint: string;
  applied: boolean;
  add: { line: number; name: string; managementObjectiveCode: string }[];
  change: { line: number; id: number; name: string; changes: SnapshotChange[] }[];
  archive: { id: number; name: string }[];
  unchanged: number;
  errors: { line: number; message: string }[];
}

const importSchema = z.object({
  file: z
    .instanceof(File, { message: t.bulk.fileRequired })
    .refine((f) => f.size > 0, t.bulk.fileRequired)
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, t.bulkFile.tooLarge(MAX_UPLOAD_BYTES / 1024 / 1024)),
  archiveMissing: z.literal("si").optional(),
  apply: z.literal("si").optional(),
  fingerprint: z.string().max(100).optional(),
});

export const importAction = formAction<typeof importSchema, ImportPreview>({
  permission: "matrix:edit",
  what: "importación masiva",
  schema: importSchema,
  // One import at a time per process: reading and planning a file takes memory in proportion to it.
  run: (input, context) => withImportSlot(() => runImport(input, context)),
});

async function runImport(input: z.output<typeof importSchema>, { user, request }: ActionContext) {
  const db = getDb();
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
  if (input.apply === "si") revalidatePath("/iniciativas");
  const preview: ImportPreview = {
    fingerprint: fingerprint(plan),
    applied: input.apply === "si",
    add: plan.add.map(({ line, name, managementObjectiveCode }) => ({ line, name, managementObjectiveCode })),
    change: plan.change.map(({ line, id, name, changes }) => ({ line, id, name, changes })),
    archive: plan.archive.map(({ id, name }) => ({ id, name })),
    unchanged: plan.unchanged,
    errors: plan.errors.sort((a, b) => a.line - b.line),
  };
  const message = preview.applied
    ? t.bulk.applied(preview.add.length, preview.change.length, preview.archive.length)
    : preview.errors.length > 0
      ? t.bulk.rowsWithErrors(preview.errors.length)
      : t.bulk.reviewReady;
  return { message, data: preview };
}
