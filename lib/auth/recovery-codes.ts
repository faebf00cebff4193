import { randomInt } from "node:crypto";

// Lower case and digits without look-alikes (0/o, 1/l/i): read from paper and typed on a phone.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;
const LENGTH = 12;

/** Ten one-time codes of 12 characters (about 59 bits each), shown as «abcd-efgh-jkmn». */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const raw = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return raw.match(/.{4}/g)!.join("-");
  });
}

/** What the user typed, as it was hashed: no case, spaces or hyphens; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "");
  return code.length === LENGTH && [...code].every((char) => ALPHABET.includes(char)) ? code : null;
}

/** A six-digit authenticator code, spaces allowed («123 456»); null otherwise. */
export function normalizeTotpCode(input: string): string | null {
  const code = input.replace(/\s/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}
