import { env } from "@/lib/config";
import { openSecret, sealSecret } from "./secret-box";

/** A TOTP secret at rest (lib/auth/secret-box.ts): unreadable without NEXTAUTH_SECRET, useless for another account. */
export function sealTotpSecret(secret: string, userId: number, authSecret = env.NEXTAUTH_SECRET): string {
  return sealSecret("mfa-totp-secret", secret, userId, authSecret);
}

/** The secret, or null when the box was not sealed for this user under this key (changed NEXTAUTH_SECRET, altered row). */
export function openTotpSecret(box: string, userId: number, authSecret = env.NEXTAUTH_SECRET): string | null {
  return openSecret("mfa-totp-secret", box, userId, authSecret);
}
