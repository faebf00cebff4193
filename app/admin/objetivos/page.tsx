import type { Metadata } from "next";
import { ObjectiveTitleForm } from "@/components/objectives/objective-title-form";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { listObjectivesForEditing } from "@/lib/objectives/list-objectives-for-editing";
import { updateObjectiveTitleAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: t.objectiveAdmin.title };

export default async function ObjectiveAdminPage() {
  const { primaryDb } = await requirePageReader("/admin/objetivos", "matrix:edit");
  const development = await listObjectivesForEditing(primaryDb);
  return (
    <div className="space-y-6">
      <PageHeader title={t.objectiveAdmin.title} intro={t.objectiveAdmin.intro} />
      {development.map((d) => (
        <section key={d.code} aria-labelledby={`od-${d.code}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id={`od-${d.code}`} className="font-semibold">
            {t.objective.development(d.code)}
          </h2>
          <ObjectiveTitleForm code={d.code} version={d.version} title={d.title} action={updateObjectiveTitleAction} />
          {d.managementObjectives.map((m) => (
            <ObjectiveTitleForm key={m.code} code={m.code} version={m.version} title={m.title} action={updateObjectiveTitleAction} />
          ))}
        </section>
      ))}
    </div>
  );
}
