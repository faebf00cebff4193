"use server";

import { formAction } from "@/lib/actions/form-action";
import { getPrimaryDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import { changeOwnPasswordSchema } from "@/lib/users/user-schemas";
import { changeOwnPassword } from "@/lib/users/manage-users";

export const changeOwnPasswordAction = formAction({
  permission: "matrix:read",
  what: "cambiar contraseña propia",
  temporaryPassword: "allowed",
  schema: changeOwnPasswordSchema,
  run: async (input, { user, sessionId, request }) => {
    await changeOwnPassword(getPrimaryDb(), user, sessionId, input, request);
    return { message: t.account.passwordChanged };
  },
});
