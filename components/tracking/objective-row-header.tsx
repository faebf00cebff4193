import Link from "next/link";
import { t } from "@/lib/i18n";
import type { ObjectiveRow } from "./dashboard-rows";

/** The first cell of a dashboard table row: the objective's code as a link, its title below, management objectives indented. */
export function ObjectiveRowHeader({ row }: { row: ObjectiveRow }) {
  const development = row.level === "development";
  return (
    <th scope="row" className={`max-w-md py-2 pr-3 text-left align-top ${development ? "pl-3 font-semibold" : "pl-6 font-normal"}`}>
      <Link href={`/objetivos/${row.code}`} className="font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900">
        {t.dashboard.shortCode(row.code)}
      </Link>{" "}
      <span className="line-clamp-1 text-xs text-slate-700" title={row.title}>
        {row.title}
      </span>
    </th>
  );
}
