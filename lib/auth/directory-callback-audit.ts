import { AsyncLocalStorage } from "node:async_hooks";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb } from "@/lib/db/client";
import { requestContext } from "@/lib/http/request-context";
import { DIRECTORY_PROVIDER_ID } from "./directory-provider";
import { authConfig } from "./oidc-config";

/** Our own refusals (lib/auth/oidc-sign-in.ts), already audited with their reason when next-auth redirects with them. */
export const DIRECTORY_ERROR_PREFIX = "directorio-";

const callbackErrors = new AsyncLocalStorage<{ message?: string }>();

/** Called by next-auth's logger: keeps why openid-client refused the directory's answer, for the audit event of this request. */
export function noteAuthError(metadata: unknown) {
  const store = callbackErrors.getStore();
  if (!store) return;
  const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
  if (error instanceof Error) store.message = error.message;
}

/**
 * Runs next-auth on a directory sign-in or callback request and audits a refusal that
 * next-auth made itself (a bad signature, audience, expiry, nonce or state: openid-client
 * throws and next-auth redirects with ?error=OAuthCallback) with the issuer and the reason.
 */
export async function auditDirectoryRefusals(request: Request, handle: () => Promise<Response>): Promise<Response> {
  const oidc = authConfig().oidc;
  const { pathname } = new URL(request.url);
  if (!oidc || !pathname.endsWith(`/${DIRECTORY_PROVIDER_ID}`)) return handle();
  const store: { message?: string } = {};
  const response = await callbackErrors.run(store, handle);
  const location = response.headers.get("location");
  const error = location ? new URL(location, request.url).searchParams.get("error") : null;
  if (error && !error.startsWith(DIRECTORY_ERROR_PREFIX)) {
    await recordAuditEvent(getDb(), {
      action: "auth.sso.failure",
      context: requestContext(request.headers),
      data: { reason: "bad-response", error, issuer: oidc.issuer, ...(store.message ? { detail: store.message.slice(0, 500) } : {}) },
    });
  }
  return response;
}
