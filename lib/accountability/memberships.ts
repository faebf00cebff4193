import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";

type Tx = Prisma.TransactionClient;

/**
 * Makes `secretariatIds` the user's secretariats, exactly, and audits the
 * change. Rights are read from these rows on every request, so no session has
 * to end. A transaction client makes it part of a larger write (user:create).
 */
export async function setUserSecretariats(
  db: Db | Tx,
  userId: number,
  secretariatIds: number[],
  actor: { id: number; email: string } | null = null,
  context?: RequestContext,
  /** Said in the audit event: where the change came from (the directory's groups at sign-in). */
  source?: Record<string, unknown>,
) {
  const run = async (tx: Tx) => {
    const wanted = [...new Set(secretariatIds)].sort((a, b) => a - b);
    const found = await tx.secretariat.count({ where: { id: { in: wanted } } });
    if (found !== wanted.length) throw new ActionError(t.accountability.secretariatGone, "secretariatIds");
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new ActionError(t.accountability.userMissing);
    const before = (
      await tx.userSecretariat.findMany({ where: { userId }, select: { secretariatId: true }, orderBy: { secretariatId: "asc" } })
    ).map((m) => m.secretariatId);
    if (before.length === wanted.length && before.every((id, index) => id === wanted[index])) return wanted;
    await tx.userSecretariat.deleteMany({ where: { userId, secretariatId: { notIn: wanted } } });
    await tx.userSecretariat.createMany({ data: wanted.map((secretariatId) => ({ userId, secretariatId })), skipDuplicates: true });
    await recordAuditEvent(tx, {
      action: "user.secretariats.update",
      actor,
      entityType: "User",
      entityId: userId,
      context,
      data: { before: { secretariatIds: before }, after: { secretariatIds: wanted }, ...source },
    });
    return wanted;
  };
  return "$transaction" in db ? (db as Db).$transaction(run) : run(db);
}

/** The ids of the user's secretariats. */
export async function userSecretariatIds(db: Db | Tx, userId: number): Promise<number[]> {
  const rows = await db.userSecretariat.findMany({ where: { userId }, select: { secretariatId: true }, orderBy: { secretariatId: "asc" } });
  return rows.map((row) => row.secretariatId);
}

/** A secretariat by its slug or its name (accents and case aside), for `user:create --secretariat`. */
export async function findSecretariat(db: Db, codeOrName: string) {
  const wanted = codeOrName.trim();
  const all = await db.secretariat.findMany({ select: { id: true, name: true, slug: true } });
  const fold = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  return all.find((s) => s.slug === wanted.toLowerCase() || fold(s.name) === fold(wanted)) ?? null;
}
