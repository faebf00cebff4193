import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password-policy";
import { ROLES } from "@/lib/auth/roles";

export const emailSchema = z
  .string({ error: "Escriba el correo." })
  .trim()
  .toLowerCase()
  .min(1, "Escriba el correo.")
  .max(254, "El correo es demasiado largo.")
  .pipe(z.email({ error: "Escriba un correo válido, por ejemplo nombre@quito.gob.ec." }));

export const userNameSchema = z
  .string({ error: "Escriba el nombre." })
  .trim()
  .min(2, "Escriba el nombre completo.")
  .max(120, "El nombre no puede superar 120 caracteres.");

export const roleSchema = z.enum(ROLES, { error: "Elija un perfil válido." });

/** One schema feeds the admin form, its server action and the CLI. */
export const createUserSchema = z.object({
  email: emailSchema,
  name: userNameSchema,
  role: roleSchema,
  password: passwordSchema.optional(),
});

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Escriba su contraseña actual.").max(1_024, "La contraseña es demasiado larga."),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(1_024, "La contraseña es demasiado larga."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Las contraseñas no coinciden." });
