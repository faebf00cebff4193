import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { PeriodStandings } from "@/components/accountability/period-standings";
import { ReportForm } from "@/components/accountability/report-form";
import { InitiativeTabs } from "@/components/initiatives/initiative-tabs";
import { InstrumentList, ProgressTimeline, TrackingSummary } from "@/components/tracking/tracking-summary";
import { DeleteInstrumentButton, InstrumentForm, OwnershipForm, ProgressUpdateForm } from "@/components/tracking/tracking-forms";
import { initiativeStandings } from "@/lib/accountability/queries";
import { mayActOnInitiative } from "@/lib/accountability/reporting-rights";
import { logDenied, metadataReader, requirePageReader } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { t } from "@/lib/i18n";
import { getInitiativeName, parseInitiativeId } from "@/lib/initiatives/get-initiative";
import { todayInQuito } from "@/lib/tracking/days";
import { getInitiativeTracking, getTrackingCatalogues } from "@/lib/tracking/get-initiative-tracking";
import {
  createInstrumentAction,
  deleteInstrumentAction,
  postProgressUpdateAction,
  setOwnershipAction,
  submitReportAction,
  updateInstrumentAction,
} from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const db = await metadataReader();
  const name = db && (await getInitiativeName(db, (await params).id));
  return { title: name ? t.tracking.pageTitle(name) : t.errors.notFound };
}

export default async function TrackingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const { user, db, readDb } = await requirePageReader(`/iniciativas/${raw}/seguimiento`, "progress:write");
  const id = parseInitiativeId(raw);
  // A reporter of another secretariat reads the initiative's page, but not this one, whatever the address.
  if (id !== null && !(await mayActOnInitiative(db, user, "progress:post", id))) {
    await logDenied(user, "progress:write", `/iniciativas/${raw}/seguimiento`, { initiativeId: id });
    forbidden();
  }
  const standings = id === null ? [] : await initiativeStandings(db, id);
  const canEdit = can(user.role, "tracking:edit");
  const [tracking, catalogues] =
    id === null ? [null, null] : await Promise.all([getInitiativeTracking(readDb, id), getTrackingCatalogues(readDb)]);
  if (!tracking || !catalogues) notFound();

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="max-w-4xl text-2xl font-bold text-brand-900">{tracking.name}</h1>
        <InitiativeTabs id={tracking.id} current="seguimiento" canEdit={can(user.role, "matrix:edit")} canTrack />
      </header>
      <TrackingSummary tracking={tracking} />

      <section aria-labelledby="reportes-periodo" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="reportes-periodo" className="text-lg font-semibold text-slate-900">
          {t.accountability.standingsTitle}
        </h2>
        <p className="mb-4 mt-1 text-sm text-slate-700">{t.accountability.reportIntro}</p>
        <PeriodStandings
          standings={standings}
          formFor={({ period, report, state }) =>
            period.open && state !== "excluido" && report?.status !== "APPROVED" ? (
              <ReportForm
                periodId={period.id}
                initiativeId={tracking.id}
                version={report?.version ?? 0}
                current={report}
                fallbackStatus={tracking.status}
                resubmit={report !== null}
                action={submitReportAction}
              />
            ) : null
          }
        />
      </section>

      {tracking.archivedAt ? (
        <p className="rounded bg-amber-100 px-3 py-2 text-sm text-amber-900">{t.initiative.archived}</p>
      ) : (
        <section aria-labelledby="registrar-avance" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="registrar-avance" className="text-lg font-semibold text-slate-900">
            {t.tracking.postTitle}
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-700">{t.tracking.postIntro}</p>
          <ProgressUpdateForm
            initiativeId={tracking.id}
            trackingVersion={tracking.trackingVersion}
            today={todayInQuito()}
            action={postProgressUpdateAction}
          />
        </section>
      )}

      {canEdit && (
        <section aria-labelledby="responsables" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="responsables" className="text-lg font-semibold text-slate-900">
            {t.tracking.ownershipTitle}
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-700">{t.tracking.ownershipIntro}</p>
          <OwnershipForm
            initiativeId={tracking.id}
            trackingVersion={tracking.trackingVersion}
            secretariats={catalogues.secretariats}
            leadId={tracking.leadSecretariat?.id ?? null}
            supportingIds={tracking.supportingSecretariats.map((s) => s.id)}
            action={setOwnershipAction}
          />
        </section>
      )}

      <section aria-labelledby="instrumentos" className="space-y-3">
        <h2 id="instrumentos" className="text-lg font-semibold text-slate-900">
          {t.tracking.instruments}
        </h2>
        <ol className="space-y-3">
          {tracking.articulationObjectives.map((objective, index) => (
            <li key={objective.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="tracking-objective">
              <h3 className="text-sm font-semibold text-brand-700">{t.initiative.objectiveNumber(index + 1)}</h3>
              <p className="mt-1 text-sm text-slate-900">{objective.text}</p>
              <div className="mt-2">
                <InstrumentList instruments={objective.instruments} />
              </div>
              {canEdit && (
                <div className="mt-3 space-y-2">
                  {objective.instruments.map((instrument) => (
                    <details key={instrument.id} className="rounded border border-slate-200 p-3">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700">
                        {t.tracking.edit}: {instrument.title}
                      </summary>
                      <div className="mt-3 space-y-3">
                        <InstrumentForm
                          instrument={instrument}
                          mechanisms={objective.mechanisms}
                          counterparts={catalogues.counterparts}
                          action={updateInstrumentAction}
                          submitLabel={t.tracking.saveInstrument}
                        />
                        <DeleteInstrumentButton id={instrument.id} version={instrument.version} action={deleteInstrumentAction} />
                      </div>
                    </details>
                  ))}
                  {objective.mechanisms.length === 0 ? (
                    <p className="text-sm text-slate-700">{t.tracking.noMechanismsForInstrument}</p>
                  ) : (
                    <details className="rounded border border-slate-200 p-3">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700">
                        {t.tracking.addInstrumentFor(index + 1)}
                      </summary>
                      <div className="mt-3">
                        {catalogues.counterparts.length === 0 && <p className="mb-2 text-sm text-amber-900">{t.tracking.noCounterparts}</p>}
                        <InstrumentForm
                          articulationObjectiveId={objective.id}
                          mechanisms={objective.mechanisms}
                          counterparts={catalogues.counterparts}
                          action={createInstrumentAction}
                          submitLabel={t.tracking.saveInstrument}
                        />
                      </div>
                    </details>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>

      <ProgressTimeline updates={tracking.progressUpdates} />
    </div>
  );
}
