import { t } from "@/lib/i18n";

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
