import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { InitiativeCard } from "@/components/initiatives/initiative-card";
import { RollupFigure } from "@/components/tracking/rollup-figure";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { CountBars } from "@/components/ui/count-bars";
import { metadataReader, requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import { getObjective } from "@/lib/objectives/get-objective";
import { getObjectiveName, parseObjectiveCode } from "@/lib/objectives/get-objective-name";
import type { Rollup } from "@/lib/tracking/rollup";

function RollupLine({ rollup, minCoverage }: { rollup: Rollup; minCoverage: number }) {
  return (
    <p className="text-slate-800">
      <span className="mr-2 font-semibold">{t.report.average}:</span>
      <RollupFigure rollup={rollup} minCoverage={minCoverage} testId="objective-rollup" size="small" />
    </p>
  );
}

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const db = await metadataReader();
  const found = db && (await getObjectiveName(db, (await params).code));
  return { title: found ? t.objective[found.kind](found.code) : t.errors.notFound };
}

export default async function ObjectivePage({ params }: { params: Params }) {
  const { code: segment } = await params;
  const { readDb } = await requirePageReader(`/objetivos/${encodeURIComponent(segment)}`);
  const code = parseObjectiveCode(segment);
  const found = code === null ? null : await getObjective(readDb, code);
  if (!found || code === null) notFound();

  const bars = found.mechanisms.map((m) => ({
    label: m.name,
    value: m.n,
    href: initiativesHref({ ...(found.kind === "management" ? { objetivo: [code] } : { desarrollo: [code] }), mecanismo: [m.slug] }),
  }));

  if (found.kind === "development") {
    const { objective } = found;
    return (
      <div className="space-y-8">
        <Breadcrumb items={[{ href: "/", label: t.nav.home }, { label: t.objective.development(objective.code) }]} />
        <header className="space-y-2">
          <p className="text-sm font-semibold text-brand-700">{t.objective.development(objective.code)}</p>
          <h1 className="max-w-4xl text-2xl font-bold text-brand-900">{objective.title}</h1>
          <RollupLine rollup={found.rollup} minCoverage={found.minCoverage} />
          <Link href={initiativesHref({ desarrollo: [objective.code] })} className="inline-block text-sm text-brand-700 underline">
            {t.objective.viewInTable}
          </Link>
          <Link href={`/objetivos/${objective.code}/informe`} className="ml-4 inline-block text-sm text-brand-700 underline">
            {t.report.link}
          </Link>
        </header>
        <section aria-labelledby="og" className="space-y-3">
          <h2 id="og" className="text-lg font-semibold">
            {t.objective.managementObjectives}
          </h2>
          <ul className="space-y-2">
            {objective.managementObjectives.map((m) => (
              <li key={m.code} className="rounded-lg border border-slate-200 bg-white p-4">
                <Link href={`/objetivos/${m.code}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                  {m.code} {m.title}
                </Link>
                <p className="text-sm text-slate-700">{t.home.initiativesCount(m.initiatives.length)}</p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="mec" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="mec" className="text-lg font-semibold">
            {t.objective.mechanisms}
          </h2>
          <CountBars items={bars} caption={t.objective.mechanismsCaption} />
        </section>
      </div>
    );
  }

  const { objective } = found;
  return (
    <div className="space-y-8">
      <Breadcrumb
        items={[
          {
            href: `/objetivos/${objective.developmentObjective.code}`,
            label: t.objective.development(objective.developmentObjective.code),
          },
          { label: t.objective.management(objective.code) },
        ]}
      />
      <header className="space-y-2">
        <p className="text-sm font-semibold text-brand-700">{t.objective.management(objective.code)}</p>
        <h1 className="max-w-4xl text-2xl font-bold text-brand-900">{objective.title}</h1>
        <RollupLine rollup={found.rollup} minCoverage={found.minCoverage} />
        <Link href={initiativesHref({ objetivo: [objective.code] })} className="inline-block text-sm text-brand-700 underline">
          {t.objective.viewInTable}
        </Link>
        <Link href={`/objetivos/${objective.code}/informe`} className="ml-4 inline-block text-sm text-brand-700 underline">
          {t.report.link}
        </Link>
      </header>
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <section aria-labelledby="ini" className="space-y-3">
          <h2 id="ini" className="text-lg font-semibold">
            {t.objective.initiatives} ({objective.initiatives.length})
          </h2>
          {objective.initiatives.length === 0 ? (
            <p className="text-slate-700">{t.objective.none}</p>
          ) : (
            <ol className="space-y-2">
              {objective.initiatives.map((i) => (
                <InitiativeCard key={i.id} id={i.id} name={i.name}>
                  <p className="text-xs text-slate-600">{t.objective.objectivesCount(i._count.articulationObjectives)}</p>
                </InitiativeCard>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="mec" className="h-fit space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="mec" className="text-lg font-semibold">
            {t.objective.mechanisms}
          </h2>
          <CountBars items={bars} caption={t.objective.mechanismsCaption} />
        </section>
      </div>
    </div>
  );
}
