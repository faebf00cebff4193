import type { Metadata } from "next";
import { InitiativeEditor } from "@/components/initiatives/initiative-editor";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { getEditorOptions } from "@/lib/initiatives/editor-options";
import { createInitiativeAction } from "./actions";

export const metadata: Metadata = { title: t.editing.newTitle };

export default async function NewInitiativePage() {
  const { db } = await requirePageReader("/iniciativas/nueva", "matrix:edit");
  const options = await getEditorOptions(db);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t.editing.newTitle}</h1>
      <InitiativeEditor
        initial={{ name: "", managementObjectiveCode: "", articulationObjectives: [{ text: "", mechanismIds: [] }] }}
        objectives={options.objectives}
        mechanisms={options.mechanisms}
        action={createInitiativeAction}
      />
    </div>
  );
}
