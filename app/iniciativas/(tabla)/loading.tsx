import { t } from "@/lib/i18n";

/**
 * The page's own header and toolbar, in the page's grid, with placeholders only
 * where the rows go: what the server sends next lands where this was, and the
 * placeholder is at least a screen tall so the footer never jumps (CLS). Its look
 * is in app/globals.css (`.skeleton`): this is in the markup and the RSC payload
 * of every load of the page.
 */
export default function Loading() {
  return (
    <div className="skeleton min-h-screen space-y-6" data-stream-fallback="">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold text-brand-900">{t.initiatives.title}</h1>
        <p className="max-w-3xl text-slate-700">{t.initiatives.intro}</p>
      </header>
      <div className="grid gap-4 lg:grid-cols-[15rem_1fr]">
        <div className="bar h-10 w-44 lg:h-[36rem] lg:w-auto lg:rounded-lg" />
        <section aria-labelledby="cargando" className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="cargando" role="status" aria-live="polite" className="text-lg font-semibold text-slate-700">
              {t.initiatives.loading}
            </h2>
            <div className="bar h-8 w-72" />
          </div>
          <div className="bar h-4 w-3/4" />
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm" data-testid="loading-toolbar">
            <div className="bar h-8 w-24" />
            <div className="bar h-8 w-64" />
            <div className="bar h-8 w-36" />
          </div>
          <div className="bar rows" />
        </section>
      </div>
    </div>
  );
}
