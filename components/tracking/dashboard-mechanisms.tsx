import { Link } from "@/components/ui/link";
import { formatNumber, t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import type { Dashboard } from "@/lib/tracking/get-dashboard";
import { BarFill } from "@/components/ui/bar-fill";

/** Mechanisms by the number of initiatives using them: a table (`.mtable`) whose count cells carry a bar, the number always written. */
export function MechanismTable({ mechanisms }: { mechanisms: Dashboard["mechanisms"] }) {
  if (mechanisms.length === 0) return <p className="text-slate-700">{t.dashboard.noMechanisms}</p>;
  const max = Math.max(1, ...mechanisms.map((m) => m.initiatives));
  return (
    <table className="mtable">
      <caption className="sr-only">{t.dashboard.mechanismsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.dashboard.colMechanism}</th>
          <th scope="col">{t.dashboard.colInitiatives}</th>
        </tr>
      </thead>
      <tbody>
        {mechanisms.map((m) => (
          <tr key={m.slug}>
            <th scope="row">
              <Link href={`/mecanismos/${m.slug}`}>{m.name}</Link>
            </th>
            <td>
              <span>
                <BarFill fraction={m.initiatives / max} className="h-3 flex-1 rounded bg-slate-100" fill="fill-brand-600" />
                {/* A plain link, like the other counts of the dashboard (see CountLink). */}
                <a href={initiativesHref({ mecanismo: [m.slug] })} aria-label={t.dashboard.mechanismLabel(m.initiatives, m.name)}>
                  {formatNumber(m.initiatives)}
                </a>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
