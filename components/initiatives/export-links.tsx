import { t } from "@/lib/i18n";

/** Plain links: the browser downloads what the route streams, with the current filters. */
export function ExportLinks({ params, count }: { params: string; count: number }) {
  const suffix = params ? `&${params}` : "";
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={t.initiatives.export}>
      <span className="sr-only">{t.initiatives.exportHint(count)}</span>
      <a
        href={`/iniciativas/exportar?formato=csv${suffix}`}
        className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-100"
        download
        title={t.initiatives.exportHint(count)}
      >
        {t.initiatives.exportCsv}
      </a>
      <a
        href={`/iniciativas/exportar?formato=xlsx${suffix}`}
        className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-100"
        download
        title={t.initiatives.exportHint(count)}
      >
        {t.initiatives.exportXlsx}
      </a>
    </div>
  );
}
