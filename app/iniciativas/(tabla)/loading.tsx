import { t } from "@/lib/i18n";

const bar = "animate-pulse rounded bg-slate-200";

/**
 * The page's own header and toolbar, in the page's grid, with placeholders only
 * where the rows go: what the server sends next lands where this was, and the
 * placeholder is at least a screen tall so the footer never jumps (CLS).
 */
export default function Loading() {
  return (
    <div className="min-h-screen space-y-6" data-stream-fallback="">
      <header className="space-y-1">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-3xl font-bold text-brand-900">{t.initiatives.title}</h1>
        </div>
        <p className="max-w-3xl text-slate-700">{t.initiatives.intro}</p>
      </header>
      <div className="grid gap-4 lg:grid-cols-[15rem_1fr]">
        <div className={`h-10 w-44 lg:h-[36rem] lg:w-auto lg:rounded-lg ${bar}`} />
        <section aria-labelledby="cargando" className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="cargando" role="status" aria-live="polite" className="text-lg font-semibold text-slate-700">
              {t.initiatives.loading}
            </h2>
            <div className={`h-8 w-72 ${bar}`} />
          </div>
          <div className={`h-4 w-3/4 ${bar}`} />
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm" data-testid="loading-toolbar">
            <div className={`h-8 w-24 ${bar}`} />
            <div className={`h-8 w-64 ${bar}`} />
            <div className={`h-8 w-36 ${bar}`} />
          </div>
          <div className="space-y-2">
            {Array.from({ length: 10 }, (_, i) => `fila-${i}`).map((key) => (
              <div key={key} className={`h-12 ${bar}`} />
            ))}
          </div>
        </section>
      </div>
    </div>
  );
}
