import type { DirectorySignIn } from "@/lib/auth/directory-sign-in";
import { t } from "@/lib/i18n";
import type { SsoErrorCode } from "@/lib/i18n/es/sso";

function errorMessage(code: string | null): string | null {
  if (!code) return null;
  const own = t.sso.errors[code as SsoErrorCode] as string | undefined;
  // Any other code from a directory round trip is next-auth refusing its answer (signature, audience, expiry, state).
  return own ?? t.sso.errors.rejected;
}

/** A plain form to next-auth's sign-in endpoint: it works before and without JavaScript. */
export function DirectorySignInButton({ name, csrfToken, error, localAdminsOnly, callbackUrl }: DirectorySignIn & { callbackUrl: string }) {
  const message = errorMessage(error);
  return (
    <div className="mt-6 space-y-4">
      {message && (
        <div role="alert" data-testid="sso-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {message}
        </div>
      )}
      <form method="post" action="/api/auth/signin/directorio">
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button
          type="submit"
          className="w-full rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t.sso.signInWith(name)}
        </button>
      </form>
      {localAdminsOnly && <p className="text-sm text-slate-700">{t.sso.localAdminsOnly}</p>}
      <p className="flex items-center gap-3 text-sm text-slate-600" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-300" />
        {t.sso.divider}
        <span className="h-px flex-1 bg-slate-300" />
      </p>
    </div>
  );
}
