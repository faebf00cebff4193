import type { Metadata } from "next";
import { PeriodForm } from "@/components/accountability/period-form";
import { listPeriods } from "@/lib/accountability/periods";
import { requirePageReader } from "@/lib/auth/current-user";
import { formatDay, t } from "@/lib/i18n";
import { createPeriodAction, updatePeriodAction } from "./actions";

export const metadata: Metadata = { title: t.accountability.periodsTitle };

export default async function PeriodsPage() {
  const { db } = await requirePageReader("/admin/periodos", "periods:manage");
  const periods = await listPeriods(db);
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{t.accountability.periodsTitle}</h1>
        <p className="max-w-3xl text-slate-700">{t.accountability.periodsIntro}</p>
      </header>
      <section aria-labelledby="nuevo-periodo" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="nuevo-periodo" className="mb-3 text-lg font-semibold text-slate-900">
          {t.accountability.newPeriod}
        </h2>
        <PeriodForm action={createPeriodAction} />
      </section>
      {periods.length === 0 ? (
        <p className="text-slate-700">{t.accountability.noPeriods}</p>
      ) : (
        <ul className="space-y-3">
          {periods.map((period) => (
            <li key={period.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-semibold text-slate-900">{period.name}</span>{" "}
                  <span className="text-sm text-slate-700">
                    {t.accountability.periodRange(formatDay(period.startsOn), formatDay(period.endsOn), formatDay(period.dueOn))} ·{" "}
                    {period.open ? t.accountability.openShort : t.accountability.closedShort}
                  </span>
                </summary>
                <div className="mt-3">
                  <PeriodForm period={period} action={updatePeriodAction} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
