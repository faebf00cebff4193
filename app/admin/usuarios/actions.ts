"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import { createUserSchema, roleSchema } from "@/lib/users/user-schemas";
import { createUser, resetPassword, updateUser } from "@/lib/users/manage-users";
import { resetMfa } from "@/lib/auth/mfa";
import { setRequireMfaForAll } from "@/lib/settings/portal-settings";

const PATH = "/admin/usuarios";
const userId = z.coerce.number({ error: t.users.invalidUser }).int().positive();

export const createUserAction = formAction({
  permission: "users:manage",
  what: "crear usuario",
  // The admin never types the first password: a one-time one is generated and shown once.
  schema: createUserSchema.omit({ password: true }),
  run: async (input, { user, request }) => {
    const { user: created, generatedPassword } = await createUser(getDb(), input, user, request);
    revalidatePath(PATH);
    return { message: t.users.created(created.email), data: { email: created.email, password: generatedPassword ?? "" } };
  },
});

export const changeRoleAction = formAction({
  permission: "users:manage",
  what: "cambiar perfil de usuario",
  schema: z.object({ userId, role: roleSchema }),
  run: async ({ userId, role }, { user, request }) => {
    const updated = await updateUser(getDb(), userId, { role }, user, request);
    revalidatePath(PATH);
    return { message: t.users.roleChanged(updated.email) };
  },
});

export const setActiveAction = formAction({
  permission: "users:manage",
  what: "activar o desactivar usuario",
  schema: z.object({ userId, active: z.enum(["true", "false"]).transform((v) => v === "true") }),
  run: async ({ userId, active }, { user, request }) => {
    const updated = await updateUser(getDb(), userId, { active }, user, request);
    revalidatePath(PATH);
    return { message: active ? t.users.reactivated(updated.email) : t.users.deactivated(updated.email) };
  },
});

export const resetPasswordAction = formAction({
  permission: "users:manage",
  what: "restablecer contraseña",
  schema: z.object({ userId }),
  run: async ({ userId }, { user, request }) => {
    const password = await resetPassword(getDb(), userId, user, request);
    revalidatePath(PATH);
    return { message: t.users.passwordReset, data: { email: "", password } };
  },
});

export const resetMfaAction = formAction({
  permission: "users:manage",
  what: "restablecer verificación en dos pasos",
  schema: z.object({ userId }),
  run: async ({ userId }, { user, request }) => {
    const target = await resetMfa(getDb(), userId, user, request);
    revalidatePath(PATH);
    return { message: t.mfa.resetDone(target.email) };
  },
});

export const setRequireMfaForAllAction = formAction({
  permission: "users:manage",
  what: "exigir verificación en dos pasos a todos",
  // An unticked checkbox sends nothing.
  schema: z.object({ requireMfaForAll: z.literal("on").optional() }),
  run: async ({ requireMfaForAll }, { user, request }) => {
    await setRequireMfaForAll(getDb(), requireMfaForAll === "on", user, request);
    revalidatePath(PATH);
    return { message: t.mfa.settingSaved(requireMfaForAll === "on") };
  },
});
