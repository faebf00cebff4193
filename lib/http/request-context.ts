import { env } from "@/lib/config";

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

/** Set by the portal server on every request from the connection itself; whatever a client sends under this name is overwritten. */
export const CLIENT_IP_HEADER = "x-pmdot-client-ip";

/** How many proxies of ours stand in front of the portal (TRUSTED_PROXY_HOPS): only what they add to a request is believed. */
export const trustedProxyHops = () => env.TRUSTED_PROXY_HOPS;

/**
 * The client's address. With no proxy of ours in front it is the connection's
 * own; behind TRUSTED_PROXY_HOPS proxies it is the address the outermost one
 * saw, which is that many entries from the right of X-Forwarded-For. Entries
 * further left are whatever the client claimed, and are never used.
 */
export function trustedClientIp(
  forwardedFor: string | string[] | undefined | null,
  socketAddress: string | null | undefined,
  hops = trustedProxyHops(),
): string | null {
  const socket = socketAddress?.replace(/^::ffff:/, "") || null;
  if (hops === 0) return socket;
  const chain = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return chain.length >= hops ? chain[chain.length - hops]! : (chain[0] ?? socket);
}

/**
 * The address the portal server established (server/portal-server.ts). Under
 * `next dev`, which has no such server to overwrite the header, a client could
 * write it: there only the X-Forwarded-For of trusted proxies counts, and with
 * none configured the address is unknown.
 */
export function clientIp(source: HeaderSource): string | null {
  if (env.PMDOT_PORTAL_SERVER) return header(source, CLIENT_IP_HEADER);
  return trustedClientIp(header(source, "x-forwarded-for"), null);
}

export function requestContext(source: HeaderSource): RequestContext {
  return {
    ip: clientIp(source),
    userAgent: header(source, "user-agent")?.slice(0, 400) ?? null,
    requestId: header(source, "x-request-id"),
  };
}
