import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password-policy";
import { ROLES } from "@/lib/auth/roles";
import { t } from "@/lib/i18n";

export const emailSchema = z
  .string({ error: t.validation.users.emailRequired })
  .trim()
  .toLowerCase()
  .min(1, t.validation.users.emailRequired)
  .max(254, t.validation.users.emailLong)
  .pipe(z.email({ error: t.validation.users.emailInvalid }));

export const userNameSchema = z
  .string({ error: t.validation.form.nameRequired })
  .trim()
  .min(2, t.validation.users.nameShort)
  .max(120, t.validation.users.nameLong);

export const roleSchema = z.enum(ROLES, { error: t.validation.users.role });

/** One schema feeds the admin form, its server action and the CLI. */
export const createUserSchema = z.object({
  email: emailSchema,
  name: userNameSchema,
  role: roleSchema,
  password: passwordSchema.optional(),
});

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, t.validation.users.currentPassword).max(1_024, t.validation.users.passwordLong),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(1_024, t.validation.users.passwordLong),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: t.validation.users.passwordsDiffer });
