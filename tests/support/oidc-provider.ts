import { generateKeyPairSync, sign } from "node:crypto";
import type { Server } from "node:http";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/** A person in the test directory; the login typed on the provider's page is their subject. */
export interface DirectoryPerson {
  email: string;
  name: string;
  groups: string[];
  emailVerified?: boolean;
}

/**
 * How the provider misbehaves in its token response, to check that the portal refuses it:
 * a changed claim under the original signature, a token for another client, a token already expired.
 */
export type TokenMischief = "tampered" | "wrong-audience" | "wrong-nonce" | "expired";

export interface TestDirectory {
  issuer: string;
  people: Map<string, DirectoryPerson>;
  mischief: TokenMischief | null;
  close(): Promise<void>;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  /** The portal's base URL: its callback and post-logout addresses are registered from it. */
  portalUrl: string;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const unb64 = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

/**
 * A real OpenID Connect provider (npm oidc-provider) on loopback, with its development
 * login page (any password), the portal registered as a confidential client, and the
 * groups claim in the ID token as Keycloak and Entra ID send it.
 */
export async function startTestDirectory(options: { port: number; clients: TestClient[] }): Promise<TestDirectory> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "prueba-1";
  const people = new Map<string, DirectoryPerson>();

  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [`${client.portalUrl}/api/auth/callback/directorio`],
      post_logout_redirect_uris: [`${client.portalUrl}/login`],
      response_types: ["code"],
      grant_types: ["authorization_code"],
    })),
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] as never },
    cookies: { keys: ["clave-de-cookies-de-prueba"] },
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Claims in the ID token itself, as the portal reads them from there.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, subject) {
      const person = people.get(subject);
      if (!person) return undefined;
      return {
        accountId: subject,
        claims: () => ({
          sub: subject,
          email: person.email,
          email_verified: person.emailVerified ?? true,
          name: person.name,
          groups: person.groups,
        }),
      };
    },
    // A first-party application: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);

  const directory: TestDirectory = { issuer, people, mischief: null, close: async () => {} };
  const resign = (payload: Record<string, unknown>) => {
    const header = b64({ alg: "RS256", kid, typ: "JWT" });
    const body = b64(payload);
    return `${header}.${body}.${sign("sha256", Buffer.from(`${header}.${body}`), privateKey).toString("base64url")}`;
  };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !directory.mischief || typeof body?.id_token !== "string") return;
    const [header, payload, signature] = body.id_token.split(".") as [string, string, string];
    const claims = unb64(payload);
    const now = Math.floor(Date.now() / 1000);
    if (directory.mischief === "tampered") {
      ctx.body = { ...body, id_token: `${header}.${b64({ ...claims, groups: ["pmdot-admins"] })}.${signature}` };
    } else if (directory.mischief === "wrong-audience") {
      ctx.body = { ...body, id_token: resign({ ...claims, aud: "otra-aplicacion" }) };
    } else if (directory.mischief === "wrong-nonce") {
      // Validly signed, but for another sign-in: a token replayed into this one.
      ctx.body = { ...body, id_token: resign({ ...claims, nonce: "nonce-de-otro-ingreso" }) };
    } else {
      ctx.body = { ...body, id_token: resign({ ...claims, iat: now - 7_200, exp: now - 3_600 }) };
    }
  });

  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(options.port, "127.0.0.1", () => resolve(listening));
  });
  directory.close = () => new Promise((resolve) => server.close(() => resolve()));
  return directory;
}
