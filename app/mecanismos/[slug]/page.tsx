import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { requirePageUser } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { getMechanism } from "@/lib/mechanisms/get-mechanism";
import { getMechanismName } from "@/lib/mechanisms/get-mechanism-name";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const name = await getMechanismName((await params).slug);
  return { title: name ? t.mechanisms.pageTitle(name) : t.errors.notFound };
}

export default async function MechanismPage({ params }: { params: Params }) {
  const { slug } = await params;
  await requirePageUser(`/mecanismos/${encodeURIComponent(slug)}`);
  const found = /^[a-z0-9-]{1,80}$/.test(slug) ? await getMechanism(slug) : null;
  if (!found) notFound();
  const { mechanism, initiatives } = found;
  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ href: "/mecanismos", label: t.mechanisms.title }, { label: mechanism.name }]} />
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">{mechanism.name}</h1>
        {mechanism.description && <p className="max-w-3xl text-slate-700">{mechanism.description}</p>}
        <p className="text-slate-800">{t.mechanisms.usedBy(initiatives.length)}</p>
        <Link href={`/iniciativas?mecanismo=${mechanism.slug}`} className="inline-block text-sm text-brand-700 underline">
          {t.objective.viewInTable}
        </Link>
      </header>
      {initiatives.length === 0 ? (
        <p className="text-slate-700">{t.mechanisms.none}</p>
      ) : (
        <ol className="space-y-3">
          {initiatives.map((i) => (
            <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <Link href={`/iniciativas/${i.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                {i.name}
              </Link>
              <p className="text-xs text-slate-600">
                {i.managementObjective.code} {i.managementObjective.title}
              </p>
              <p className="mt-2 text-xs font-semibold text-slate-700">{t.mechanisms.inObjectives}</p>
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
                {i.articulationObjectives.map((o) => (
                  <li key={o.id}>{o.text}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
