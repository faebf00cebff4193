"use client";

import { initiatives } from "@/lib/i18n/es/initiatives";
import type { InitiativeSort } from "@/lib/initiatives/table-options";
import { ColumnHeader, SortableColumnHeader, SortLabel, type SortDirection } from "@/components/ui/table";
import { COLUMN_LABELS, type ColumnId } from "./table-columns";
import { SortButton } from "./table-controls";

const SORT_LABELS = { ascending: initiatives.sortedAsc, descending: initiatives.sortedDesc };

/** A header of the server's column model (table-model.ts) in a few bytes: its column, the `orden` it asks for, and its direction when sorted. */
export type HeaderTuple = [id: ColumnId, sort: InitiativeSort | null, direction: SortDirection | null];

/**
 * The initiatives table's header rows, rendered from the column model's tuples: the RSC payload
 * carries these instead of the headers' element tree, which the HTML already holds (ADR 0016).
 */
export function InitiativeHeaders({ groups }: { groups: HeaderTuple[][] }) {
  return (
    <thead>
      {groups.map((headers, n) => (
        <tr key={n}>
          {headers.map(([id, sort, direction]) =>
            sort ? (
              <SortableColumnHeader key={id} direction={direction} data-col={id}>
                <SortButton sort={sort} dir={direction === "ascending" ? "desc" : "asc"}>
                  <SortLabel direction={direction} directionLabels={SORT_LABELS}>
                    {COLUMN_LABELS[id]}
                  </SortLabel>
                </SortButton>
              </SortableColumnHeader>
            ) : (
              <ColumnHeader key={id} className="" data-col={id}>
                {COLUMN_LABELS[id]}
              </ColumnHeader>
            ),
          )}
        </tr>
      ))}
    </thead>
  );
}
