import Link from "next/link";
import { formatNumber, t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import type { Dashboard } from "@/lib/tracking/get-dashboard";
import { BarFill } from "@/components/ui/bar-fill";

/** Mechanisms by the number of initiatives using them: a table whose count cells carry a bar, the number always written. */
export function MechanismTable({ mechanisms }: { mechanisms: Dashboard["mechanisms"] }) {
  if (mechanisms.length === 0) return <p className="text-slate-700">{t.dashboard.noMechanisms}</p>;
  const max = Math.max(1, ...mechanisms.map((m) => m.initiatives));
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t.dashboard.mechanismsCaption}</caption>
      <thead className="bg-slate-50 text-slate-700">
        <tr>
          <th scope="col" className="px-3 py-2 text-left font-semibold">
            {t.dashboard.colMechanism}
          </th>
          <th scope="col" className="w-1/2 px-3 py-2 text-left font-semibold">
            {t.dashboard.colInitiatives}
          </th>
        </tr>
      </thead>
      <tbody>
        {mechanisms.map((m) => (
          <tr key={m.slug} className="border-t border-slate-200">
            <th scope="row" className="px-3 py-1.5 text-left font-normal">
              <Link href={`/mecanismos/${m.slug}`} className="text-brand-800 underline-offset-2 hover:underline">
                {m.name}
              </Link>
            </th>
            <td className="px-3 py-1.5">
              <span className="flex items-center gap-2">
                <BarFill fraction={m.initiatives / max} className="h-3 flex-1 rounded bg-slate-100" fill="fill-brand-600" />
                <Link
                  href={initiativesHref({ mecanismo: [m.slug] })}
                  aria-label={t.dashboard.mechanismLabel(m.initiatives, m.name)}
                  className="w-10 text-right font-semibold tabular-nums text-brand-700 underline-offset-2 hover:underline"
                >
                  {formatNumber(m.initiatives)}
                </Link>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
