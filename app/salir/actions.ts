"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { CLEARED_SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { revokeUserSession } from "@/lib/auth/session-store";
import { getPrimaryDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";

/** Signing out as a plain form post: the session row ends (for every instance) and the cookie goes. */
export const signOutAction = formAction({
  permission: "matrix:read",
  what: "cerrar sesión",
  temporaryPassword: "allowed",
  schema: z.object({}),
  run: async (_input, { user, sessionId, request }) => {
    const db = getPrimaryDb();
    await revokeUserSession(db, sessionId);
    await recordAuditEvent(db, { action: "auth.signout", actor: user, context: request });
    (await cookies()).set(CLEARED_SESSION_COOKIE);
    return { message: t.security.signOut.done };
  },
});
