import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { secureCookies } from "@/lib/config";

/**
 * next-auth's double-submit CSRF cookie (`token|sha256(token + secret)`), made and read
 * here so that /login can render the directory button as a plain form: next-auth's
 * sign-in POST needs the token in the body, and a page without JavaScript cannot fetch it.
 */
export const csrfCookieName = (secure = secureCookies()) => `${secure ? "__Host-" : ""}next-auth.csrf-token`;

const digest = (token: string, secret: string) => createHash("sha256").update(`${token}${secret}`).digest("hex");

/** The token of a cookie next-auth would accept, or null. */
export function csrfTokenOf(cookieValue: string | undefined, secret: string | undefined): string | null {
  if (!cookieValue || !secret) return null;
  const [token, hash] = cookieValue.split("|");
  if (!token || !hash) return null;
  const expected = Buffer.from(digest(token, secret));
  const given = Buffer.from(hash);
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

export function newCsrfCookie(secret: string): { token: string; value: string } {
  const token = randomBytes(32).toString("hex");
  return { token, value: `${token}|${digest(token, secret)}` };
}
