"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { CLEARED_SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { signOutSession } from "@/lib/auth/user-sessions";
import { t } from "@/lib/i18n";

/** Signing out as a plain form post: the session row ends (for every instance) and the cookie goes. */
export const signOutAction = formAction({
  permission: "matrix:read",
  what: "cerrar sesión",
  audit: ["auth.signout"],
  temporaryPassword: "allowed",
  schema: z.object({}),
  run: async (_input, { user, sessionId, request, db }) => {
    await signOutSession(db, user, sessionId, request);
    (await cookies()).set(CLEARED_SESSION_COOKIE);
    return { message: t.security.signOut.done };
  },
});
