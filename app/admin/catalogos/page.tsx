import type { Metadata } from "next";
import { CatalogueEntryRow, CreateCatalogueEntryForm } from "@/components/tracking/catalogue-forms";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { listCatalogues } from "@/lib/tracking/list-catalogues";
import {
  createCounterpartAction,
  createSecretariatAction,
  deleteCounterpartAction,
  deleteSecretariatAction,
  updateCounterpartAction,
  updateSecretariatAction,
} from "./actions";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: t.catalogues.title };

export default async function CataloguesPage() {
  const { readDb } = await requirePageReader("/admin/catalogos", "tracking:edit");
  const { secretariats, counterparts } = await listCatalogues(readDb);
  return (
    <div className="space-y-6">
      <PageHeader title={t.catalogues.title} intro={t.catalogues.intro} />
      <section aria-labelledby="secretarias" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="secretarias" className="text-lg font-semibold text-slate-900">
          {t.catalogues.secretariats}
        </h2>
        <CreateCatalogueEntryForm kind="secretaria" action={createSecretariatAction} />
        <ul className="mt-2 divide-y divide-slate-100">
          {secretariats.map((s) => (
            <li key={s.id}>
              <CatalogueEntryRow kind="secretaria" entry={s} update={updateSecretariatAction} remove={deleteSecretariatAction} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="actores" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="actores" className="text-lg font-semibold text-slate-900">
          {t.catalogues.counterparts}
        </h2>
        <CreateCatalogueEntryForm kind="actor" action={createCounterpartAction} />
        {counterparts.length === 0 ? (
          <p className="mt-3 text-sm text-slate-700">{t.catalogues.emptyCounterparts}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {counterparts.map((c) => (
              <li key={c.id}>
                <CatalogueEntryRow kind="actor" entry={c} update={updateCounterpartAction} remove={deleteCounterpartAction} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
