import { formatNumber, t } from "@/lib/i18n";

const SCOPE_ID = "alcance-descargas";

/** Plain links: the browser downloads what the route streams, with the current filters. */
export function ExportLinks({ params }: { params: string }) {
  const suffix = params ? `&${params}` : "";
  const linkClass = "rounded border border-slate-400 bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-100";
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of links, not of form controls, so no <fieldset>.
    <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={t.initiatives.export}>
      <a href={`/iniciativas/exportar?formato=csv${suffix}`} className={linkClass} download aria-describedby={SCOPE_ID}>
        {t.initiatives.exportCsv}
      </a>
      <a href={`/iniciativas/exportar?formato=xlsx${suffix}`} className={linkClass} download aria-describedby={SCOPE_ID}>
        {t.initiatives.exportXlsx}
      </a>
    </div>
  );
}

/** What the downloads contain, written out: not every page, not only the visible columns. */
export function ExportScope({ count }: { count: number }) {
  return (
    <p id={SCOPE_ID} className="text-xs text-slate-600">
      {t.initiatives.exportHint(count, formatNumber(count))}
    </p>
  );
}
