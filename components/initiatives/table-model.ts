import "server-only";
// The headless core @tanstack/react-table re-exports, imported directly: the package's own entry also
// loads its hooks (`'use client'` modules), which a server component must not pull into the page (ADR 0016).
import { columnVisibilityFeature, constructTable, createColumnHelper, rowSortingFeature, tableFeatures } from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import type { InitiativeQuery } from "@/lib/initiatives/initiative-query";
import type { InitiativeSort } from "@/lib/initiatives/table-options";
import type { RowView } from "./initiative-rows";
import { COLUMN_IDS, COLUMN_LABELS, type ColumnId } from "./table-columns";

const features = tableFeatures({
  // Read once, when built: no subscriptions, so the store bindings meant for use without a framework.
  coreReactivityFeature: storeReactivityBindings(),
  columnVisibilityFeature,
  rowSortingFeature,
  columnMeta: {} as { sort?: InitiativeSort },
});

const column = createColumnHelper<typeof features, RowView>();

/**
 * The initiatives table's column model: each column's header, whether it can be hidden and the
 * `orden` its header asks for (the accessors name the RowView field each column shows). The rows
 * arrive sorted from the database; the sorting state only says which header is the sorted one.
 */
const columns = column.columns([
  column.accessor("name", { id: "iniciativa", header: COLUMN_LABELS.iniciativa, enableHiding: false, meta: { sort: "nombre" } }),
  column.accessor("code", { id: "objetivo", header: COLUMN_LABELS.objetivo, meta: { sort: "objetivo" } }),
  column.accessor("mechanisms", { id: "mecanismos", header: COLUMN_LABELS.mecanismos, enableSorting: false }),
  column.accessor("count", { id: "objetivos", header: COLUMN_LABELS.objetivos, meta: { sort: "objetivos" } }),
  column.accessor("status", { id: "estado", header: COLUMN_LABELS.estado, meta: { sort: "estado" } }),
  column.accessor("lead", { id: "responsable", header: COLUMN_LABELS.responsable, meta: { sort: "responsable" } }),
  column.accessor("day", { id: "actualizacion", header: COLUMN_LABELS.actualizacion, meta: { sort: "actualizacion" } }),
]);

/** A header as the server renders it: plain values, nothing of the table instance. */
export interface HeaderView {
  id: ColumnId;
  /** The `orden` this header asks for; absent when the column does not sort. */
  sort?: InitiativeSort;
  direction: "ascending" | "descending" | null;
}

export interface TableModel {
  headerGroups: { id: string; headers: HeaderView[] }[];
  /** The visible columns, in order: all the rows' client component receives of the model. */
  visible: ColumnId[];
  /** The columns the user may hide (`ocultar`), for the columns menu. */
  hideable: { id: ColumnId; label: string }[];
}

const isColumnId = (id: string): id is ColumnId => (COLUMN_IDS as readonly string[]).includes(id);

/**
 * Built once per combination of sort and hidden columns (at most 9 × 2 × 64): an instance costs
 * ~4 ms of CPU to construct and read, and the rows play no part in it (they arrive sorted and paged).
 * The plain result is shared between requests and never changed.
 */
const models = new Map<string, TableModel>();

/** The table's headers and columns for the address's sort (`orden`, `dir`) and hidden columns (`ocultar`). */
export function initiativesTableModel(query: Pick<InitiativeQuery, "orden" | "dir">, hidden: string[]): TableModel {
  // A hand-written `ocultar` cannot hide the name: only the columns that may be hidden are, in column order for the key.
  const off = columns.flatMap((def) => (def.enableHiding !== false && def.id && hidden.includes(def.id) ? [def.id] : []));
  const key = `${query.orden} ${query.dir} ${off.join(",")}`;
  let model = models.get(key);
  if (!model) {
    model = buildModel(query, off);
    models.set(key, model);
  }
  return model;
}

function buildModel(query: Pick<InitiativeQuery, "orden" | "dir">, off: string[]): TableModel {
  const sorted = columns.find((def) => def.meta?.sort === query.orden);
  const table = constructTable({
    features,
    columns,
    data: [],
    state: {
      sorting: sorted?.id ? [{ id: sorted.id, desc: query.dir === "desc" }] : [],
      columnVisibility: Object.fromEntries(off.map((id) => [id, false])),
    },
  });
  const ids = (list: { id: string }[]) => list.map((c) => c.id).filter(isColumnId);
  return {
    headerGroups: table.getHeaderGroups().map((group) => ({
      id: group.id,
      headers: group.headers.flatMap((header) => {
        const { id, columnDef } = header.column;
        if (!isColumnId(id)) return [];
        const sortedAs = header.column.getIsSorted();
        return [
          {
            id,
            sort: header.column.getCanSort() ? columnDef.meta?.sort : undefined,
            direction: sortedAs === "desc" ? "descending" : sortedAs === "asc" ? "ascending" : null,
          },
        ];
      }),
    })),
    visible: ids(table.getVisibleLeafColumns()),
    hideable: ids(table.getAllLeafColumns().filter((c) => c.getCanHide())).map((id) => ({ id, label: COLUMN_LABELS[id] })),
  };
}
