import { Link } from "@/components/ui/link";
import { requirePageReader } from "@/lib/auth/current-user";
import { formatNumber, t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import { getPlanStructure } from "@/lib/objectives/get-plan-structure";
import { Cell, ColumnHeader, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { readDb } = await requirePageReader("/");
  const plan = await getPlanStructure(readDb);
  const managementCount = plan.developmentObjectives.reduce((n, d) => n + d.managementObjectives.length, 0);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{t.app.plan}</p>
        <h1 className="text-3xl font-bold text-brand-900">{t.home.title}</h1>
        <p className="max-w-3xl text-slate-700">{t.home.intro}</p>
        {plan.initiativeCount > 0 && (
          <p className="font-medium text-slate-800" data-testid="plan-summary">
            {t.home.summary(plan.initiativeCount, managementCount, plan.mechanismCount)}
          </p>
        )}
      </header>

      {plan.developmentObjectives.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">{t.home.empty}</p>
      ) : (
        <ol className="space-y-6">
          {plan.developmentObjectives.map((development) => (
            <li key={development.code}>
              <section
                aria-labelledby={`od-${development.code}`}
                className="rounded-lg border border-slate-200 bg-white shadow-sm"
                data-testid={`development-objective-${development.code}`}
              >
                <div className="border-b border-slate-200 p-5">
                  <p className="text-sm font-semibold text-brand-700">{t.home.developmentObjective(development.code)}</p>
                  <h2 id={`od-${development.code}`} className="mt-1 text-lg font-semibold text-slate-900">
                    {development.title}
                  </h2>
                  <p className="mt-2 text-sm text-slate-600">{t.home.initiativesCount(development.initiativeCount)}</p>
                </div>
                <Table
                  caption={
                    <>
                      {t.home.managementObjectives} · {t.home.developmentObjective(development.code)}
                    </>
                  }
                >
                  <TableHead>
                    <ColumnHeader className="w-16 px-3 py-2 font-semibold sm:w-20 sm:px-5">{t.home.colCode}</ColumnHeader>
                    <ColumnHeader className="px-3 py-2 font-semibold sm:px-5">{t.home.colObjective}</ColumnHeader>
                    <ColumnHeader className="w-24 px-3 py-2 text-right font-semibold sm:w-36 sm:px-5">{t.home.colInitiatives}</ColumnHeader>
                  </TableHead>
                  <tbody>
                    {development.managementObjectives.map((management) => (
                      <TableRow
                        key={management.code}
                        className="border-t border-slate-100"
                        data-testid={`management-objective-${management.code}`}
                      >
                        <RowHeader className="px-3 py-3 align-top font-semibold text-brand-800 sm:px-5">
                          <Link href={`/objetivos/${management.code}`} className="underline-offset-2 hover:underline">
                            {management.code}
                          </Link>
                        </RowHeader>
                        <Cell className="px-3 py-3 align-top text-slate-800 sm:px-5">{management.title}</Cell>
                        <Cell className="px-3 py-3 text-right align-top sm:px-5">
                          <Link
                            href={initiativesHref({ objetivo: [management.code] })}
                            className="font-semibold text-brand-700 underline-offset-2 hover:underline"
                            data-testid="initiative-count"
                            aria-label={`${t.home.initiativesCount(management.initiativeCount)} · ${management.code}`}
                          >
                            {formatNumber(management.initiativeCount)}
                          </Link>
                        </Cell>
                      </TableRow>
                    ))}
                  </tbody>
                </Table>
              </section>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
