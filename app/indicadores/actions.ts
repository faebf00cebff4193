"use server";

import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { type ActionContext, formAction } from "@/lib/actions/form-action";
import { can } from "@/lib/auth/roles";
import { t } from "@/lib/i18n";
import {
  applyIndicatorImport,
  type IndicatorImportPreview,
  indicatorImportPreview,
  previewIndicatorImport,
} from "@/lib/indicators/import-indicators";
import { type ExchangeFile, readExchangeFile } from "@/lib/indicators/indicator-file";
import { withImportSlot } from "@/lib/import/import-slot";
import { BulkFileError, uploadedFileSchema } from "@/lib/import/read-spreadsheet";

const importSchema = z.object({
  file: uploadedFileSchema,
  kind: z.enum(["indicators", "measurements"], { error: t.indicatorFile.kindRequired }),
  apply: z.literal("si").optional(),
  fingerprint: z.string().max(100).optional(),
});

export const indicatorImportAction = formAction<typeof importSchema, IndicatorImportPreview>({
  permission: "progress:write",
  what: "importar indicadores o mediciones",
  audit: ["import.apply"],
  schema: importSchema,
  // Indicators and their targets are the planners'; measurements go row by row through the reporter's rights (lib/indicators/import-indicators.ts).
  scope: async ({ kind }, user) => ({ allowed: kind === "measurements" || can(user.role, "indicators:define"), detail: { kind } }),
  // One import at a time per process, shared with the bulk import: reading a file takes memory in proportion to it.
  run: (input, context) => withImportSlot(() => runImport(input, context)),
});

async function runImport(input: z.output<typeof importSchema>, { user, request, db }: ActionContext) {
  let file: ExchangeFile;
  try {
    file = await readExchangeFile(input.file.name, Buffer.from(await input.file.arrayBuffer()));
  } catch (error) {
    if (error instanceof BulkFileError) throw new ActionError(error.message, "file");
    throw error;
  }
  if (file.kind !== input.kind) {
    throw new ActionError(t.indicatorFile.wrongKind(t.indicatorFile.kinds[file.kind], t.indicatorFile.kinds[input.kind]), "file");
  }
  const applied = input.apply === "si";
  const plan = applied
    ? await applyIndicatorImport(db, file, { previewFingerprint: input.fingerprint ?? "" }, user, request)
    : await previewIndicatorImport(db, file, user);
  const preview = indicatorImportPreview(plan, applied);
  const message = applied
    ? t.indicatorFile.applied(preview.add.length, preview.change.length)
    : preview.errors.length > 0
      ? t.bulk.rowsWithErrors(preview.errors.length)
      : preview.add.length + preview.change.length === 0
        ? t.indicatorFile.nothingToApply
        : t.bulk.reviewReady;
  return { message, data: preview };
}
