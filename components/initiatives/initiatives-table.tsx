"use client";

import {
  columnVisibilityFeature,
  FlexRender,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
} from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import type { InitiativeQuery } from "@/lib/initiatives/initiative-query";
import { PAGE_SIZES, type InitiativeSort } from "@/lib/initiatives/table-options";
import type { InitiativePage, InitiativeRow } from "@/lib/initiatives/search-initiatives";
import { formatShortDay, t } from "@/lib/i18n";
import { ProgressMeter, StatusBadge } from "@/components/tracking/status-badge";
import { shortSecretariatName } from "@/lib/tracking/secretariats";
import { foldChars, foldText } from "@/lib/text/search-text";
import { Highlighted } from "./highlighted";
import { Pagination } from "./pagination";
import { useQueryNavigation } from "./use-query-navigation";

// Filtering, sorting and paging happen in PostgreSQL; the table only lays out one page and hides columns.
const features = tableFeatures({ columnVisibilityFeature });

const HIDEABLE = ["objetivo", "mecanismos", "objetivos", "estado", "responsable", "actualizacion"] as const;
const SORTABLE: Partial<Record<string, InitiativeSort>> = {
  iniciativa: "nombre",
  objetivo: "objetivo",
  objetivos: "objetivos",
  estado: "estado",
  responsable: "responsable",
  actualizacion: "actualizacion",
};

interface Props {
  page: InitiativePage;
  query: InitiativeQuery;
  hidden: string[];
}

export function InitiativesTable({ page, query, hidden }: Props) {
  const { navigate, pending } = useQueryNavigation();
  const terms = page.terms;

  const columns = useMemo<ColumnDef<typeof features, InitiativeRow>[]>(
    () => [
      {
        id: "iniciativa",
        header: t.initiatives.colInitiative,
        enableHiding: false,
        cell: ({ row }) => (
          <div className="min-w-40 space-y-1">
            <Link href={`/iniciativas/${row.original.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
              <Highlighted text={row.original.name} terms={terms} />
            </Link>
            {row.original.matchingObjective && !foldText(row.original.name).includes(terms[0] ?? "\u0000") && (
              <p className="text-xs text-slate-700">
                <span className="font-medium">{t.initiatives.matchIn} </span>
                <Highlighted text={excerpt(row.original.matchingObjective, terms)} terms={terms} />
              </p>
            )}
          </div>
        ),
      },
      {
        id: "objetivo",
        header: t.initiatives.colObjective,
        cell: ({ row }) => (
          <span title={row.original.managementObjective.title} className="block min-w-28">
            <span className="font-semibold text-slate-900">{row.original.managementObjective.code}</span>{" "}
            <span className="text-slate-700">{shorten(row.original.managementObjective.title, 45)}</span>
          </span>
        ),
      },
      {
        id: "mecanismos",
        header: t.initiatives.colMechanisms,
        cell: ({ row }) => (
          <ul className="flex flex-wrap gap-1">
            {row.original.mechanisms.map((m) => (
              <li key={m.slug} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-900 ring-1 ring-brand-200">
                <Highlighted text={m.name} terms={terms} />
              </li>
            ))}
          </ul>
        ),
      },
      {
        id: "objetivos",
        header: t.initiatives.colObjectiveCount,
        cell: ({ row }) => <span className="tabular-nums">{row.original.objectiveCount}</span>,
      },
      {
        id: "estado",
        header: t.tracking.colStatus,
        cell: ({ row }) => (
          <div className="space-y-1">
            <StatusBadge status={row.original.status} />
            <div>
              <ProgressMeter value={row.original.progress} />
            </div>
          </div>
        ),
      },
      {
        id: "responsable",
        header: t.tracking.colLead,
        cell: ({ row }) =>
          row.original.leadSecretariat ? (
            <span title={row.original.leadSecretariat.name}>{shortSecretariatName(row.original.leadSecretariat.name)}</span>
          ) : (
            <span className="text-xs italic text-slate-700">{t.tracking.noOwnerOption}</span>
          ),
      },
      {
        id: "actualizacion",
        header: t.tracking.colLastUpdate,
        cell: ({ row }) =>
          row.original.lastUpdateOn ? (
            <span className="whitespace-nowrap">{formatShortDay(row.original.lastUpdateOn)}</span>
          ) : (
            <span className="text-xs italic text-slate-700">{t.tracking.noUpdatesShort}</span>
          ),
      },
    ],
    [terms],
  );

  const [hiddenNow, setHiddenNow] = useState(hidden);
  const hiddenKey = hidden.join(",");
  useEffect(() => setHiddenNow(hiddenKey ? hiddenKey.split(",") : []), [hiddenKey]);
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(HIDEABLE.map((id) => [id, !hiddenNow.includes(id)]));

  const table = useTable({
    features,
    columns,
    data: page.data,
    getRowId: (row) => String(row.id),
    state: { columnVisibility },
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === "function" ? updater(columnVisibility) : updater;
      const off = HIDEABLE.filter((id) => next[id] === false);
      setHiddenNow(off);
      navigate((params) => (off.length ? params.set("ocultar", off.join(",")) : params.delete("ocultar")), {
        resetPage: false,
        replace: true,
      });
    },
  });

  function sortBy(columnId: string) {
    const target = SORTABLE[columnId]!;
    const dir = query.orden === target && query.dir === "asc" ? "desc" : "asc";
    navigate(
      (params) => {
        params.set("orden", target);
        if (dir === "desc") params.set("dir", "desc");
        else params.delete("dir");
      },
      { resetPage: true },
    );
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <details data-dropdown className="relative">
          <summary className="cursor-pointer rounded border border-slate-400 bg-white px-3 py-1.5 font-medium">
            {t.initiatives.columns}
          </summary>
          <fieldset className="absolute z-10 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded border border-slate-200 bg-white p-3 shadow-lg">
            <legend className="sr-only">{t.initiatives.columnsLegend}</legend>
            {table
              .getAllLeafColumns()
              .filter((c) => c.getCanHide())
              .map((column) => (
                <label key={column.id} className="flex items-center gap-2 py-1">
                  <input type="checkbox" checked={column.getIsVisible()} onChange={(e) => column.toggleVisibility(e.target.checked)} />
                  {String(column.columnDef.header)}
                </label>
              ))}
          </fieldset>
        </details>
        <div className="flex items-center gap-2">
          <label htmlFor="filas-por-pagina">{t.initiatives.pageSize}</label>
          <select
            id="filas-por-pagina"
            value={query.por}
            onChange={(e) => navigate((params) => (e.target.value === "25" ? params.delete("por") : params.set("por", e.target.value)))}
            className="rounded border border-slate-400 bg-white px-2 py-1"
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      </div>

      {page.data.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center" data-testid="empty-state">
          <p className="font-semibold text-slate-900">{t.initiatives.empty}</p>
          <p className="mt-1 text-sm text-slate-700">{t.initiatives.emptyHint}</p>
          <Link href="/iniciativas" className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
            {t.initiatives.clearFilters}
          </Link>
        </div>
      ) : (
        <div className="scroll-cue overflow-auto rounded-lg lg:max-h-[75vh] border border-slate-200 bg-white shadow-sm" aria-busy={pending}>
          <table className="w-full border-collapse text-left text-sm" data-testid="initiatives-table">
            <caption className="sr-only">
              {t.initiatives.title}, {t.initiatives.pageOf(page.currentPage, page.totalPages)}
            </caption>
            <thead className="sticky top-0 z-[1] bg-slate-100 text-slate-800 shadow-[0_1px_0_0_rgb(226_232_240)]">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sort = SORTABLE[header.column.id];
                    const active = sort !== undefined && query.orden === sort;
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className="px-3 py-2 font-semibold"
                        aria-sort={active ? (query.dir === "desc" ? "descending" : "ascending") : undefined}
                      >
                        {sort ? (
                          <button
                            type="button"
                            onClick={() => sortBy(header.column.id)}
                            className="inline-flex items-center gap-1 hover:underline"
                          >
                            <FlexRender header={header} />
                            <span aria-hidden="true">{active ? (query.dir === "desc" ? "▼" : "▲") : "↕"}</span>
                            <span className="sr-only">
                              {active ? `, ${query.dir === "desc" ? t.initiatives.sortedDesc : t.initiatives.sortedAsc}` : ""}
                            </span>
                          </button>
                        ) : (
                          <FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className={pending ? "opacity-60" : undefined}>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top hover:bg-slate-50" data-testid="initiative-row">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-3">
                      <FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} />
    </div>
  );
}

function shorten(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Around the first match, so a long articulation objective still shows why it matched. */
function excerpt(original: string, terms: string[], radius = 90) {
  const text = original.normalize("NFC");
  const folded = foldChars(text);
  const at = Math.max(
    0,
    ...terms
      .map((term) => folded.indexOf(term))
      .filter((i) => i >= 0)
      .slice(0, 1),
  );
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + radius);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}
