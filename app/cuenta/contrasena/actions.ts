"use server";

import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import { changeOwnPasswordSchema } from "@/lib/users/user-schemas";
import { changeOwnPassword } from "@/lib/users/manage-users";

export const changeOwnPasswordAction = formAction({
  permission: "matrix:read",
  what: "cambiar contraseña propia",
  audit: ["auth.password.change"],
  temporaryPassword: "allowed",
  schema: changeOwnPasswordSchema,
  run: async (input, { user, sessionId, request, db }) => {
    await changeOwnPassword(db, user, sessionId, input, request);
    return { message: t.account.passwordChanged };
  },
});
