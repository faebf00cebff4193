import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";

export type AuditAction =
  | "auth.signin.success"
  | "auth.signin.failure"
  | "auth.lockout"
  | "auth.signout"
  | "auth.sso.signin"
  | "auth.sso.failure"
  | "auth.sso.provision"
  | "auth.sso.role_change"
  | "auth.password.change"
  | "auth.mfa.enrol"
  | "auth.mfa.failure"
  | "auth.mfa.recovery"
  | "auth.mfa.disable"
  | "user.mfa.reset"
  | "settings.update"
  | "auth.password.failure"
  | "auth.session.revoke"
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
  | "indicator.create"
  | "indicator.update"
  | "measurement.create"
  | "measurement.update"
  | "measurement.delete"
  | "milestone.create"
  | "milestone.update"
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
  | "user.secretariats.update"
  | "period.create"
  | "period.update"
  | "report.submit"
  | "report.approve"
  | "report.return";

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
export async function recordAuditEvent(db: Db | Prisma.TransactionClient, event: AuditEventInput): Promise<{ id: number }> {
  return db.auditEvent.create({
    select: { id: true },
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

const UNIQUE_VIOLATION = "P2002";

/**
 * For failures anyone can repeat at will (a wrong password): the first of a
 * minute with the same action, account, address and details is an audit row,
 * the rest only add to its tally. A flood adds a row a minute instead of one per
 * attempt, and the count is exact. The audit stays append-only (the portal's
 * database role may not UPDATE it): only the tally changes.
 */
export async function recordRepeatedFailure(db: Db, event: AuditEventInput, now = new Date()) {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  const bucket = JSON.stringify([
    event.action,
    event.actor?.email ?? event.actorEmail ?? null,
    event.context?.ip ?? null,
    event.data ?? null,
    minute,
  ]);
  for (;;) {
    const counted = await db.$executeRaw`UPDATE "AuditTally" SET "count" = "count" + 1, "lastAt" = ${now} WHERE "bucket" = ${bucket}`;
    if (counted > 0) return;
    try {
      await db.$transaction(async (tx) => {
        const { id } = await recordAuditEvent(tx, event);
        await tx.auditTally.create({ data: { auditEventId: id, bucket, lastAt: now } });
      });
      return;
    } catch (error) {
      // Another attempt of the same minute opened the row first (its audit row rolled back with ours): count on it.
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    }
  }
}
