import type { Metadata } from "next";
import { IndicatorImportForm } from "@/components/indicators/indicator-import-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { t } from "@/lib/i18n";
import { indicatorImportAction } from "./actions";

export const metadata: Metadata = { title: t.indicatorFile.title };

const FILES = [
  { kind: "indicators", archivo: "indicadores" },
  { kind: "measurements", archivo: "mediciones" },
] as const;

/** The indicator and measurement files: everyone who reads the matrix exports them; who may write them imports them. */
export default async function IndicatorFilesPage() {
  const user = await requirePageUser("/indicadores", "matrix:export");
  const kinds = [...(can(user.role, "indicators:define") ? (["indicators"] as const) : []), "measurements" as const];
  return (
    <div className="space-y-8">
      <PageHeader title={t.indicatorFile.title} intro={t.indicatorFile.intro} />
      <section aria-labelledby="exportar-indicadores" className="space-y-2">
        <h2 id="exportar-indicadores" className="text-lg font-semibold text-slate-900">
          {t.indicatorFile.exportTitle}
        </h2>
        <ul className="flex flex-wrap gap-2" data-testid="indicator-exports">
          {FILES.flatMap(({ kind, archivo }) =>
            (["csv", "xlsx"] as const).map((formato) => (
              <li key={`${kind}-${formato}`}>
                <a
                  href={`/indicadores/exportar?archivo=${archivo}&formato=${formato}`}
                  className="inline-block rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-slate-100"
                >
                  {t.indicatorFile.exportLink(t.indicatorFile.kinds[kind], formato.toUpperCase())}
                </a>
              </li>
            )),
          )}
        </ul>
      </section>
      {can(user.role, "progress:write") && (
        <section aria-labelledby="importar-indicadores" className="space-y-3">
          <h2 id="importar-indicadores" className="text-lg font-semibold text-slate-900">
            {t.indicatorFile.importTitle}
          </h2>
          {user.role === "REPORTER" && <p className="text-sm text-slate-700">{t.indicatorFile.reporterHint}</p>}
          <IndicatorImportForm action={indicatorImportAction} kinds={kinds} />
        </section>
      )}
    </div>
  );
}
