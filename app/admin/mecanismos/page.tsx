import type { Metadata } from "next";
import { CreateMechanismForm, MechanismRow } from "@/components/mechanisms/mechanism-forms";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { listMechanismsForEditing } from "@/lib/mechanisms/list-mechanisms-for-editing";
import { createMechanismAction, mergeMechanismAction, updateMechanismAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: t.mechanismAdmin.title };

export default async function MechanismAdminPage() {
  const { primaryDb } = await requirePageReader("/admin/mecanismos", "matrix:edit");
  const mechanisms = await listMechanismsForEditing(primaryDb);
  const options = mechanisms.map((m) => ({ id: m.id, name: m.name }));
  return (
    <div className="space-y-6">
      <PageHeader title={t.mechanismAdmin.title} intro={t.mechanismAdmin.intro} />
      <section aria-labelledby="nuevo-mecanismo" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="nuevo-mecanismo" className="font-semibold">
          {t.mechanismAdmin.create}
        </h2>
        <CreateMechanismForm action={createMechanismAction} />
      </section>
      <ul className="space-y-3">
        {mechanisms.map((m) => (
          <li key={m.id}>
            <MechanismRow mechanism={m} options={options} update={updateMechanismAction} merge={mergeMechanismAction} />
          </li>
        ))}
      </ul>
    </div>
  );
}
