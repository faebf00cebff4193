import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { t } from "@/lib/i18n";

const wholeNumber = (name: string, example: string) =>
  z.string().regex(/^\d+$/, `${name} debe ser un número entero, p. ej. ${example}`).optional();
const atLeastOne = (name: string, example: string) =>
  z
    .string()
    .regex(/^[1-9]\d*$/, `${name} debe ser un número entero mayor que cero, p. ej. ${example}`)
    .optional();

/**
 * The secret's empirical entropy: length × Shannon entropy of its characters. A
 * random 32-character base64 or hex secret scores about 110 to 140 bits; 32 × «a»
 * scores 0 and «abcd» repeated 64.
 */
export function secretEntropyBits(secret: string): number {
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const char of chars) counts.set(char, (counts.get(char) ?? 0) + 1);
  let perChar = 0;
  for (const count of counts.values()) {
    const p = count / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}
// Below the lowest score of 2,000 random 32-character hex secrets (99 bits), above «abcd» × 8.
const MIN_SECRET_ENTROPY_BITS = 80;

/** «abcdefgh» × 4 scores 96 bits but is one block repeated. */
function isRepetition(secret: string): boolean {
  for (let period = 1; period <= secret.length / 2; period++) {
    if (secret.length % period === 0 && secret.slice(0, period).repeat(secret.length / period) === secret) return true;
  }
  return false;
}

/** What a production instance needs from its environment, checked once at start-up. */
export const productionConfigSchema = z.object({
  PORT: atLeastOne("PORT", "3000"),
  WEB_CONCURRENCY: atLeastOne("WEB_CONCURRENCY", "2"),
  DATABASE_POOL_SIZE: atLeastOne("DATABASE_POOL_SIZE", "10"),
  DATABASE_REPLICA_MAX_LAG_SECONDS: atLeastOne("DATABASE_REPLICA_MAX_LAG_SECONDS", "10"),
  SHUTDOWN_DRAIN_SECONDS: wholeNumber("SHUTDOWN_DRAIN_SECONDS", "2"),
  SHUTDOWN_GRACE_SECONDS: wholeNumber("SHUTDOWN_GRACE_SECONDS", "25"),
  TRUSTED_PROXY_HOPS: wholeNumber("TRUSTED_PROXY_HOPS", "1"),
  DATABASE_URL: z
    .string({ error: "falta DATABASE_URL (cadena de conexión a PostgreSQL)" })
    .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "DATABASE_URL debe ser una URL postgresql://…"),
  DATABASE_REPLICA_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "DATABASE_REPLICA_URL debe ser una URL postgresql://…")
    .optional(),
  NEXTAUTH_SECRET: z
    .string({ error: "falta NEXTAUTH_SECRET (genere uno con: openssl rand -base64 48)" })
    .min(32, "NEXTAUTH_SECRET es demasiado corto: use al menos 32 caracteres aleatorios (openssl rand -base64 48)")
    .refine(
      (v) => secretEntropyBits(v) >= MIN_SECRET_ENTROPY_BITS && !isRepetition(v),
      "NEXTAUTH_SECRET es predecible (caracteres repetidos o patrones): genere uno aleatorio con openssl rand -base64 48",
    ),
  NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL debe ser la URL pública del portal, p. ej. https://pmdot.quito.gob.ec" }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "SMTP_URL debe ser una URL smtp://… o smtps://…, p. ej. smtp://usuario:clave@smtp.quito.gob.ec:587")
    .optional(),
  REMINDER_DAYS_BEFORE: wholeNumber("REMINDER_DAYS_BEFORE", "7"),
});

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1");
const count = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? fallback : Number(v)))
    .pipe(
      z
        .number({ error: `${name} debe ser un número` })
        .int(`${name} debe ser un número entero`)
        .min(0, `${name} no puede ser negativo`),
    );
const text = z
  .string()
  .optional()
  .transform((v) => v || undefined);

/**
 * Every variable the portal reads, with its default, in one place. Scripts and
 * tests may set a variable after this module is loaded (the embedded database
 * sets DATABASE_URL, the production server PMDOT_PORTAL_SERVER), so each
 * property is read from process.env when used, through this schema.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).catch("development"),
  DATABASE_URL: text,
  DATABASE_REPLICA_URL: text,
  DATABASE_POOL_SIZE: count("DATABASE_POOL_SIZE", 10),
  DATABASE_REPLICA_MAX_LAG_SECONDS: count("DATABASE_REPLICA_MAX_LAG_SECONDS", 10),
  EMBEDDED_PG_DIR: text,
  EMBEDDED_PG_PORT: count("EMBEDDED_PG_PORT", 54329),
  /** "1": fail rather than make the folders above the data directory traversable. */
  EMBEDDED_PG_NO_CHMOD: flag,
  NEXTAUTH_SECRET: text,
  NEXTAUTH_URL: text,
  /** "1": session cookies without Secure in production, for a plain-HTTP test install. */
  AUTH_INSECURE_COOKIES: flag,
  SESSION_IDLE_MINUTES: count("SESSION_IDLE_MINUTES", 30),
  SESSION_MAX_HOURS: count("SESSION_MAX_HOURS", 12),
  TRUSTED_PROXY_HOPS: count("TRUSTED_PROXY_HOPS", 0),
  /** Set by server/portal-server.ts: requests come through it, which writes the client's address. */
  PMDOT_PORTAL_SERVER: flag,
  LOG_LEVEL: text,
  /** Where `npm run` was started (npm runs scripts from the project root): a command resolves the paths it is given from here. */
  INIT_CWD: z
    .string()
    .optional()
    .transform((v) => v || process.cwd()),
  PORT: count("PORT", 3000),
  /** Not HOSTNAME: containers set it to their own name. */
  HOST: z
    .string()
    .optional()
    .transform((v) => v || "0.0.0.0"),
  WEB_CONCURRENCY: count("WEB_CONCURRENCY", 1),
  SHUTDOWN_DRAIN_SECONDS: count("SHUTDOWN_DRAIN_SECONDS", 2),
  SHUTDOWN_GRACE_SECONDS: count("SHUTDOWN_GRACE_SECONDS", 25),
  /** smtp://user:pass@host:587 or smtps://…; without it no e-mail is sent (in-app notifications still are). */
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .regex(/^smtps?:\/\/.+/, "SMTP_URL debe ser una URL smtp://… o smtps://…")
        .optional(),
    ),
  /** The sender of every e-mail, e.g. «Matriz PMDOT <pmdot@quito.gob.ec>». */
  MAIL_FROM: z
    .string()
    .optional()
    .transform((v) => v || "Matriz PMDOT <no-responder@localhost>"),
  /** Days before a period's due date when its reporters are reminded. */
  REMINDER_DAYS_BEFORE: count("REMINDER_DAYS_BEFORE", 7),
  /** "1": this instance runs no background jobs (reminders, e-mail); others on the same database do. */
  JOBS_DISABLED: flag,
});
export type Env = z.output<typeof envSchema>;

/** Thrown for a variable whose value cannot be used, naming it. */
export class ConfigError extends Error {}

function read<K extends keyof Env>(key: K): Env[K] {
  const result = envSchema.shape[key].safeParse(process.env[key]);
  if (!result.success) throw new ConfigError(`Configuración inválida: ${result.error.issues[0]?.message ?? key}.`);
  return result.data as Env[K];
}

/** The typed environment: `env.PORT` is a number with its default, `env.AUTH_INSECURE_COOKIES` a boolean. Server code only. */
export const env: Readonly<Env> = Object.defineProperties(
  {},
  Object.fromEntries(Object.keys(envSchema.shape).map((key) => [key, { enumerable: true, get: () => read(key as keyof Env) }])),
) as Env;

/** Session and write cookies are Secure in production, unless AUTH_INSECURE_COOKIES=1. */
export const secureCookies = () => env.NODE_ENV === "production" && !env.AUTH_INSECURE_COOKIES;

/** One line per problem, ready for the console. */
export function checkProductionConfig(source: Record<string, string | undefined> = process.env): string[] {
  const result = productionConfigSchema.safeParse(source);
  return result.success ? [] : result.error.issues.map((issue) => `Configuración inválida: ${issue.message}.`);
}

const oidcList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const oidcFlag = z
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

/** `pmdot-salud=salud,pmdot-movilidad=movilidad`: directory group → secretariat (its slug); a group may name several. */
const groupSecretariats = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const mapping = new Map<string, string[]>();
    for (const entry of (value ?? "").split(",").map((item) => item.trim())) {
      if (!entry) continue;
      const separator = entry.lastIndexOf("=");
      const group = entry.slice(0, separator).trim();
      const slug = entry
        .slice(separator + 1)
        .trim()
        .toLowerCase();
      if (separator <= 0 || !/^[a-z0-9-]+$/.test(slug)) {
        ctx.addIssue({ code: "custom", message: t.sso.config.groupSecretariats(entry) });
        continue;
      }
      mapping.set(group, [...(mapping.get(group) ?? []), slug]);
    }
    return mapping;
  });

const oidcText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

/**
 * The directory sign-in (OIDC) variables: all optional; OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together
 * turn it on (defaults in lib/auth/oidc-config.ts: name «Directorio institucional», scopes «openid email profile»,
 * groups claim «groups»). Parsed as a whole because the variables constrain one another.
 */
const authEnvSchema = z
  .object({
    OIDC_ISSUER: oidcText.pipe(z.url({ error: t.sso.config.issuerUrl }).optional()),
    OIDC_CLIENT_ID: oidcText,
    OIDC_CLIENT_SECRET: oidcText,
    OIDC_NAME: oidcText,
    OIDC_SCOPES: oidcText,
    OIDC_GROUPS_CLAIM: oidcText,
    OIDC_GROUP_ROLES: groupRoles,
    OIDC_GROUP_SECRETARIATS: groupSecretariats,
    OIDC_AUTO_PROVISION: oidcFlag,
    OIDC_ALLOWED_DOMAINS: oidcList,
    OIDC_ALLOWED_GROUPS: oidcList,
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
export type AuthEnv = z.output<typeof authEnvSchema>;

/** The sign-in variables of `source` (this process's by default), or one Spanish line per problem. */
export function parseAuthEnv(source: Record<string, string | undefined> = process.env): { env: AuthEnv } | { problems: string[] } {
  const result = authEnvSchema.safeParse(source);
  return result.success ? { env: result.data } : { problems: result.error.issues.map((issue) => t.sso.config.invalid(issue.message)) };
}
