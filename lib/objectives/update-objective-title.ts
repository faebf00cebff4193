import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { FIELD_LIMITS } from "@/lib/text/field-limits";

export const objectiveTitleSchema = z.object({
  code: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, t.validation.objective.code),
  version: z.coerce.number().int().min(1),
  title: z
    .string({ error: t.validation.tracking.titleRequired })
    .trim()
    .min(3, t.validation.objective.titleShort)
    .max(FIELD_LIMITS.objectiveTitle, t.validation.form.maxLength(t.validation.objective.title, FIELD_LIMITS.objectiveTitle)),
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
