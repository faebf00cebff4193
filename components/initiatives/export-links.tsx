import { formatNumber, t } from "@/lib/i18n";

const SCOPE_ID = "alcance-descargas";

/** Plain links: the browser downloads what the route streams, with the current filters. */
export function ExportLinks({ params }: { params: string }) {
  const suffix = params ? `&${params}` : "";
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of links, not of form controls, so no <fieldset>.
    <div className="link-buttons" role="group" aria-label={t.initiatives.export}>
      <a href={`/iniciativas/exportar?formato=csv${suffix}`} download aria-describedby={SCOPE_ID}>
        {t.initiatives.exportCsv}
      </a>
      <a href={`/iniciativas/exportar?formato=xlsx${suffix}`} download aria-describedby={SCOPE_ID}>
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
