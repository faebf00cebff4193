"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { confirmEnrolment, disableOwnMfa, startEnrolment } from "@/lib/auth/mfa";
import { getPrimaryDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";

const PATH = "/cuenta/seguridad";
const codeSchema = z.object({ code: z.string({ error: t.mfa.invalidCode }).trim().min(1, t.mfa.invalidCode).max(64) });

export const startEnrolmentAction = formAction({
  permission: "matrix:read",
  what: "iniciar verificación en dos pasos",
  schema: z.object({}),
  run: async (_input, { user }) => {
    await startEnrolment(getPrimaryDb(), user);
    revalidatePath(PATH);
    return { message: "" };
  },
});

export const confirmEnrolmentAction = formAction<typeof codeSchema, { codes: string[] }>({
  permission: "matrix:read",
  what: "activar verificación en dos pasos",
  schema: codeSchema,
  run: async (input, { user, request }) => {
    const codes = await confirmEnrolment(getPrimaryDb(), user, input, request);
    revalidatePath(PATH);
    return { message: t.mfa.enabled, data: { codes } };
  },
});

export const disableMfaAction = formAction({
  permission: "matrix:read",
  what: "desactivar verificación en dos pasos",
  schema: codeSchema,
  run: async (input, { user, request }) => {
    await disableOwnMfa(getPrimaryDb(), user, input, request);
    revalidatePath(PATH);
    return { message: t.mfa.disabled };
  },
});
