import { z } from "zod";
import { t } from "@/lib/i18n";
import { ROLES, type Role } from "./roles";

const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const flag = z
  .enum(["", "0", "1", "false", "true", "off", "on", "no", "si", "sí"])
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "on" || value === "si" || value === "sí");

/** `pmdot-admins=ADMIN,pmdot-planif=PLANNER`: directory group → portal role. */
const groupRoles = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const mapping = new Map<string, Role>();
    for (const entry of (value ?? "").split(",").map((item) => item.trim())) {
      if (!entry) continue;
      const separator = entry.lastIndexOf("=");
      const group = entry.slice(0, separator).trim();
      const role = entry.slice(separator + 1).trim();
      if (separator <= 0 || !(ROLES as readonly string[]).includes(role)) {
        ctx.addIssue({ code: "custom", message: t.sso.config.groupRoles(entry, ROLES) });
        continue;
      }
      mapping.set(group, role as Role);
    }
    return mapping;
  });

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

const envSchema = z
  .object({
    OIDC_ISSUER: optionalText.pipe(z.url({ error: t.sso.config.issuerUrl }).optional()),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_NAME: optionalText,
    OIDC_SCOPES: optionalText,
    OIDC_GROUPS_CLAIM: optionalText,
    OIDC_GROUP_ROLES: groupRoles,
    OIDC_AUTO_PROVISION: flag,
    OIDC_ALLOWED_DOMAINS: list,
    OIDC_ALLOWED_GROUPS: list,
    AUTH_LOCAL_ACCOUNTS: z.enum(["all", "admins-only"], { error: t.sso.config.localAccounts }).default("all"),
  })
  .superRefine((env, ctx) => {
    const given = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (given > 0 && given < 3) {
      ctx.addIssue({ code: "custom", message: t.sso.config.together });
    }
    if (env.OIDC_AUTO_PROVISION && env.OIDC_ALLOWED_DOMAINS.length === 0 && env.OIDC_ALLOWED_GROUPS.length === 0) {
      ctx.addIssue({
        code: "custom",
        message: t.sso.config.provisionNeedsAllowList,
      });
    }
  });

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

export function parseAuthConfig(env: Record<string, string | undefined>): { config: AuthConfig } | { problems: string[] } {
  const result = envSchema.safeParse(env);
  if (!result.success) return { problems: result.error.issues.map((issue) => t.sso.config.invalid(issue.message)) };
  const e = result.data;
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
          autoProvision: e.OIDC_AUTO_PROVISION,
          allowedDomains: e.OIDC_ALLOWED_DOMAINS.map((domain) => domain.toLowerCase().replace(/^@/, "")),
          allowedGroups: e.OIDC_ALLOWED_GROUPS,
        }
      : null;
  return { config: { oidc, localAccounts: e.AUTH_LOCAL_ACCOUNTS } };
}

/** One line per problem, for the start-up check. */
export function checkAuthConfig(env: Record<string, string | undefined>): string[] {
  const parsed = parseAuthConfig(env);
  return "problems" in parsed ? parsed.problems : [];
}

let cached: AuthConfig | undefined;
/** The sign-in configuration of this process, parsed once; a bad one throws (production refuses to start with it). */
export function authConfig(): AuthConfig {
  if (cached) return cached;
  const parsed = parseAuthConfig(process.env);
  if ("problems" in parsed) throw new Error(parsed.problems.join(" "));
  cached = parsed.config;
  return cached;
}
