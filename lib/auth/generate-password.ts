import { randomInt } from "node:crypto";

// No look-alike characters (0/O, 1/l/I), so a password read aloud or copied from a screen survives.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random one-time password: 20 characters, about 116 bits. */
export function generatePassword(length = 20): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}
