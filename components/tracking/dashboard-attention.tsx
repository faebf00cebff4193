import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { formatDay, formatNumber, t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import { NO_OWNER } from "@/lib/tracking/secretariats";
import { counterpartTypeLabel } from "@/lib/tracking/counterpart-types";
import { daysBetween } from "@/lib/tracking/days";
import type { Dashboard } from "@/lib/tracking/get-dashboard";
import { ENDING_SOON_DAYS, STALE_AFTER_DAYS } from "@/lib/tracking/statuses";

// Links that sit in a sentence are underlined, so they do not rely on colour alone.
const inlineLink = "font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900";
// A class of the stylesheet: the lists repeat it on every item.
const itemLink = "item-link";

/** Instruments ending within the horizon, soonest first, each with the initiative it belongs to. */
export function EndingSoon({ endingSoon, today }: { endingSoon: Dashboard["endingSoon"]; today: string }) {
  const { instruments } = endingSoon;
  if (instruments.length === 0) return <p className="text-slate-700">{t.dashboard.noEnding(ENDING_SOON_DAYS)}</p>;
  return (
    <div className="space-y-3">
      <p>
        <Link href={initiativesHref({ vencen: "si" })} className={inlineLink}>
          {t.dashboard.endingSummary(instruments.length, endingSoon.initiatives)}
        </Link>
      </p>
      <ul className="divide-y divide-slate-200" data-testid="ending-soon">
        {instruments.map((instrument) => (
          <li key={instrument.id} className="space-y-0.5 py-2 text-sm">
            <p className="font-semibold text-slate-900">{instrument.title}</p>
            <p className="text-slate-700">
              {instrument.type} · {t.dashboard.with(instrument.counterpart.name, counterpartTypeLabel(instrument.counterpart.type))}
            </p>
            <p className="text-slate-900">
              {t.dashboard.endsOn(formatDay(instrument.endsOn))} ({t.dashboard.endsIn(daysBetween(today, instrument.endsOn))})
            </p>
            <p>
              <Link href={`/iniciativas/${instrument.initiative.id}`} className={itemLink}>
                {instrument.initiative.name}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A count that opens the table, the sentence it belongs to, and what follows it. */
function Headline({ count, href, testId, children }: { count: number; href: string; testId: string; children: ReactNode }) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-2 text-slate-800">
      <Link
        href={href}
        className="text-3xl font-bold text-brand-700 underline underline-offset-4 hover:text-brand-900"
        data-testid={testId}
      >
        {formatNumber(count)}
      </Link>
      {children}
    </p>
  );
}

function MoreLink({ shown, total, href }: { shown: number; total: number; href: string }) {
  if (total <= shown) return null;
  return (
    <p className="text-sm">
      <Link href={href} className={inlineLink}>
        {t.dashboard.seeAll(total)}
      </Link>
    </p>
  );
}

/** Initiatives nobody leads yet: how many, and the first ones in document order. */
export function Unowned({ unowned }: { unowned: Dashboard["unowned"] }) {
  const href = initiativesHref({ responsable: [NO_OWNER] });
  return (
    <div className="space-y-3">
      <Headline count={unowned.count} href={href} testId="unowned-count">
        <span>{t.dashboard.unownedSummary(unowned.count)}</span>
      </Headline>
      {unowned.count === 0 ? (
        <p className="text-slate-700">{t.dashboard.noUnowned}</p>
      ) : (
        <>
          {unowned.count > unowned.first.length && (
            <p className="text-sm text-slate-700">{t.dashboard.firstOf(unowned.first.length, unowned.count)}</p>
          )}
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {unowned.first.map((initiative) => (
              <li key={initiative.id}>
                <Link href={`/iniciativas/${initiative.id}`} className={itemLink}>
                  {initiative.name}
                </Link>
              </li>
            ))}
          </ul>
          <MoreLink shown={unowned.first.length} total={unowned.count} href={href} />
        </>
      )}
    </div>
  );
}

/** Initiatives without a progress update within the horizon (or ever): how many, and the oldest news first. */
export function Stale({ stale }: { stale: Dashboard["stale"] }) {
  const href = initiativesHref({ desactualizadas: "si" });
  return (
    <div className="space-y-3">
      <Headline count={stale.count} href={href} testId="stale-count">
        <span>{t.dashboard.staleSummary(stale.count, STALE_AFTER_DAYS)}</span>
      </Headline>
      {stale.count === 0 ? (
        <p className="text-slate-700">{t.dashboard.noStale(STALE_AFTER_DAYS)}</p>
      ) : (
        <>
          {stale.neverUpdated > 0 && (
            <p className="text-sm text-slate-800">
              <Link href={href} className={inlineLink}>
                {t.dashboard.neverUpdated(stale.neverUpdated)}
              </Link>
            </p>
          )}
          {stale.count > stale.first.length && (
            <p className="text-sm text-slate-700">{t.dashboard.firstOf(stale.first.length, stale.count)}</p>
          )}
          <ul className="space-y-2 text-sm" data-testid="stale-list">
            {stale.first.map((initiative) => (
              <li key={initiative.id}>
                <Link href={`/iniciativas/${initiative.id}`} className={itemLink}>
                  {initiative.name}
                </Link>
                <span className="block text-xs text-slate-700">
                  {initiative.lastUpdateOn ? t.dashboard.lastUpdate(formatDay(initiative.lastUpdateOn)) : t.tracking.neverUpdated}
                </span>
              </li>
            ))}
          </ul>
          <MoreLink shown={stale.first.length} total={stale.count} href={href} />
        </>
      )}
    </div>
  );
}
