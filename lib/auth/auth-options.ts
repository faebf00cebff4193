import type { AuthOptions } from "next-auth";
import { headers } from "next/headers";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb, getPrimaryDb } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { DIRECTORY_ERROR_PREFIX, noteAuthError } from "./directory-callback-audit";
import { DIRECTORY_PROVIDER_ID, directoryProvider } from "./directory-provider";
import { authConfig } from "./oidc-config";
import { directoryClaims, signInWithDirectory, type DirectoryRefusal } from "./oidc-sign-in";
import { ABSOLUTE_LIFETIME_MS, revokeUserSession } from "./session-store";
import { env, secureCookies } from "@/lib/config";
import { requestContext } from "@/lib/http/request-context";

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

const oidc = authConfig().oidc;

/** The ?error= code /login turns into a Spanish message (lib/i18n/es/sso.ts). */
const REFUSAL_CODES: Record<DirectoryRefusal, string> = {
  "unknown-user": "desconocido",
  "not-allowed": "no-autorizado",
  disabled: "desactivado",
  "no-email": "sin-correo",
  "other-subject": "otra-cuenta",
};

export const authOptions: AuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  // The token only names a server-side session row; lib/auth/current-user.ts checks that row on every request.
  session: { strategy: "jwt", maxAge: Math.floor(ABSOLUTE_LIFETIME_MS / 1000) },
  useSecureCookies: secureCookies(),
  // Every page next-auth would render itself (in English) is one of ours instead.
  pages: { signIn: "/login", signOut: "/salir", error: "/login", verifyRequest: "/login", newUser: "/" },
  // Into the JSON log; only the code and the error's message, never the metadata (it can carry the form).
  logger: {
    error: (code, metadata) => {
      noteAuthError(metadata);
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      logger.error({ code, message: error instanceof Error ? error.message : undefined }, "next-auth error");
    },
    warn: (code) => logger.warn({ code }, "next-auth warning"),
    debug: () => {},
  },
  // Password sign-in is the form's server action (app/login/actions.ts), which issues next-auth's cookie itself: it
  // works without JavaScript and is the one path that applies the second factor. next-auth keeps the directory's
  // sign-in (OpenID Connect, whose own factors apply), the session and sign-out.
  providers: oidc ? [directoryProvider(oidc)] : [],
  callbacks: {
    /** Directory sign-ins: the ID token is verified by now; the portal decides who gets in and opens the session row. */
    async signIn({ user, account, profile }) {
      if (account?.provider !== DIRECTORY_PROVIDER_ID || !oidc) return true;
      const claims = directoryClaims((profile ?? {}) as Record<string, unknown>, oidc.groupsClaim);
      const result = await signInWithDirectory(getPrimaryDb(), oidc, claims, requestContext(await headers()), account.id_token);
      if (!result.ok) return `/login?error=${DIRECTORY_ERROR_PREFIX}${REFUSAL_CODES[result.reason]}`;
      // This object becomes the token's user (next-auth's jwt callback below): the portal's account, not the directory's subject.
      Object.assign(user, {
        id: String(result.user.id),
        email: result.user.email,
        name: result.user.name,
        sessionId: result.user.sessionId,
        sessionVersion: result.user.sessionVersion,
      });
      return true;
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.email = user.email;
        token.name = user.name;
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
