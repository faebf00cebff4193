import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { InitiativeCard } from "@/components/initiatives/initiative-card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { metadataReader, requirePageReader } from "@/lib/auth/current-user";
import { formatNumber, t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import { getMechanism } from "@/lib/mechanisms/get-mechanism";
import { getMechanismName, parseMechanismSlug } from "@/lib/mechanisms/get-mechanism-name";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const db = await metadataReader();
  const name = db && (await getMechanismName(db, (await params).slug));
  return { title: name ? t.mechanisms.pageTitle(name) : t.errors.notFound };
}

export default async function MechanismPage({ params }: { params: Params }) {
  const { slug } = await params;
  const { readDb } = await requirePageReader(`/mecanismos/${encodeURIComponent(slug)}`);
  const known = parseMechanismSlug(slug);
  const found = known === null ? null : await getMechanism(readDb, known);
  if (!found) notFound();
  const { mechanism, total, shown, byObjective } = found;
  const table = (objective?: string) => initiativesHref({ objetivo: objective ? [objective] : [], mecanismo: [mechanism.slug] });
  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ href: "/mecanismos", label: t.mechanisms.title }, { label: mechanism.name }]} />
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">{mechanism.name}</h1>
        {mechanism.description && <p className="max-w-3xl text-slate-700">{mechanism.description}</p>}
        <p className="text-slate-800">{t.mechanisms.usedBy(total)}</p>
        <Link href={table()} className="inline-block text-sm text-brand-700 underline">
          {t.objective.viewInTable}
        </Link>
      </header>
      {total === 0 ? (
        <p className="text-slate-700">{t.mechanisms.none}</p>
      ) : (
        <>
          <nav aria-labelledby="por-objetivo" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="por-objetivo" className="text-sm font-semibold text-slate-900">
              {t.mechanisms.byObjective}
            </h2>
            <ul className="mt-2 grid grid-cols-1 gap-x-8 gap-y-1 text-sm sm:grid-cols-2">
              {byObjective.map((o) => (
                <li key={o.code} className="flex justify-between gap-3">
                  {/* Past the page's limit an objective may have no section here: its initiatives are in the table. */}
                  <Link
                    href={o.initiatives.length > 0 ? `#objetivo-${o.code}` : table(o.code)}
                    className="min-w-0 truncate text-brand-800 underline-offset-2 hover:underline"
                  >
                    {o.code} {o.title}
                  </Link>
                  <Link
                    href={table(o.code)}
                    className="shrink-0 font-semibold text-brand-700 underline underline-offset-2"
                    aria-label={`${t.home.initiativesCount(o.count)} · ${o.code}`}
                  >
                    {formatNumber(o.count)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {byObjective
            .filter((o) => o.initiatives.length > 0)
            .map((o) => (
              <section key={o.code} aria-labelledby={`objetivo-${o.code}`} className="space-y-3">
                <h2 id={`objetivo-${o.code}`} tabIndex={-1} className="text-lg font-semibold text-slate-900">
                  {o.code} {o.title}
                </h2>
                {o.initiatives.length < o.count && (
                  <p className="text-sm text-slate-700">
                    {t.mechanisms.partial(formatNumber(o.initiatives.length), formatNumber(o.count))}{" "}
                    <Link href={table(o.code)} className="font-semibold text-brand-700 underline underline-offset-2">
                      {t.mechanisms.viewAll}
                    </Link>
                  </p>
                )}
                <ol className="space-y-3">
                  {o.initiatives.map((i) => (
                    <InitiativeCard key={i.id} id={i.id} name={i.name}>
                      <p className="mt-2 text-xs font-semibold text-slate-700">{t.mechanisms.inObjectives}</p>
                      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
                        {i.articulationObjectives.map((a) => (
                          <li key={a.id}>{a.text}</li>
                        ))}
                      </ul>
                    </InitiativeCard>
                  ))}
                </ol>
              </section>
            ))}
          {shown < total && (
            <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-800">
              {t.mechanisms.partial(formatNumber(shown), formatNumber(total))}{" "}
              <Link href={table()} className="font-semibold text-brand-700 underline underline-offset-2">
                {t.mechanisms.viewAll}
              </Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}
