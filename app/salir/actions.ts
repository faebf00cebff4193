"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { CLEARED_SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { signOutAndLeave } from "@/lib/auth/user-sessions";
import { t } from "@/lib/i18n";

/**
 * Signing out as a plain form post: the session row ends (for every instance) and the cookie goes. From the menu the
 * browser then goes to the sign-in page; a directory session, from anywhere, goes on to the directory's logout.
 */
export const signOutAction = formAction({
  permission: "matrix:read",
  what: "cerrar sesión",
  audit: ["auth.signout"],
  temporaryPassword: "allowed",
  schema: z.object({ desde: z.enum(["menu"]).optional() }),
  run: async ({ desde }, { user, sessionId, request, db }) => {
    const next = await signOutAndLeave(db, user, sessionId, request);
    (await cookies()).set(CLEARED_SESSION_COOKIE);
    const redirectTo = desde === "menu" || next !== "/login" ? next : undefined;
    return { message: t.security.signOut.done, redirectTo };
  },
});
