import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InitiativeTabs } from "@/components/initiatives/initiative-tabs";
import { RestoreVersionButton } from "@/components/initiatives/restore-version-button";
import { mayActOnInitiative } from "@/lib/accountability/reporting-rights";
import { metadataReader, requirePageReader } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { formatDateTime, t } from "@/lib/i18n";
import { diffSnapshots, type SnapshotChange } from "@/lib/initiatives/diff-snapshots";
import { getInitiativeName, parseInitiativeId } from "@/lib/initiatives/get-initiative";
import { initiativeHistory } from "@/lib/initiatives/list-initiative-history";
import { snapshotInitiative } from "@/lib/initiatives/get-initiative-snapshot";
import { restoreVersionAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const db = await metadataReader();
  const name = db && (await getInitiativeName(db, (await params).id));
  return { title: name ? t.editing.historyPageTitle(name) : t.errors.notFound };
}

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const { user, db } = await requirePageReader(`/iniciativas/${raw}/historial`);
  const id = parseInitiativeId(raw);
  const [current, history] = id === null ? [null, []] : await Promise.all([snapshotInitiative(db, id), initiativeHistory(db, id)]);
  if (!current || id === null) notFound();
  const canEdit = can(user.role, "matrix:edit");

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{current.snapshot.name}</h1>
      <InitiativeTabs id={id} current="historial" canEdit={canEdit} canTrack={await mayActOnInitiative(db, user, "progress:post", id)} />
      <h2 className="text-lg font-semibold">{t.editing.historyTitle}</h2>
      <p className="text-sm text-slate-700">{t.editing.historyScope}</p>
      {history.length === 0 ? (
        <p className="text-slate-700">{t.editing.historyEmpty}</p>
      ) : (
        <ol className="space-y-4">
          {history.map((event) => (
            <li key={event.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="history-event">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-semibold text-slate-900">
                    {t.audit.actions[event.action as keyof typeof t.audit.actions] ?? event.action} ·{" "}
                    {t.editing.versionLabel(event.version)}
                  </p>
                  <p className="text-sm text-slate-700">
                    <time dateTime={event.occurredAt.toISOString()}>
                      {t.editing.by(event.userEmail ?? "—", formatDateTime(event.occurredAt))}
                    </time>
                  </p>
                </div>
                {canEdit && event.version !== current.version && (
                  <RestoreVersionButton id={id} version={current.version} eventId={event.id} action={restoreVersionAction} />
                )}
              </div>
              <Changes changes={diffSnapshots(event.before, event.after)} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Changes({ changes }: { changes: SnapshotChange[] }) {
  if (changes.length === 0) return null;
  const label = { name: t.editing.field.name, managementObjectiveCode: t.editing.field.objective, archived: t.editing.field.archived };
  return (
    <ul className="mt-3 space-y-2 text-sm">
      {changes.map((change, i) => (
        <li key={i} className="rounded bg-slate-50 p-2">
          {change.kind === "field" && (
            <>
              <span className="font-semibold">{label[change.field]}: </span>
              <del className="bg-red-50 text-red-900">{change.before}</del> →{" "}
              <ins className="bg-green-50 text-green-900 no-underline">{change.after}</ins>
            </>
          )}
          {change.kind === "objective-added" && (
            <>
              <span className="font-semibold">
                {t.editing.added} {t.initiative.objectiveNumber(change.index + 1).toLowerCase()}:{" "}
              </span>
              <ins className="bg-green-50 text-green-900 no-underline">{change.text}</ins> ({change.mechanisms.join(", ") || "—"})
            </>
          )}
          {change.kind === "objective-removed" && (
            <>
              <span className="font-semibold">
                {t.editing.removed} {t.initiative.objectiveNumber(change.index + 1).toLowerCase()}:{" "}
              </span>
              <del className="bg-red-50 text-red-900">{change.text}</del>
            </>
          )}
          {change.kind === "objective-changed" && (
            <>
              <span className="font-semibold">{t.initiative.objectiveNumber(change.index + 1)}: </span>
              {change.before !== change.after && (
                <>
                  <del className="bg-red-50 text-red-900">{change.before}</del> →{" "}
                  <ins className="bg-green-50 text-green-900 no-underline">{change.after}</ins>{" "}
                </>
              )}
              {change.mechanismsAdded.length > 0 && <span className="text-green-900">+ {change.mechanismsAdded.join(", ")} </span>}
              {change.mechanismsRemoved.length > 0 && <span className="text-red-900">− {change.mechanismsRemoved.join(", ")}</span>}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
