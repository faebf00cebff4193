import { Link } from "@/components/ui/link";
import { t } from "@/lib/i18n";
import type { ObjectiveRow } from "./dashboard-rows";

/**
 * The first cell of a dashboard table row (`.dtable`): the objective's code as a link, its title below;
 * the row's `od` class sets development objectives apart and management objectives indented.
 */
export function ObjectiveRowHeader({ row }: { row: ObjectiveRow }) {
  return (
    <th scope="row">
      <Link href={`/objetivos/${row.code}`}>{t.dashboard.shortCode(row.code)}</Link> <span>{row.title}</span>
    </th>
  );
}

/** A dashboard table row's class: development objectives stand out. */
export const objectiveRowClass = (row: ObjectiveRow) => (row.level === "development" ? "od" : undefined);
