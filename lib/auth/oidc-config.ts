import { parseAuthEnv } from "@/lib/config";
import type { Role } from "./roles";

export interface OidcConfig {
  /** The issuer exactly as its discovery document names it (no trailing slash). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's text. */
  name: string;
  scopes: string;
  groupsClaim: string;
  groupRoles: Map<string, Role>;
  /** Directory group → secretariat slugs; empty: memberships are managed in the portal. */
  groupSecretariats: Map<string, string[]>;
  autoProvision: boolean;
  allowedDomains: string[];
  allowedGroups: string[];
}

export interface AuthConfig {
  /** Null when the portal has no directory sign-in: then it behaves exactly as without this feature. */
  oidc: OidcConfig | null;
  /** "admins-only": password sign-in is kept for the break-glass administrators only. */
  localAccounts: "all" | "admins-only";
}

export function parseAuthConfig(source?: Record<string, string | undefined>): { config: AuthConfig } | { problems: string[] } {
  const parsed = parseAuthEnv(source);
  if ("problems" in parsed) return parsed;
  const e = parsed.env;
  const oidc =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? {
          issuer: e.OIDC_ISSUER.replace(/\/+$/, ""),
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          name: e.OIDC_NAME ?? "Directorio institucional",
          scopes: e.OIDC_SCOPES ?? "openid email profile",
          groupsClaim: e.OIDC_GROUPS_CLAIM ?? "groups",
          groupRoles: e.OIDC_GROUP_ROLES,
          groupSecretariats: e.OIDC_GROUP_SECRETARIATS,
          autoProvision: e.OIDC_AUTO_PROVISION,
          allowedDomains: e.OIDC_ALLOWED_DOMAINS.map((domain) => domain.toLowerCase().replace(/^@/, "")),
          allowedGroups: e.OIDC_ALLOWED_GROUPS,
        }
      : null;
  return { config: { oidc, localAccounts: e.AUTH_LOCAL_ACCOUNTS } };
}

/** One line per problem, for the start-up check. */
export function checkAuthConfig(source?: Record<string, string | undefined>): string[] {
  const parsed = parseAuthConfig(source);
  return "problems" in parsed ? parsed.problems : [];
}

let cached: AuthConfig | undefined;
/** The sign-in configuration of this process, parsed once; a bad one throws (production refuses to start with it). */
export function authConfig(): AuthConfig {
  if (cached) return cached;
  const parsed = parseAuthConfig();
  if ("problems" in parsed) throw new Error(parsed.problems.join(" "));
  cached = parsed.config;
  return cached;
}
