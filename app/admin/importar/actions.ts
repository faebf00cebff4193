"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import { applyBulkImport, fingerprint, previewBulkImport, type StaleRow } from "@/lib/import/bulk-import";
import { type BulkFile, BulkFileError, MAX_UPLOAD_BYTES, readBulkFile } from "@/lib/import/read-bulk-file";
import type { SnapshotChange } from "@/lib/initiatives/diff-snapshots";

export interface ImportPreview {
  fingerprint: string;
  applied: boolean;
  add: { line: number; name: string; managementObjectiveCode: string }[];
  change: { line: number; id: number; name: string; changes: SnapshotChange[]; stale: StaleRow | null }[];
  archive: { id: number; name: string }[];
  unchanged: number;
  errors: { line: number; message: string }[];
  warnings: { line: number; message: string }[];
  unversioned: boolean;
}

/** Ids sent once arrive as a string, several times as a list. */
const idList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.coerce.number().int().positive()).max(20_000),
);

const importSchema = z.object({
  file: z
    .instanceof(File, { message: t.bulk.fileRequired })
    .refine((f) => f.size > 0, t.bulk.fileRequired)
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, `El archivo supera ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`),
  archiveMissing: z.literal("si").optional(),
  apply: z.literal("si").optional(),
  fingerprint: z.string().max(2_000_000).optional(),
  staleAll: z.enum(["keep", "overwrite"]).optional(),
  keep: idList,
  overwrite: idList,
});

export const importAction = formAction<typeof importSchema, ImportPreview>({
  permission: "matrix:edit",
  what: "importación masiva",
  schema: importSchema,
  run: async (input, { user, request }) => {
    const db = getDb();
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
    if (input.apply === "si") revalidatePath("/iniciativas");
    const preview: ImportPreview = {
      fingerprint: fingerprint(plan),
      applied: input.apply === "si",
      add: plan.add.map(({ line, name, managementObjectiveCode }) => ({ line, name, managementObjectiveCode })),
      change: plan.change.map(({ line, id, name, changes, stale }) => ({ line, id, name, changes, stale })),
      archive: plan.archive.map(({ id, name }) => ({ id, name })),
      unchanged: plan.unchanged,
      errors: plan.errors.sort((a, b) => a.line - b.line),
      warnings: plan.warnings,
      unversioned: plan.unversioned,
    };
    const message = preview.applied
      ? t.bulk.applied(preview.add.length, preview.change.length, preview.archive.length) + t.planner.appliedKept(plan.kept ?? 0)
      : preview.errors.length > 0
        ? t.bulk.rowsWithErrors(preview.errors.length)
        : t.bulk.reviewReady;
    return { message, data: preview };
  },
});
