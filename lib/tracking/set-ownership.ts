import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { TrackingConflictError } from "./tracking-conflict";
import type { OwnershipInput } from "./tracking-schemas";

interface Actor {
  id: number;
  email: string;
}

/** Sets the lead and supporting secretariats of an initiative (version-checked, audited, one transaction). */
export async function setOwnership(db: Db, input: OwnershipInput, actor: Actor, context?: RequestContext) {
  return db.$transaction(async (tx) => {
    const wanted = [...(input.leadSecretariatId ? [input.leadSecretariatId] : []), ...input.supportingSecretariatIds];
    const secretariats = await tx.secretariat.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
    if (secretariats.length !== wanted.length) throw new ActionError(t.refusals.chosenSecretariatGone, "leadSecretariatId");
    const names = new Map(secretariats.map((s) => [s.id, s.name]));

    const before = await tx.initiative.findUnique({
      where: { id: input.initiativeId },
      select: {
        leadSecretariat: { select: { name: true } },
        supportingSecretariats: { select: { secretariat: { select: { name: true } } } },
      },
    });
    if (!before) throw new ActionError(t.refusals.initiativeMissing);
    const { count } = await tx.initiative.updateMany({
      where: { id: input.initiativeId, trackingVersion: input.trackingVersion },
      data: { leadSecretariatId: input.leadSecretariatId ?? null, trackingVersion: { increment: 1 } },
    });
    if (count === 0) throw new TrackingConflictError(t.conflicts.subjects.ownership);
    await tx.initiativeSupport.deleteMany({ where: { initiativeId: input.initiativeId } });
    if (input.supportingSecretariatIds.length > 0) {
      await tx.initiativeSupport.createMany({
        data: input.supportingSecretariatIds.map((secretariatId) => ({ initiativeId: input.initiativeId, secretariatId })),
      });
    }
    await recordAuditEvent(tx, {
      action: "ownership.update",
      actor,
      entityType: "Initiative",
      entityId: input.initiativeId,
      context,
      data: {
        before: { lead: before.leadSecretariat?.name ?? null, supporting: before.supportingSecretariats.map((s) => s.secretariat.name) },
        after: {
          lead: input.leadSecretariatId ? names.get(input.leadSecretariatId)! : null,
          supporting: input.supportingSecretariatIds.map((id) => names.get(id)!),
        },
      },
    });
  });
}
