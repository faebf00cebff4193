import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import { getMechanismGrid } from "@/lib/mechanisms/mechanism-usage";

export const metadata: Metadata = { title: t.grid.title };

const STEPS = 5;

/** The shade class of a cell: s0 for zero, then s1…s5 spread over 1…max. */
function shade(value: number, max: number) {
  if (value === 0) return "s0";
  return `s${Math.min(STEPS, 1 + Math.floor(((value - 1) / Math.max(1, max - 1)) * (STEPS - 1)))}`;
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
        <table className="mgrid" data-testid="mechanism-grid">
          <caption className="sr-only">{t.grid.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.grid.objective}</th>
              {grid.mechanisms.map((m) => (
                <th key={m.slug} scope="col">
                  <Link href={`/mecanismos/${m.slug}`}>{m.name}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.objectives.map((o) => (
              <tr key={o.code}>
                <th scope="row">
                  <Link href={`/objetivos/${o.code}`}>{o.code}</Link> <span>{o.title}</span>
                </th>
                {grid.mechanisms.map((m) => {
                  const n = grid.count(o.code, m.slug);
                  return (
                    <td key={m.slug} className={shade(n, grid.max)}>
                      {n === 0 ? (
                        <span>0</span>
                      ) : (
                        // A plain link: as client Links, the grid's cells would each hydrate and prefetch the table.
                        <a
                          href={initiativesHref({ objetivo: [o.code], mecanismo: [m.slug] })}
                          aria-label={t.grid.cellLabel(n, o.code, m.name)}
                        >
                          {n}
                        </a>
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
