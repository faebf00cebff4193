import { users } from "@/lib/i18n/es/users";

// Only the namespaces used here: this module reaches client bundles, and the whole catalogue stays out of them.
const t = { users } as const;

export function OneTimePassword({ password }: { password: string }) {
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">{t.users.oneTimePassword}</p>
      <p className="mt-1 font-mono text-base select-all" data-testid="one-time-password">
        {password}
      </p>
      <p className="mt-1">{t.users.oneTimePasswordHint}</p>
    </div>
  );
}
