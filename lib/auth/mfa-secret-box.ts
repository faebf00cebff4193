import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/config";
import { t } from "@/lib/i18n";

const VERSION = "v1";
const INFO = "matriz-pmdot/mfa-totp-secret/v1";

function key(authSecret: string | undefined): Buffer {
  if (!authSecret) throw new Error(t.mfa.missingSecret);
  return Buffer.from(hkdfSync("sha256", authSecret, "", INFO, 32));
}

/**
 * A TOTP secret at rest: AES-256-GCM under a key derived (HKDF) from
 * NEXTAUTH_SECRET, bound to its user (additional data), so a copied row
 * neither reads without the portal's secret nor works for another account.
 */
export function sealTotpSecret(secret: string, userId: number, authSecret = env.NEXTAUTH_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(authSecret), iv);
  cipher.setAAD(Buffer.from(`user:${userId}`));
  const sealed = Buffer.concat([iv, cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${sealed.toString("base64url")}`;
}

/** The secret, or null when the box was not sealed for this user under this key (changed NEXTAUTH_SECRET, altered row). */
export function openTotpSecret(box: string, userId: number, authSecret = env.NEXTAUTH_SECRET): string | null {
  const [version, payload] = box.split(":");
  if (version !== VERSION || !payload) return null;
  const sealed = Buffer.from(payload, "base64url");
  if (sealed.length < 12 + 16 + 1) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(authSecret), sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(`user:${userId}`));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
