import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";

export type AuditAction =
  | "auth.signin.success"
  | "auth.signin.failure"
  | "auth.lockout"
  | "auth.signout"
  | "auth.password.change"
  | "access.denied"
  | "user.create"
  | "user.update"
  | "user.password.reset"
  | "initiative.create"
  | "initiative.update"
  | "initiative.restore"
  | "initiative.archive"
  | "initiative.unarchive"
  | "mechanism.create"
  | "mechanism.update"
  | "mechanism.merge"
  | "import.apply"
  | "objective.update"
  | "progress.create"
  | "ownership.update"
  | "instrument.create"
  | "instrument.update"
  | "instrument.delete"
  | "secretariat.create"
  | "secretariat.update"
  | "secretariat.delete"
  | "counterpart.create"
  | "counterpart.update"
  | "counterpart.delete"
  | "settings.update";

export interface AuditEventInput {
  action: AuditAction;
  actor?: { id: number; email: string } | null;
  /** For sign-in attempts the e-mail typed, whether or not such a user exists. */
  actorEmail?: string | null;
  entityType?: string;
  entityId?: string | number;
  context?: RequestContext;
  data?: Prisma.InputJsonValue;
}

/** Appends one event to the audit trail; pass a transaction client to record it with the change itself. */
export async function recordAuditEvent(db: Db | Prisma.TransactionClient, event: AuditEventInput) {
  await db.auditEvent.create({
    data: {
      action: event.action,
      userId: event.actor?.id ?? null,
      userEmail: event.actor?.email ?? event.actorEmail ?? null,
      entityType: event.entityType ?? null,
      entityId: event.entityId === undefined ? null : String(event.entityId),
      ip: event.context?.ip ?? null,
      userAgent: event.context?.userAgent ?? null,
      requestId: event.context?.requestId ?? null,
      data: event.data ?? undefined,
    },
  });
}
