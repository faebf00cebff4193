import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ArchiveButton } from "@/components/initiatives/archive-button";
import { InitiativeTabs } from "@/components/initiatives/initiative-tabs";
import { PrintButton } from "@/components/ui/print-button";
import { mayActOnInitiative } from "@/lib/accountability/reporting-rights";
import { IndicatorsSection } from "@/components/indicators/indicators-section";
import { metadataReader, requirePageReader } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { formatDate, t } from "@/lib/i18n";
import { getInitiative, getInitiativeName, parseInitiativeId, type RelatedInitiative } from "@/lib/initiatives/get-initiative";
import { getInitiativeIndicators } from "@/lib/indicators/get-initiative-indicators";
import { todayInQuito } from "@/lib/tracking/days";
import { getInitiativeTracking, getTrackingCatalogues } from "@/lib/tracking/get-initiative-tracking";
import { InstrumentList, ProgressTimeline, TrackingSummary } from "@/components/tracking/tracking-summary";
import { archiveInitiativeAction } from "./actions";
import {
  createIndicatorAction,
  deleteMeasurementAction,
  createMilestoneAction,
  recordMeasurementAction,
  updateIndicatorAction,
  updateMeasurementAction,
  updateMilestoneAction,
} from "./indicadores/actions";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const db = await metadataReader();
  return { title: (db && (await getInitiativeName(db, (await params).id))) ?? t.errors.notFound };
}

export default async function InitiativePage({ params }: { params: Params }) {
  const { id: raw } = await params;
  const { user, db, readDb } = await requirePageReader(`/iniciativas/${raw}`);
  const canEdit = can(user.role, "matrix:edit");
  const id = parseInitiativeId(raw);
  const canDefine = can(user.role, "indicators:define");
  // Indicators from the primary: the versions their forms carry must be the current ones.
  const [found, tracking, indicators, catalogues] =
    id === null
      ? [null, null, null, null]
      : await Promise.all([
          getInitiative(readDb, id),
          getInitiativeTracking(readDb, id),
          getInitiativeIndicators(db, id),
          canDefine ? getTrackingCatalogues(readDb) : null,
        ]);
  if (!found || !tracking || !indicators) notFound();
  const open = found.initiative.archivedAt === null;
  const instrumentsOf = new Map(tracking.articulationObjectives.map((o) => [o.id, o.instruments]));
  const { initiative, sameObjective, sharingMechanisms } = found;
  const management = initiative.managementObjective;
  const development = management.developmentObjective;

  return (
    <article className="space-y-8">
      <Breadcrumb
        items={[
          { href: `/objetivos/${development.code}`, label: t.objective.development(development.code) },
          { href: `/objetivos/${management.code}`, label: t.objective.management(management.code) },
          { label: initiative.name },
        ]}
      />
      <header className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <h1 className="max-w-4xl text-2xl font-bold text-brand-900">{initiative.name}</h1>
          <div className="flex flex-wrap items-start gap-2">
            <PrintButton label={t.initiative.print} />
            {canEdit && (
              <ArchiveButton
                id={initiative.id}
                name={initiative.name}
                version={initiative.version}
                archived={initiative.archivedAt !== null}
                action={archiveInitiativeAction}
              />
            )}
          </div>
        </div>
        <InitiativeTabs
          id={initiative.id}
          current="ficha"
          canEdit={canEdit}
          canTrack={await mayActOnInitiative(db, user, "progress:post", initiative.id)}
        />
        {initiative.archivedAt && (
          <p className="inline-block rounded bg-amber-100 px-2 py-1 text-sm text-amber-900">{t.initiative.archived}</p>
        )}
        <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-2">
          <div>
            <dt className="font-semibold text-slate-700">{t.objective.development(development.code)}</dt>
            <dd className="text-slate-900">{development.title}</dd>
          </div>
          <div>
            <dt className="font-semibold text-slate-700">{t.objective.management(management.code)}</dt>
            <dd className="text-slate-900">{management.title}</dd>
          </div>
        </dl>
      </header>

      <TrackingSummary tracking={tracking} />

      <IndicatorsSection
        initiativeId={found.initiative.id}
        data={indicators}
        today={todayInQuito()}
        define={
          canDefine && open && catalogues
            ? {
                secretariats: catalogues.secretariats,
                create: createIndicatorAction,
                update: updateIndicatorAction,
                createMilestone: createMilestoneAction,
                updateMilestone: updateMilestoneAction,
              }
            : null
        }
        measure={
          open && (await mayActOnInitiative(db, user, "progress:post", initiative.id))
            ? { record: recordMeasurementAction, update: updateMeasurementAction, remove: deleteMeasurementAction }
            : null
        }
      />

      <section aria-labelledby="objetivos-articulacion" className="space-y-3">
        <h2 id="objetivos-articulacion" className="text-lg font-semibold text-slate-900">
          {t.initiative.articulationObjectives}
        </h2>
        <ol className="space-y-3">
          {initiative.articulationObjectives.map((objective, index) => (
            <li
              key={objective.id}
              className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4"
              data-testid="articulation-objective"
            >
              <h3 className="text-sm font-semibold text-brand-700">{t.initiative.objectiveNumber(index + 1)}</h3>
              <p className="mt-1 text-slate-900">{objective.text}</p>
              <h4 className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-700">{t.initiative.mechanisms}</h4>
              {objective.mechanisms.length === 0 ? (
                <p className="text-sm text-slate-700">{t.initiative.noMechanisms}</p>
              ) : (
                <ul className="mt-1 flex flex-wrap gap-1">
                  {objective.mechanisms.map(({ mechanism }) => (
                    <li key={mechanism.slug}>
                      <Link
                        href={`/mecanismos/${mechanism.slug}`}
                        className="inline-block rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-900 ring-1 ring-brand-200 hover:bg-brand-100"
                      >
                        {mechanism.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              <h4 className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-700">{t.tracking.instruments}</h4>
              <InstrumentList instruments={instrumentsOf.get(objective.id) ?? []} />
            </li>
          ))}
        </ol>
      </section>

      <ProgressTimeline updates={tracking.progressUpdates} />

      <section aria-labelledby="fuente" className="text-sm">
        <h2 id="fuente" className="font-semibold text-slate-900">
          {t.initiative.source}
        </h2>
        <p className="text-slate-700" data-testid="source">
          {t.initiative.sourceText(initiative.sourcePage, initiative.sourceLine)}
        </p>
      </section>

      <div className="no-print grid gap-6 md:grid-cols-2">
        <RelatedList id="mismo-objetivo" title={t.initiative.sameObjective} items={sameObjective} />
        <RelatedList id="mecanismos-comunes" title={t.initiative.sharingMechanisms} items={sharingMechanisms} />
      </div>
      <p className="hidden text-xs text-slate-600 print:block">{t.initiative.printedOn(formatDate(new Date()))}</p>
    </article>
  );
}

function RelatedList({ id, title, items }: { id: string; title: string; items: RelatedInitiative[] }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t.initiative.noneRelated}</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {items.map((item) => (
            <li key={item.id}>
              <Link href={`/iniciativas/${item.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                {item.name}
              </Link>{" "}
              <span className="text-slate-600">
                ({item.managementObjectiveCode}
                {item.shared ? ` · ${t.initiative.sharedCount(item.shared)}` : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
