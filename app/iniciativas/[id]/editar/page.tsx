import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InitiativeEditor } from "@/components/initiatives/initiative-editor";
import { InitiativeTabs } from "@/components/initiatives/initiative-tabs";
import { metadataReader, requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { getEditorOptions } from "@/lib/initiatives/editor-options";
import { getInitiativeName, parseInitiativeId } from "@/lib/initiatives/get-initiative";
import { snapshotToInput } from "@/lib/initiatives/snapshot-input";
import { snapshotInitiative } from "@/lib/initiatives/get-initiative-snapshot";
import { saveInitiativeAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const db = await metadataReader();
  const name = db && (await getInitiativeName(db, (await params).id));
  return { title: name ? t.editing.editPageTitle(name) : t.errors.notFound };
}

export default async function EditInitiativePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const { db } = await requirePageReader(`/iniciativas/${raw}/editar`, "matrix:edit");
  const id = parseInitiativeId(raw);
  const [found, options] = await Promise.all([id === null ? null : snapshotInitiative(db, id), getEditorOptions(db)]);
  if (!found || id === null) notFound();
  const { snapshot, version } = found;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t.editing.editTitle}</h1>
      <InitiativeTabs id={id} current="editar" canEdit canTrack />
      <InitiativeEditor
        id={id}
        version={version}
        initial={snapshotToInput(snapshot)}
        objectives={options.objectives}
        mechanisms={options.mechanisms}
        action={saveInitiativeAction}
      />
    </div>
  );
}
