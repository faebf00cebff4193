import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcConfig } from "./oidc-config";

/** next-auth's provider id: the callback is /api/auth/callback/directorio, the URL to register in the directory. */
export const DIRECTORY_PROVIDER_ID = "directorio";

/**
 * The municipality's directory as a next-auth OpenID Connect provider: the authorization
 * code flow with PKCE, state and nonce; openid-client verifies the ID token's signature
 * (the issuer's JWKS), issuer, audience and expiry before any callback of ours runs.
 */
export function directoryProvider(config: OidcConfig): OAuthConfig<Record<string, unknown>> {
  return {
    id: DIRECTORY_PROVIDER_ID,
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: config.scopes } },
    // Placeholders: the signIn callback (lib/auth/auth-options.ts) puts the portal's account and session here.
    profile: (claims) => ({ id: String(claims.sub), email: null, name: null, sessionId: "", sessionVersion: 0 }),
  };
}

interface Discovery {
  end_session_endpoint?: string;
}
let discovery: Promise<Discovery | null> | undefined;

/** The issuer's discovery document, fetched once per process; null (and tried again later) when it cannot be read. */
function readDiscovery(config: OidcConfig): Promise<Discovery | null> {
  discovery ??= fetch(`${config.issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) })
    .then((response) => (response.ok ? (response.json() as Promise<Discovery>) : null))
    .catch(() => null)
    .then((document) => {
      if (!document) discovery = undefined;
      return document;
    });
  return discovery;
}

/**
 * Where the browser goes after signing out of the portal to end the directory's session too
 * (OpenID Connect RP-initiated logout), or null when the issuer does not offer it.
 */
export async function directoryLogoutUrl(
  config: OidcConfig,
  portalUrl: string | undefined,
  idTokenHint?: string | null,
): Promise<string | null> {
  const endpoint = (await readDiscovery(config))?.end_session_endpoint;
  if (!endpoint || !portalUrl) return null;
  const url = new URL(endpoint);
  // The hint tells the directory whose session ends, so it need not ask (and Entra ID wants it to skip the account picker).
  if (idTokenHint) url.searchParams.set("id_token_hint", idTokenHint);
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("post_logout_redirect_uri", `${portalUrl.replace(/\/+$/, "")}/login`);
  return url.toString();
}
