"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { confirmEnrolment, disableOwnMfa, startEnrolment } from "@/lib/auth/mfa";
import { t } from "@/lib/i18n";

const codeSchema = z.object({ code: z.string({ error: t.mfa.invalidCode }).trim().min(1, t.mfa.invalidCode).max(64) });

export const startEnrolmentAction = formAction({
  permission: "matrix:read",
  what: "iniciar verificación en dos pasos",
  // Nothing is enabled until the code is confirmed: the pending secret is not an event.
  audit: null,
  schema: z.object({}),
  run: async (_input, { user, db }) => {
    await startEnrolment(db, user);
    return { message: "" };
  },
});

export const confirmEnrolmentAction = formAction<typeof codeSchema, { codes: string[] }>({
  permission: "matrix:read",
  what: "activar verificación en dos pasos",
  audit: ["auth.mfa.enrol", "auth.mfa.failure"],
  schema: codeSchema,
  run: async (input, { user, request, db }) => {
    const codes = await confirmEnrolment(db, user, input, request);
    return { message: t.mfa.enabled, data: { codes } };
  },
});

export const disableMfaAction = formAction({
  permission: "matrix:read",
  what: "desactivar verificación en dos pasos",
  audit: ["auth.mfa.disable", "auth.mfa.failure"],
  schema: codeSchema,
  run: async (input, { user, request, db }) => {
    await disableOwnMfa(db, user, input, request);
    return { message: t.mfa.disabled };
  },
});
