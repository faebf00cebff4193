import { Link } from "@/components/ui/link";
import { formatDay, formatDateTime, t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import type { InitiativeTracking } from "@/lib/tracking/get-initiative-tracking";
import { counterpartTypeLabel } from "@/lib/tracking/counterpart-types";
import { STALE_AFTER_DAYS } from "@/lib/tracking/statuses";
import { ProgressMeter, StatusBadge } from "./status-badge";

/** Status, progress, owners and freshness of an initiative, in one card. */
export function TrackingSummary({ tracking }: { tracking: InitiativeTracking }) {
  return (
    <section
      aria-labelledby="seguimiento"
      className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4"
      data-testid="tracking-summary"
    >
      <h2 id="seguimiento" className="text-lg font-semibold text-slate-900">
        {t.tracking.title}
      </h2>
      <dl className="mt-3 grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="font-semibold text-slate-700">{t.tracking.status}</dt>
          <dd className="mt-1" data-testid="tracking-status">
            <StatusBadge status={tracking.status} />
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">{t.tracking.progress}</dt>
          <dd className="mt-1" data-testid="tracking-progress">
            <ProgressMeter value={tracking.progress} />
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">{t.tracking.lead}</dt>
          <dd className="mt-1 text-slate-900" data-testid="tracking-lead">
            {tracking.leadSecretariat ? (
              <Link
                href={initiativesHref({ responsable: [tracking.leadSecretariat.slug] })}
                className="text-brand-700 underline underline-offset-2"
              >
                {tracking.leadSecretariat.name}
              </Link>
            ) : (
              <span className="italic">{t.tracking.noLead}</span>
            )}
          </dd>
          <dt className="mt-2 font-semibold text-slate-700">{t.tracking.supporting}</dt>
          <dd className="mt-1 text-slate-900">
            {tracking.supportingSecretariats.length === 0
              ? t.tracking.noneSupporting
              : tracking.supportingSecretariats.map((s) => s.name).join(" · ")}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">{t.tracking.lastUpdate}</dt>
          <dd className="mt-1 text-slate-900" data-testid="tracking-last-update">
            {tracking.lastUpdateOn ? formatDay(tracking.lastUpdateOn) : <span className="italic">{t.tracking.neverUpdated}</span>}
          </dd>
        </div>
      </dl>
      {tracking.stale && (
        <p className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="stale-warning">
          {t.tracking.staleWarning(STALE_AFTER_DAYS)}
        </p>
      )}
    </section>
  );
}

type Instrument = InitiativeTracking["articulationObjectives"][number]["instruments"][number];

/** The instruments signed under one articulation objective. */
export function InstrumentList({ instruments }: { instruments: Instrument[] }) {
  if (instruments.length === 0) return <p className="text-sm text-slate-700">{t.tracking.noInstruments}</p>;
  return (
    <ul className="mt-1 space-y-2" data-testid="instrument-list">
      {instruments.map((i) => (
        <li key={i.id} className="rounded border border-slate-200 px-3 py-2 text-sm">
          <p className="font-medium text-slate-900">
            {i.title}{" "}
            {i.endingSoon && (
              <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t.tracking.endingSoon}</span>
            )}
            {i.ended && (
              <span className="ml-1 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-800">{t.tracking.ended}</span>
            )}
          </p>
          <p className="text-slate-700">
            {i.mechanism.name} · {i.counterpart.name} ({counterpartTypeLabel(i.counterpart.type)})
          </p>
          <p className="text-slate-700">{t.tracking.signedEnds(formatDay(i.signedOn), i.endsOn ? formatDay(i.endsOn) : null)}</p>
          {i.reference && <p className="break-words text-slate-700">{i.reference}</p>}
        </li>
      ))}
    </ul>
  );
}

/** Progress notes, newest first: the initiative's timeline. */
export function ProgressTimeline({ updates }: { updates: InitiativeTracking["progressUpdates"] }) {
  return (
    <section aria-labelledby="avances" className="space-y-3">
      <h2 id="avances" className="text-lg font-semibold text-slate-900">
        {t.tracking.timeline}
      </h2>
      {updates.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">{t.tracking.emptyTimeline}</p>
      ) : (
        <ol className="space-y-3 border-l-2 border-brand-200 pl-4" data-testid="timeline">
          {updates.map((u) => (
            <li
              key={u.id}
              className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-3 text-sm"
              data-testid="timeline-entry"
            >
              <p className="font-semibold text-slate-900">
                <time dateTime={u.occurredOn}>{formatDay(u.occurredOn)}</time>{" "}
                <span className="font-normal text-slate-700">
                  {t.tracking.by(u.authorName)} · <time dateTime={u.createdAt.toISOString()}>{formatDateTime(u.createdAt)}</time>
                </span>
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-900">{u.note}</p>
              {(u.status || u.progress !== null) && (
                <p className="mt-1 text-slate-700">
                  {[
                    u.status ? t.tracking.changedStatus(t.tracking.statuses[u.status]) : null,
                    u.progress !== null ? t.tracking.changedProgress(u.progress) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
