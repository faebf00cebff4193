import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb, getPrimaryDb } from "@/lib/db/client";
import { requestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/logger";
import { ABSOLUTE_LIFETIME_MS, revokeUserSession } from "./session-store";
import { signIn } from "./sign-in";
import { SIGN_IN_LOCKED } from "./sign-in-errors";

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
  // Every page next-auth would render itself (in English) is one of ours instead.
  pages: { signIn: "/login", signOut: "/salir", error: "/login", verifyRequest: "/login", newUser: "/" },
  // Into the JSON log; only the code and the error's message, never the metadata (it can carry the form).
  logger: {
    error: (code, metadata) => logger.error({ code, message: metadata instanceof Error ? metadata.message : undefined }, "next-auth error"),
    warn: (code) => logger.warn({ code }, "next-auth warning"),
    debug: () => {},
  },
  providers: [
    CredentialsProvider({
      name: "Correo institucional",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await signIn(getPrimaryDb(), credentials, requestContext(req?.headers));
        if (!result.ok) {
          if (result.reason === "locked") throw new Error(SIGN_IN_LOCKED);
          return null;
        }
        const { user } = result;
        return { id: String(user.id), email: user.email, name: user.name, sessionId: user.sessionId, sessionVersion: user.sessionVersion };
      },
    }),
  ],
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
