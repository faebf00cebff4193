"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { endOwnSessions } from "@/lib/auth/user-sessions";
import { t } from "@/lib/i18n";

/** Ends one of the user's other sessions (by the handle the page shows) or, with «otras», all of them. */
export const endSessionsAction = formAction({
  permission: "matrix:read",
  what: "cerrar sesiones propias",
  audit: ["auth.session.revoke"],
  schema: z.object({ handle: z.union([z.literal("otras"), z.string().regex(/^[A-Za-z0-9_-]{22}$/)]) }),
  run: async ({ handle }, { user, sessionId, request, db }) => {
    const count = await endOwnSessions(db, user, sessionId, handle === "otras" ? "others" : { handle }, request);
    return { message: t.security.sessions.ended(count) };
  },
});
