import type { Metadata } from "next";
import Link from "next/link";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import { getMechanismGrid } from "@/lib/mechanisms/mechanism-usage";

export const metadata: Metadata = { title: t.grid.title };

// Five steps of one hue; dark steps switch to white text so every number keeps AA contrast.
const SHADES = [
  "bg-white text-slate-500",
  "bg-brand-50 text-slate-900",
  "bg-brand-100 text-slate-900",
  "bg-brand-200 text-slate-900",
  "bg-brand-600 text-white",
  "bg-brand-800 text-white",
];

function shade(value: number, max: number) {
  if (value === 0) return SHADES[0];
  return SHADES[Math.min(SHADES.length - 1, 1 + Math.floor(((value - 1) / Math.max(1, max - 1)) * (SHADES.length - 2)))];
}

export default async function GridPage() {
  const { readDb } = await requirePageReader("/matriz");
  const grid = await getMechanismGrid(readDb);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold text-brand-900">{t.grid.title}</h1>
        <p className="max-w-3xl text-slate-700">{t.grid.intro}</p>
      </header>
      <div className="overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="border-collapse text-sm" data-testid="mechanism-grid">
          <caption className="sr-only">{t.grid.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 z-[1] bg-slate-100 px-3 py-2 text-left">
                {t.grid.objective}
              </th>
              {grid.mechanisms.map((m) => (
                <th key={m.slug} scope="col" className="h-40 min-w-[3rem] bg-slate-100 px-1 align-bottom">
                  <Link
                    href={`/mecanismos/${m.slug}`}
                    className="inline-block max-h-36 text-xs font-semibold text-brand-800 [writing-mode:vertical-rl] rotate-180 hover:underline"
                  >
                    {m.name}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.objectives.map((o) => (
              <tr key={o.code} className="border-t border-slate-200">
                <th scope="row" className="sticky left-0 z-[1] max-w-[18rem] bg-white px-3 py-2 text-left font-normal">
                  <Link href={`/objetivos/${o.code}`} className="font-semibold text-brand-800 hover:underline">
                    {o.code}
                  </Link>{" "}
                  <span className="line-clamp-2 text-xs text-slate-700" title={o.title}>
                    {o.title}
                  </span>
                </th>
                {grid.mechanisms.map((m) => {
                  const n = grid.count(o.code, m.slug);
                  return (
                    <td key={m.slug} className={`border-l border-slate-100 p-0 text-center tabular-nums ${shade(n, grid.max)}`}>
                      {n === 0 ? (
                        <span className="block px-2 py-2">0</span>
                      ) : (
                        <Link
                          href={initiativesHref({ objetivo: [o.code], mecanismo: [m.slug] })}
                          className="block px-2 py-2 font-semibold hover:underline"
                          aria-label={t.grid.cellLabel(n, o.code, m.name)}
                          data-testid={`cell-${o.code}-${m.slug}`}
                        >
                          {n}
                        </Link>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
