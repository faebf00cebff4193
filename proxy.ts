import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { csrfCookieName, csrfTokenOf, newCsrfCookie } from "@/lib/auth/csrf-cookie";
import { authConfig } from "@/lib/auth/oidc-config";
import { env, secureCookies } from "@/lib/config";
import { USER_ID_HEADER } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";

/**
 * First line only: turns away requests without a session token and sets the
 * per-request CSP nonce. Every page, action and route checks the session
 * against the database itself (lib/auth/current-user.ts).
 */
// /login/verificacion is the second sign-in step: no session yet, only the pending sign-in it checks itself.
const PUBLIC_PATHS = [/^\/login$/, /^\/login\/verificacion$/, /^\/api\/auth\//, /^\/api\/health$/];

function contentSecurityPolicy(nonce: string) {
  const dev = env.NODE_ENV !== "production";
  // The directory button's form is answered with a redirect to the issuer, which form-action also governs.
  const issuer = authConfig().oidc?.issuer;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // No inline styles in production (components draw shares in SVG attributes). The dev overlay injects its own;
    // a nonce would make browsers ignore 'unsafe-inline', so development gets only the latter.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    `form-action 'self'${issuer ? ` ${new URL(issuer).origin}` : ""}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  // 128 random bits in 24 characters: the nonce is written into every script tag of the page.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);

  // /login's directory button posts to next-auth without JavaScript: it needs next-auth's CSRF cookie already there.
  let csrfCookie: string | undefined;
  const secret = env.NEXTAUTH_SECRET;
  if (pathname === "/login" && secret && authConfig().oidc && !csrfTokenOf(request.cookies.get(csrfCookieName())?.value, secret)) {
    csrfCookie = newCsrfCookie(secret).value;
    // Also into this request's cookies, so the page renders the token the browser will send back.
    request.cookies.set(csrfCookieName(), csrfCookie);
  }

  const forwarded = new Headers(request.headers);
  forwarded.set("x-request-id", requestId);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);

  const isPublic = PUBLIC_PATHS.some((pattern) => pattern.test(pathname));
  let userId: string | undefined;
  if (!isPublic) {
    const token = await getToken({
      req: request,
      secret: env.NEXTAUTH_SECRET,
      secureCookie: secureCookies(),
    });
    if (!token) {
      const refused = pathname.startsWith("/api/")
        ? NextResponse.json({ error: "unauthorized", message: t.errors.sessionRequired }, { status: 401 })
        : NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(pathname + search)}`, request.url));
      refused.headers.set("x-request-id", requestId);
      return refused;
    }
    userId = token.sub;
  }

  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", requestId);
  if (csrfCookie) {
    response.cookies.set(csrfCookieName(), csrfCookie, { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() });
  }
  // Only behind our own server (server/portal-server.ts), which logs it and removes it.
  if (userId && env.PMDOT_PORTAL_SERVER) response.headers.set(USER_ID_HEADER, userId);
  return response;
}

export const config = {
  // Static assets need no session; everything else goes through here.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|icon.svg).*)"],
};
