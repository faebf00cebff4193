import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { exclusionText } from "@/components/accountability/period-standings";
import { ReportStateBadge } from "@/components/accountability/report-state-badge";
import { defaultPeriod, listPeriods } from "@/lib/accountability/periods";
import { ownedInitiatives } from "@/lib/accountability/queries";
import { requirePageReader } from "@/lib/auth/current-user";
import { formatDay, t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";

export const metadata: Metadata = { title: t.accountability.mineTitle };

export default async function MyInitiativesPage() {
  const { user, db } = await requirePageReader("/mis-iniciativas");
  const [periods, memberships] = await Promise.all([listPeriods(db), db.userSecretariat.count({ where: { userId: user.id } })]);
  const period = defaultPeriod(periods);
  const owned = await ownedInitiatives(db, user.id, period);
  const count = (state: string) => owned.filter((o) => o.state === state).length;
  const late = owned.reduce((sum, o) => sum + o.lateMilestones.length, 0);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{t.accountability.mineTitle}</h1>
        <p className="max-w-3xl text-slate-700">{t.accountability.mineIntro}</p>
        {period && (
          <p className="text-sm text-slate-700">
            {t.accountability.period}: {period.name} (
            {t.accountability.periodRange(formatDay(period.startsOn), formatDay(period.endsOn), formatDay(period.dueOn))})
          </p>
        )}
        {period && owned.length > 0 && (
          <p className="text-sm font-medium text-slate-900" data-testid="mine-summary">
            {t.accountability.summary(count("pendiente"), count("atrasado"), count("devuelto"))}
          </p>
        )}
        {late > 0 && (
          <p className="text-sm font-medium text-slate-900" data-testid="mine-late-summary">
            {t.accountability.lateSummary(late)} ·{" "}
            <Link href={initiativesHref({ hitos: "atrasados" })} className="text-brand-700 underline">
              {t.accountability.lateLink}
            </Link>
          </p>
        )}
      </header>
      {memberships === 0 ? (
        <p className="text-slate-700">{t.accountability.noSecretariat}</p>
      ) : owned.length === 0 ? (
        <p className="text-slate-700">{t.accountability.noneOwned}</p>
      ) : (
        <ul className="space-y-3">
          {owned.map((item) => (
            <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="owned-initiative">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/iniciativas/${item.id}`} className="font-semibold text-brand-700 underline">
                  {item.name}
                </Link>
                <span className="text-xs text-slate-600">{item.lead ? t.accountability.role.lead : t.accountability.role.support}</span>
                {item.state && <ReportStateBadge state={item.state} />}
              </div>
              {item.state === "excluido" && <p className="mt-1 text-slate-700">{exclusionText(item.exclusion)}</p>}
              {item.report?.status === "RETURNED" && item.report.returnReason && (
                <p className="mt-1 text-amber-900">{t.accountability.returnedBecause(item.report.returnReason)}</p>
              )}
              {item.state && ["pendiente", "atrasado", "devuelto", "enviado"].includes(item.state) && (
                <p className="mt-1">
                  <Link href={`/iniciativas/${item.id}/seguimiento`} className="text-brand-700 underline">
                    {t.accountability.goReport}
                    <span className="sr-only">: {item.name}</span>
                  </Link>
                </p>
              )}
              {item.lateMilestones.length > 0 && (
                <div className="mt-2" data-testid="late-milestones">
                  <p className="font-medium text-red-900">{t.accountability.lateMilestones}</p>
                  <ul className="list-disc pl-5 text-slate-700">
                    {item.lateMilestones.map((m) => (
                      <li key={m.id}>{t.accountability.lateMilestone(m.title, formatDay(m.plannedOn))}</li>
                    ))}
                  </ul>
                </div>
              )}
              {item.endingInstruments.length > 0 && (
                <div className="mt-2">
                  <p className="font-medium text-slate-800">{t.accountability.endingSoon}</p>
                  <ul className="list-disc pl-5 text-slate-700">
                    {item.endingInstruments.map((i) => (
                      <li key={i.id}>{t.accountability.endsOn_(i.title, formatDay(i.endsOn))}</li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
