"use server";

import { z } from "zod";
import { setUserSecretariats } from "@/lib/accountability/memberships";
import { userSecretariatsSchema } from "@/lib/accountability/schemas";
import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { createUserSchema, roleSchema } from "@/lib/users/user-schemas";
import { createUser, resetPassword, updateUser } from "@/lib/users/manage-users";
import { resetMfa } from "@/lib/auth/mfa";
import { setRequireMfaForAll } from "@/lib/settings/portal-settings";

const userId = z.coerce.number({ error: t.users.invalidUser }).int().positive();

export const createUserAction = formAction({
  permission: "users:manage",
  what: "crear usuario",
  audit: ["user.create"],
  // The admin never types the first password: a one-time one is generated and shown once.
  schema: createUserSchema.omit({ password: true }),
  run: async (input, { user, request, db }) => {
    const { user: created, generatedPassword } = await createUser(db, input, user, request);
    return { message: t.users.created(created.email), data: { email: created.email, password: generatedPassword ?? "" } };
  },
});

export const changeRoleAction = formAction({
  permission: "users:manage",
  what: "cambiar perfil de usuario",
  audit: ["user.update"],
  schema: z.object({ userId, role: roleSchema }),
  run: async ({ userId, role }, { user, request, db }) => {
    const updated = await updateUser(db, userId, { role }, user, request);
    return { message: t.users.roleChanged(updated.email) };
  },
});

export const setActiveAction = formAction({
  permission: "users:manage",
  what: "activar o desactivar usuario",
  audit: ["user.update"],
  schema: z.object({ userId, active: z.enum(["true", "false"]).transform((v) => v === "true") }),
  run: async ({ userId, active }, { user, request, db }) => {
    const updated = await updateUser(db, userId, { active }, user, request);
    return { message: active ? t.users.reactivated(updated.email) : t.users.deactivated(updated.email) };
  },
});

export const resetPasswordAction = formAction({
  permission: "users:manage",
  what: "restablecer contraseña",
  audit: ["user.password.reset"],
  schema: z.object({ userId }),
  run: async ({ userId }, { user, request, db }) => {
    const password = await resetPassword(db, userId, user, request);
    return { message: t.users.passwordReset, data: { email: "", password } };
  },
});

export const resetMfaAction = formAction({
  permission: "users:manage",
  what: "restablecer verificación en dos pasos",
  audit: ["user.mfa.reset"],
  schema: z.object({ userId }),
  run: async ({ userId }, { user, request, db }) => {
    const target = await resetMfa(db, userId, user, request);
    return { message: t.mfa.resetDone(target.email) };
  },
});

export const setRequireMfaForAllAction = formAction({
  permission: "users:manage",
  what: "exigir verificación en dos pasos a todos",
  // An unticked checkbox sends nothing.
  audit: ["settings.update"],
  schema: z.object({ requireMfaForAll: z.literal("on").optional() }),
  run: async ({ requireMfaForAll }, { user, request, db }) => {
    await setRequireMfaForAll(db, requireMfaForAll === "on", user, request);
    return { message: t.mfa.settingSaved(requireMfaForAll === "on") };
  },
});

export const setSecretariatsAction = formAction({
  permission: "users:manage",
  what: "asignar secretarías a un usuario",
  audit: ["user.secretariats.update"],
  schema: userSecretariatsSchema,
  run: async ({ userId, secretariatIds }, { user, request, db }) => {
    await setUserSecretariats(db, userId, secretariatIds, user, request);
    const target = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    return { message: t.accountability.secretariatsSaved(target.email) };
  },
});
