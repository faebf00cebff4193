import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { FIELD_LIMITS } from "@/lib/text/field-limits";

export const objectiveTitleSchema = z.object({
  code: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, "Código de objetivo inválido."),
  version: z.coerce.number().int().min(1),
  title: z
    .string({ error: "Escriba el título." })
    .trim()
    .min(3, "Escriba el título del objetivo.")
    .max(FIELD_LIMITS.objectiveTitle, `El título admite hasta ${FIELD_LIMITS.objectiveTitle} caracteres.`),
});

/** Edits a development ("1") or management ("1.1") objective's title, version-checked and audited in one transaction. */
export async function updateObjectiveTitle(
  db: Db,
  input: z.infer<typeof objectiveTitleSchema>,
  actor: { id: number; email: string },
  context?: RequestContext,
) {
  const management = input.code.includes(".");
  return db.$transaction(async (tx) => {
    const before = management
      ? await tx.managementObjective.findUnique({ where: { code: input.code } })
      : await tx.developmentObjective.findUnique({ where: { code: input.code } });
    if (!before) throw new ActionError(t.refusals.objectiveMissing);
    const data = { title: input.title, version: { increment: 1 } };
    const where = { code: input.code, version: input.version };
    const { count } = management
      ? await tx.managementObjective.updateMany({ where, data })
      : await tx.developmentObjective.updateMany({ where, data });
    if (count === 0) throw new ActionError(t.refusals.objectiveConflict, "title");
    await recordAuditEvent(tx, {
      action: "objective.update",
      actor,
      entityType: management ? "ManagementObjective" : "DevelopmentObjective",
      entityId: input.code,
      context,
      data: { before: { title: before.title }, after: { title: input.title } },
    });
  });
}
