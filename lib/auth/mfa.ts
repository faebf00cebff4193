import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { env } from "@/lib/config";
import { t } from "@/lib/i18n";
import { readPortalSettings } from "@/lib/settings/portal-settings";
import { openTotpSecret, sealTotpSecret } from "./mfa-secret-box";
import { hashPassword, verifyPassword } from "./password-hash";
import { generateRecoveryCodes, normalizeRecoveryCode, normalizeTotpCode } from "./recovery-codes";
import type { Role } from "./roles";
import { refundAttempt, reserveAttempt, type ThrottleKey } from "./throttle";
import { ACCOUNT_RULE } from "./throttle-rules";
import { checkTotp, newTotpSecret, totpQrSvg, totpUri } from "./totp";

/**
 * Second-factor codes are guessed like passwords, so they are counted like
 * them (ASVS 6.3.3 with 6.1.1): five failures lock the factor for 15 minutes.
 * Only someone who already knows the password gets this far, so the counter
 * is the account's alone.
 */
export const secondFactorKeys = (userId: number): ThrottleKey[] => [{ key: `mfa:${userId}`, rule: ACCOUNT_RULE, resetOnSuccess: true }];

type Tx = Db | Prisma.TransactionClient;
interface MfaUser {
  id: number;
  email: string;
}

/** Administration always signs in with a second factor; the others when an administrator requires it for everyone. */
export async function mfaRequired(db: Tx, role: Role): Promise<boolean> {
  return role === "ADMIN" || (await readPortalSettings(db)).requireMfaForAll;
}

export interface MfaStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  required: boolean;
}

export async function mfaStatus(db: Db, user: { id: number; role: Role }): Promise<MfaStatus> {
  const [credential, recoveryCodesLeft, required] = await Promise.all([
    db.mfaCredential.findUnique({ where: { userId: user.id } }),
    db.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } }),
    mfaRequired(db, user.role),
  ]);
  return { enabled: !!credential?.confirmedAt, enabledAt: credential?.confirmedAt ?? null, recoveryCodesLeft, required };
}

/** Whether the account has a confirmed second factor. */
export async function hasMfa(db: Tx, userId: number): Promise<boolean> {
  return !!(await db.mfaCredential.findUnique({ where: { userId }, select: { confirmedAt: true } }))?.confirmedAt;
}

export interface PendingEnrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/**
 * Starts (or restarts) an enrolment: a new secret, kept encrypted and unused
 * until a code from it confirms it. Refused while a confirmed one exists.
 */
export async function startEnrolment(db: Db, user: MfaUser): Promise<void> {
  const secretEncrypted = sealTotpSecret(newTotpSecret(), user.id);
  await db.$transaction(async (tx) => {
    if (await hasMfa(tx, user.id)) throw new ActionError(t.mfa.alreadyEnabled);
    await tx.mfaCredential.upsert({
      where: { userId: user.id },
      create: { userId: user.id, secretEncrypted },
      update: { secretEncrypted, lastTimeStep: null, createdAt: new Date() },
    });
  });
}

/** The enrolment awaiting its first code, with what the authenticator app needs; null when there is none. */
export async function pendingEnrolment(db: Db, user: MfaUser): Promise<PendingEnrolment | null> {
  const credential = await db.mfaCredential.findUnique({ where: { userId: user.id } });
  if (!credential || credential.confirmedAt) return null;
  const secret = openTotpSecret(credential.secretEncrypted, user.id);
  if (!secret) return null;
  const uri = totpUri(user.email, secret);
  return { secret, uri, qrSvg: await totpQrSvg(uri) };
}

/** Counts the attempt, runs the check, gives the count back on success; a lock is audited when this attempt caused it. */
async function throttled<T>(
  db: Db,
  user: MfaUser,
  context: RequestContext | undefined,
  field: string,
  check: () => Promise<T | null>,
): Promise<T> {
  const keys = secondFactorKeys(user.id);
  const reservation = await reserveAttempt(db, keys);
  if (reservation.locked) {
    await recordAuditEvent(db, { action: "auth.mfa.failure", actor: user, context, data: { reason: "locked" } });
    throw new ActionError(t.mfa.locked, field);
  }
  const result = await check();
  if (result === null) {
    await recordAuditEvent(db, { action: "auth.mfa.failure", actor: user, context, data: { reason: "code" } });
    if (reservation.lockedKeys.length > 0) {
      await recordAuditEvent(db, { action: "auth.lockout", actor: user, context, data: { factor: "mfa" } });
      throw new ActionError(t.mfa.locked, field);
    }
    throw new ActionError(t.mfa.invalidCode, field);
  }
  await refundAttempt(db, keys, reservation);
  return result;
}

/** Accepts a TOTP code once: the step is stored only if it is newer than the last one, so two requests cannot share a code. */
async function acceptTotp(db: Tx, userId: number, code: string, confirmed: boolean): Promise<boolean> {
  const credential = await db.mfaCredential.findUnique({ where: { userId } });
  if (!credential || !!credential.confirmedAt !== confirmed) return false;
  const secret = openTotpSecret(credential.secretEncrypted, userId);
  if (!secret) return false;
  const result = await checkTotp(secret, code, credential.lastTimeStep);
  if (!result.valid) return false;
  const stored = await db.mfaCredential.updateMany({
    where: { userId, OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: result.timeStep } }] },
    data: { lastTimeStep: result.timeStep },
  });
  return stored.count === 1;
}

/** Ten new recovery codes and the hashes that are all the database keeps of them. */
async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = generateRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashPassword(normalizeRecoveryCode(code)!)));
  return { codes, hashes };
}

/**
 * Confirms the enrolment with a first code from the app and returns the
 * recovery codes, to be shown once. Throttled and audited like a sign-in.
 */
export async function confirmEnrolment(db: Db, user: MfaUser, input: { code: string }, context?: RequestContext): Promise<string[]> {
  const code = normalizeTotpCode(input.code);
  await throttled(db, user, context, "code", async () => (code && (await acceptTotp(db, user.id, code, false)) ? true : null));
  const { codes, hashes } = await newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const confirmed = await tx.mfaCredential.updateMany({
      where: { userId: user.id, confirmedAt: null },
      data: { confirmedAt: new Date() },
    });
    if (confirmed.count !== 1) throw new ActionError(t.mfa.alreadyEnabled);
    await tx.mfaRecoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.mfaRecoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: user.id, codeHash })) });
    await recordAuditEvent(tx, { action: "auth.mfa.enrol", actor: user, entityType: "User", entityId: user.id, context });
  });
  return codes;
}

export type SecondFactorMethod = "totp" | "recovery";

/**
 * The second step of a password sign-in: a code from the app, or one of the
 * recovery codes (spent on use). Throws an ActionError (Spanish) on failure.
 */
export async function verifySecondFactor(
  db: Db,
  user: MfaUser,
  input: { code: string },
  context?: RequestContext,
): Promise<SecondFactorMethod> {
  const totp = normalizeTotpCode(input.code);
  const recovery = totp ? null : normalizeRecoveryCode(input.code);
  const method = await throttled(db, user, context, "code", async (): Promise<SecondFactorMethod | null> => {
    if (totp) return (await acceptTotp(db, user.id, totp, true)) ? "totp" : null;
    if (!recovery || !(await hasMfa(db, user.id))) return null;
    const unused = await db.mfaRecoveryCode.findMany({ where: { userId: user.id, usedAt: null }, orderBy: { id: "asc" } });
    for (const row of unused) {
      if (!(await verifyPassword(row.codeHash, recovery))) continue;
      // Spent in one statement: two requests with the same code cannot both succeed.
      const spent = await db.mfaRecoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
      return spent.count === 1 ? "recovery" : null;
    }
    return null;
  });
  if (method === "recovery") {
    const left = await db.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await recordAuditEvent(db, {
      action: "auth.mfa.recovery",
      actor: user,
      entityType: "User",
      entityId: user.id,
      context,
      data: { left },
    });
  }
  return method;
}

/** The user turns the factor off, proving possession with a current code; refused where it is required. */
export async function disableOwnMfa(db: Db, user: MfaUser & { role: Role }, input: { code: string }, context?: RequestContext) {
  if (await mfaRequired(db, user.role)) throw new ActionError(t.mfa.requiredCannotDisable);
  await verifySecondFactor(db, user, input, context);
  await db.$transaction(async (tx) => {
    await tx.mfaCredential.deleteMany({ where: { userId: user.id } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(tx, { action: "auth.mfa.disable", actor: user, entityType: "User", entityId: user.id, context });
  });
}

/**
 * Another administrator removes a user's second factor (a lost phone and
 * codes): the user's sessions end, and where the factor is required the next
 * sign-in enrols a new one.
 */
export async function resetMfa(db: Db, userId: number, actor: MfaUser, context?: RequestContext) {
  if (userId === actor.id) throw new ActionError(t.mfa.resetSelf);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new ActionError(t.refusals.userMissing);
    const removed = await tx.mfaCredential.deleteMany({ where: { userId } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
    if (removed.count === 0) throw new ActionError(t.mfa.resetNothing);
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 }, version: { increment: 1 } } });
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { action: "user.mfa.reset", actor, entityType: "User", entityId: userId, context });
    return user;
  });
}

/**
 * Enrols a known secret at once, without recovery codes: for the browser
 * tests' administrator, whose codes the tests compute. Never reached from the UI.
 */
export async function enrolKnownSecret(db: Db, userId: number, secret: string, authSecret = env.NEXTAUTH_SECRET) {
  const secretEncrypted = sealTotpSecret(secret, userId, authSecret);
  await db.mfaCredential.upsert({
    where: { userId },
    create: { userId, secretEncrypted, confirmedAt: new Date() },
    update: { secretEncrypted, confirmedAt: new Date(), lastTimeStep: null },
  });
}
