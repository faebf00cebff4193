import { t } from "@/lib/i18n";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{t.initiatives.loading}</span>
      <div className="h-9 w-48 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-[15rem_1fr]">
        <div className="h-96 animate-pulse rounded-lg bg-slate-200" />
        <div className="space-y-2">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="h-12 animate-pulse rounded bg-slate-200" />
          ))}
        </div>
      </div>
    </div>
  );
}
