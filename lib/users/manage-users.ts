import { setUserSecretariats } from "@/lib/accountability/memberships";
import { addDays, dayToDate, todayInQuito } from "@/lib/tracking/days";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent, recordRepeatedFailure } from "@/lib/audit/record-event";
import { generatePassword } from "@/lib/auth/generate-password";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { passwordProblem } from "@/lib/auth/password-policy";
import { passwordChangeKeys, refundAttempt, reserveAttempt } from "@/lib/auth/throttle";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";

export interface Actor {
  id: number;
  email: string;
}

function checkPassword(password: string, user: { email: string; name: string }, field = "password") {
  const problem = passwordProblem(password, user);
  if (problem) throw new ActionError(problem, field);
}

/** Creates a user; without a password, a random one is generated and returned once. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; role: Role; password?: string; isDemo?: boolean; secretariatIds?: number[] },
  actor: Actor | null,
  context?: RequestContext,
) {
  const password = input.password ?? generatePassword();
  checkPassword(password, input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw new ActionError(t.refusals.emailTaken, "email");
    }
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        isDemo: input.isDemo ?? false,
        mustChangePassword: input.password === undefined,
        passwordChangedAt: new Date(),
      },
    });
    await recordAuditEvent(tx, {
      action: "user.create",
      actor,
      entityType: "User",
      entityId: user.id,
      context,
      data: { after: { email: user.email, name: user.name, role: user.role } },
    });
    if (input.secretariatIds?.length) await setUserSecretariats(tx, user.id, input.secretariatIds, actor, context);
    return { user, generatedPassword: input.password === undefined ? password : null };
  });
}

/**
 * Changes role or active flag. Either ends the user's open sessions at once
 * (session version bump), since their rights changed.
 */
export async function updateUser(
  db: Db,
  userId: number,
  change: { role?: Role; active?: boolean },
  actor: Actor,
  context?: RequestContext,
) {
  if (userId === actor.id && (change.active === false || (change.role && change.role !== "ADMIN"))) {
    throw new ActionError(t.refusals.selfDemotion);
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new ActionError(t.refusals.userMissing);
    const user = await tx.user.update({
      where: { id: userId },
      data: { ...change, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      action: "user.update",
      actor,
      entityType: "User",
      entityId: userId,
      context,
      data: { before: { role: before.role, active: before.active }, after: { role: user.role, active: user.active } },
    });
    return user;
  });
}

/** Sets a new one-time password (shown once to the admin) and ends the user's sessions. */
export async function resetPassword(db: Db, userId: number, actor: Actor | null, context?: RequestContext) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new ActionError(t.refusals.userMissing);
    await tx.user.update({
      where: { id: userId },
      data: {
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: new Date(),
        sessionVersion: { increment: 1 },
        version: { increment: 1 },
      },
    });
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { action: "user.password.reset", actor, entityType: "User", entityId: userId, context });
  });
  return password;
}

/** A user's own change: the current password must match; other sessions end, this one goes on. */
export async function changeOwnPassword(
  db: Db,
  user: { id: number; email: string; name: string },
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
  context?: RequestContext,
) {
  // Someone holding a stolen session must not get unlimited guesses at the password behind it.
  const keys = passwordChangeKeys(user.id);
  const reservation = await reserveAttempt(db, keys);
  const failure = (reason: string) =>
    recordRepeatedFailure(db, {
      action: "auth.password.failure",
      actor: user,
      entityType: "User",
      entityId: user.id,
      context,
      data: { reason },
    });
  if (reservation.locked) {
    await failure("locked");
    throw new ActionError(t.auth.locked, "currentPassword");
  }
  const stored = await db.user.findUnique({ where: { id: user.id } });
  if (!stored || !(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    await failure("wrong-current-password");
    const lockedNow = reservation.lockedKeys.length > 0;
    if (lockedNow) {
      await recordAuditEvent(db, {
        action: "auth.lockout",
        actor: user,
        entityType: "User",
        entityId: user.id,
        context,
        data: { scope: "password-change" },
      });
    }
    throw new ActionError(lockedNow ? t.auth.locked : t.refusals.wrongCurrentPassword, "currentPassword");
  }
  await refundAttempt(db, keys, reservation);
  checkPassword(input.newPassword, user, "newPassword");
  if (input.newPassword === input.currentPassword) throw new ActionError(t.refusals.samePassword, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), version: { increment: 1 } },
    });
    await tx.userSession.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: currentSessionId } },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(tx, { action: "auth.password.change", actor: user, entityType: "User", entityId: user.id, context });
  });
}

const DEMO_USERS: { email: string; name: string; role: Role; secretariat?: string }[] = [
  { email: "admin.demo@quito.gob.ec", name: "Administración (demo)", role: "ADMIN" },
  { email: "planificacion.demo@quito.gob.ec", name: "Planificación (demo)", role: "PLANNER" },
  { email: "reporte.salud.demo@quito.gob.ec", name: "Reporte de Salud (demo)", role: "REPORTER", secretariat: "salud" },
  { email: "consulta.demo@quito.gob.ec", name: "Consulta (demo)", role: "VIEWER" },
];

/** So that accountability shows on a fresh `npm run dev`: Salud leads the first initiatives of 1.1, and one period is open. */
async function seedDemoAccountability(db: Db) {
  const salud = await db.secretariat.findUnique({ where: { slug: "salud" } });
  if (!salud) return;
  if ((await db.initiative.count({ where: { leadSecretariatId: { not: null } } })) === 0) {
    const first = await db.initiative.findMany({ where: { managementObjective: { code: "1.1" } }, orderBy: { position: "asc" }, take: 3 });
    await db.initiative.updateMany({ where: { id: { in: first.map((i) => i.id) } }, data: { leadSecretariatId: salud.id } });
  }
  if ((await db.reportingPeriod.count()) === 0) {
    const today = todayInQuito();
    await db.reportingPeriod.create({
      data: {
        name: t.accountability.demoPeriod(today.slice(0, 4)),
        startsOn: dayToDate(addDays(today, -80)),
        endsOn: dayToDate(addDays(today, 10)),
        dueOn: dayToDate(addDays(today, 20)),
      },
    });
  }
  return salud.id;
}

/** For `npm run dev` on an empty user table: one account per role, with random passwords to print. */
export async function createDemoUsersIfNone(db: Db) {
  if ((await db.user.count()) > 0) return [];
  const created = [];
  const saludId = await seedDemoAccountability(db);
  for (const { secretariat, ...demo } of DEMO_USERS) {
    const password = generatePassword();
    await createUser(db, { ...demo, password, isDemo: true, secretariatIds: secretariat && saludId ? [saludId] : [] }, null);
    created.push({ ...demo, password });
  }
  return created;
}
