import type { AuthOptions } from "next-auth";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb, getPrimaryDb } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { ABSOLUTE_LIFETIME_MS, revokeUserSession } from "./session-store";

declare module "next-auth" {
  interface User {
    sessionId: string;
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    sv?: number;
  }
}

export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // The token only names a server-side session row; lib/auth/current-user.ts checks that row on every request.
  session: { strategy: "jwt", maxAge: Math.floor(ABSOLUTE_LIFETIME_MS / 1000) },
  useSecureCookies: process.env.NODE_ENV === "production" && process.env.AUTH_INSECURE_COOKIES !== "1",
  pages: { signIn: "/login", error: "/login" },
  // Into the JSON log; only the code and the error's message, never the metadata (it can carry the form).
  logger: {
    error: (code, metadata) => logger.error({ code, message: metadata instanceof Error ? metadata.message : undefined }, "next-auth error"),
    warn: (code) => logger.warn({ code }, "next-auth warning"),
    debug: () => {},
  },
  // Password sign-in is the form's server action (app/login/actions.ts), which issues next-auth's cookie itself: it
  // works without JavaScript and is the one path that applies the second factor. next-auth keeps session and sign-out.
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sid = user.sessionId;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session }) {
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.sid) return;
      await revokeUserSession(getPrimaryDb(), token.sid);
      await recordAuditEvent(getDb(), {
        action: "auth.signout",
        actor: token.sub && token.email ? { id: Number(token.sub), email: token.email } : null,
      });
    },
  },
};
