import { mfa } from "@/lib/i18n/es/mfa";

// Only the namespaces used here: this module reaches client bundles, and the whole catalogue stays out of them.
const t = { mfa } as const;

/** The recovery codes, shown once right after they are made; only their hashes are kept. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="codigos-recuperacion" className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <h2 id="codigos-recuperacion" className="font-semibold">
        {t.mfa.recoveryTitle}
      </h2>
      <p className="mt-1 text-sm">{t.mfa.recoveryIntro}</p>
      <ol className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base select-all" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </section>
  );
}
