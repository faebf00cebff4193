const BASE = "http://portal.invalid";

/**
 * A path on this site to return to after sign-in, or "/". Browsers drop tabs and
 * line breaks from URLs and read "\" as "/", so "/\t/evil.example" would become
 * "//evil.example": anything with those characters is refused, and what is left
 * must resolve to this origin.
 */
export function sameSitePath(value: unknown): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses.
  if (typeof value !== "string" || !value.startsWith("/") || /[\\\x00-\x1f\x7f]/.test(value)) return "/";
  const url = new URL(value, BASE);
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : "/";
}
