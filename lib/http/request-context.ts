/** Set by proxy.ts on signed-in responses so the access log can name the user; the server removes it before sending. */
export const USER_ID_HEADER = "x-pmdot-user-id";

/** Who is asking, as far as the request says: for the audit trail and the throttles. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | null {
  if (!source) return null;
  if (source instanceof Headers) return source.get(name);
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * The client address: X-Forwarded-For counted from the right, skipping the
 * TRUSTED_PROXY_HOPS proxies we run ourselves, so a client cannot forge it.
 */
export function clientIp(source: HeaderSource): string | null {
  const forwarded = header(source, "x-forwarded-for");
  if (!forwarded) return header(source, "x-real-ip");
  const chain = forwarded.split(",").map((part) => part.trim()).filter(Boolean);
  const hops = Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0);
  return chain[Math.max(0, chain.length - 1 - hops)] ?? null;
}

export function requestContext(source: HeaderSource): RequestContext {
  return {
    ip: clientIp(source),
    userAgent: header(source, "user-agent")?.slice(0, 400) ?? null,
    requestId: header(source, "x-request-id"),
  };
}
