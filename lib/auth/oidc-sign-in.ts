import { setUserSecretariats } from "@/lib/accountability/memberships";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { env } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import type { OidcConfig } from "./oidc-config";
import { ROLES, type Role } from "./roles";
import { sealSecret } from "./secret-box";
import { createUserSession } from "./session-store";

/** What the portal uses of a verified ID token. */
export interface DirectoryClaims {
  subject: string;
  email: string | null;
  /** False only when the directory says the address is not verified; many (Entra ID) do not say. */
  emailVerified: boolean;
  name: string | null;
  groups: string[];
}

export function directoryClaims(raw: Record<string, unknown>, groupsClaim: string): DirectoryClaims {
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
  const groups = raw[groupsClaim];
  return {
    subject: String(raw.sub ?? ""),
    // Only the email claim: preferred_username and upn are not verified addresses (Entra ID needs the optional email claim).
    email: text(raw.email)?.toLowerCase() ?? null,
    emailVerified: raw.email_verified !== false && raw.email_verified !== "false",
    name: text(raw.name) ?? ([text(raw.given_name), text(raw.family_name)].filter(Boolean).join(" ") || null),
    groups: Array.isArray(groups)
      ? groups.filter((group): group is string => typeof group === "string")
      : typeof groups === "string"
        ? [groups]
        : [],
  };
}

/** The most powerful role the mapping gives these groups; null when the portal maps no groups (roles are then managed in the portal). */
export function roleFromGroups(config: Pick<OidcConfig, "groupRoles">, groups: string[]): Role | null {
  if (config.groupRoles.size === 0) return null;
  let best: Role = "VIEWER";
  for (const group of groups) {
    const role = config.groupRoles.get(group);
    if (role && ROLES.indexOf(role) > ROLES.indexOf(best)) best = role;
  }
  return best;
}

/** The secretariat slugs the user's groups name, or null when no mapping is configured. */
export function secretariatsFromGroups(config: Pick<OidcConfig, "groupSecretariats">, groups: string[]): string[] | null {
  if (config.groupSecretariats.size === 0) return null;
  return [...new Set(groups.flatMap((group) => config.groupSecretariats.get(group) ?? []))].sort();
}

export type DirectoryRefusal = "unknown-user" | "not-allowed" | "disabled" | "no-email" | "other-subject";

export type DirectorySignInResult =
  | { ok: true; user: { id: number; email: string; name: string; role: Role; sessionId: string; sessionVersion: number } }
  | { ok: false; reason: DirectoryRefusal };

/** Marks an account made by the directory: no password hash ever matches it, so it cannot sign in locally until an administrator sets one. */
export const NO_LOCAL_PASSWORD = "!sso";

function mayProvision(config: OidcConfig, claims: DirectoryClaims) {
  const domain = claims.email?.split("@")[1];
  return (
    (domain !== undefined && config.allowedDomains.includes(domain)) || claims.groups.some((group) => config.allowedGroups.includes(group))
  );
}

/**
 * A sign-in whose ID token next-auth has verified (signature, issuer, audience,
 * expiry, nonce, state, PKCE). Finds the account by its linked subject, or by
 * e-mail on its first directory sign-in, or makes one if provisioning allows
 * it; applies the group → role mapping; opens the session. Everything it
 * writes for a sign-in is written together; a refusal writes only its audit event.
 */
export async function signInWithDirectory(
  db: Db,
  config: OidcConfig,
  claims: DirectoryClaims,
  context: RequestContext,
  /** The verified ID token, kept sealed with the session for the directory's logout. */
  idToken?: string,
): Promise<DirectorySignInResult> {
  const issuer = config.issuer;
  const refuse = async (reason: DirectoryRefusal, userId?: number) => {
    await recordAuditEvent(db, {
      action: "auth.sso.failure",
      actor: null,
      actorEmail: claims.email,
      context,
      data: { reason, issuer, subject: claims.subject, groups: claims.groups, ...(userId ? { userId } : {}) },
    });
    return { ok: false as const, reason };
  };
  if (!claims.subject) return refuse("unknown-user");

  let user = await db.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: claims.subject } } });
  let link = false;
  if (!user) {
    if (!claims.email || !claims.emailVerified) return refuse("no-email");
    const byEmail = await db.user.findUnique({ where: { email: claims.email } });
    if (byEmail?.oidcSubject) return refuse("other-subject", byEmail.id);
    if (byEmail) {
      user = byEmail;
      link = true;
    } else if (!config.autoProvision) {
      return refuse("unknown-user");
    } else if (!mayProvision(config, claims)) {
      return refuse("not-allowed");
    }
  }
  if (user && !user.active) return refuse("disabled", user.id);

  const mapped = roleFromGroups(config, claims.groups);
  const email = claims.email;
  return db.$transaction(async (tx) => {
    let account = user;
    if (!account) {
      // Only reached with an e-mail: a missing one was refused above.
      account = await tx.user.create({
        data: {
          email: email!,
          name: claims.name || email!,
          role: mapped ?? "VIEWER",
          passwordHash: NO_LOCAL_PASSWORD,
          oidcIssuer: issuer,
          oidcSubject: claims.subject,
        },
      });
      await recordAuditEvent(tx, {
        action: "auth.sso.provision",
        actor: account,
        entityType: "User",
        entityId: account.id,
        context,
        data: { issuer, subject: claims.subject, role: account.role, groups: claims.groups },
      });
    } else {
      if (link) {
        account = await tx.user.update({ where: { id: account.id }, data: { oidcIssuer: issuer, oidcSubject: claims.subject } });
      }
      if (mapped && mapped !== account.role) {
        const from = account.role;
        // A role change ends the user's other sessions, as when an administrator changes it.
        account = await tx.user.update({
          where: { id: account.id },
          data: { role: mapped, sessionVersion: { increment: 1 }, version: { increment: 1 } },
        });
        await recordAuditEvent(tx, {
          action: "auth.sso.role_change",
          actor: account,
          entityType: "User",
          entityId: account.id,
          context,
          data: { issuer, from, to: mapped, groups: claims.groups },
        });
      }
    }
    const slugs = secretariatsFromGroups(config, claims.groups);
    if (slugs) {
      // Applied at every sign-in, like the role: leaving a group in the directory leaves the secretariat here.
      const found = await tx.secretariat.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
      const unknown = slugs.filter((slug) => !found.some((s) => s.slug === slug));
      await setUserSecretariats(
        tx,
        account.id,
        found.map((s) => s.id),
        account,
        context,
        { source: "directory", issuer, groups: claims.groups, ...(unknown.length ? { unknownSecretariats: unknown } : {}) },
      );
    }
    const sessionId = await createUserSession(
      tx,
      account.id,
      context,
      new Date(),
      "oidc",
      idToken ? sealSecret("oidc-id-token", idToken, account.id, env.NEXTAUTH_SECRET) : undefined,
    );
    await tx.user.update({ where: { id: account.id }, data: { lastSignInAt: new Date() } });
    await recordAuditEvent(tx, {
      action: "auth.sso.signin",
      actor: account,
      context,
      data: { issuer, subject: claims.subject, ...(link ? { linked: true } : {}) },
    });
    return {
      ok: true as const,
      user: {
        id: account.id,
        email: account.email,
        name: account.name,
        role: account.role,
        sessionId,
        sessionVersion: account.sessionVersion,
      },
    };
  });
}
