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
import { formatShortDay } from "@/lib/i18n/format";
import { initiatives } from "@/lib/i18n/es/initiatives";
import { tableLayout } from "@/lib/i18n/es/table-layout";
import { tracking } from "@/lib/i18n/es/tracking";
import { ProgressMeter, StatusBadge } from "@/components/tracking/status-badge";
import { ColumnHeader, SortableColumnHeader } from "@/components/ui/table";
import { shortSecretariatName } from "@/lib/tracking/secretariats";
import { foldChars, foldText } from "@/lib/text/search-text";
import { Highlighted } from "./highlighted";
import { Pagination } from "./pagination";
import { useQueryNavigation } from "./use-query-navigation";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { initiatives, tableLayout, tracking } as const;
const SORT_LABELS = { ascending: t.initiatives.sortedAsc, descending: t.initiatives.sortedDesc };

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

// Compact rows are one line each: a fixed layout with these shares, every cell cut with an ellipsis.
const COMPACT_WIDTHS: Record<string, string> = {
  iniciativa: "w-[28%]",
  objetivo: "w-[9%]",
  mecanismos: "w-[17%]",
  objetivos: "w-[8%]",
  estado: "w-[17%]",
  responsable: "w-[12%]",
  actualizacion: "w-[9%]",
};

// On paper only these wrap; the short columns stay on one line, so the rows are not four lines tall.
const WRAPPING = ["iniciativa", "mecanismos"];

interface Props {
  page: InitiativePage;
  query: InitiativeQuery;
  hidden: string[];
  /** One-line rows (`densidad=compacta`), and the links that switch density, built by the page with the rest of the view. */
  compact: boolean;
  densityHrefs: { normal: string; compact: string };
}

export function InitiativesTable({ page, query, hidden, compact, densityHrefs }: Props) {
  const { navigate, pending } = useQueryNavigation();
  const terms = page.terms;

  const columns = useMemo<ColumnDef<typeof features, InitiativeRow>[]>(
    () => [
      {
        id: "iniciativa",
        header: t.initiatives.colInitiative,
        enableHiding: false,
        cell: ({ row }) => (
          <div className={compact ? "truncate" : "min-w-40 space-y-1"}>
            <Link
              href={`/iniciativas/${row.original.id}`}
              title={compact ? row.original.name : undefined}
              className="font-medium text-brand-800 underline-offset-2 hover:underline"
            >
              <Highlighted text={row.original.name} terms={terms} />
            </Link>
            {!compact && row.original.matchingObjective && !foldText(row.original.name).includes(terms[0] ?? "\u0000") && (
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
        cell: ({ row }) =>
          compact ? (
            <span title={row.original.managementObjective.title} className="font-semibold text-slate-900">
              {row.original.managementObjective.code}
            </span>
          ) : (
            <span title={row.original.managementObjective.title} className="block min-w-28 print:min-w-0">
              <span className="font-semibold text-slate-900">{row.original.managementObjective.code}</span>{" "}
              {/* On paper the code alone: the title made every row four lines tall; the filter line names the objectives. */}
              <span className="text-slate-700 print:hidden">{shorten(row.original.managementObjective.title, 45)}</span>
            </span>
          ),
      },
      {
        id: "mecanismos",
        header: t.initiatives.colMechanisms,
        cell: ({ row }) =>
          compact ? (
            <span title={row.original.mechanisms.map((m) => m.name).join(", ")}>
              {row.original.mechanisms.map((m, i) => (
                <span key={m.slug}>
                  {i > 0 && ", "}
                  <Highlighted text={m.name} terms={terms} />
                </span>
              ))}
            </span>
          ) : (
            <ul className="flex flex-wrap gap-1">
              {row.original.mechanisms.map((m) => (
                <li key={m.slug} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-900 ring-1 ring-brand-200 print:py-0">
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
          <div className={compact ? "flex items-center gap-2" : "space-y-1 print:flex print:items-center print:gap-x-2 print:space-y-0"}>
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
    [terms, compact],
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
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm print:hidden">
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
        {/* Links, not buttons: the density is part of the address and switches without JavaScript. */}
        <div className="flex items-center gap-2">
          <span id="densidad-filas">{t.tableLayout.density}</span>
          <span className="inline-flex overflow-hidden rounded border border-slate-400">
            {(
              [
                [densityHrefs.normal, t.tableLayout.densityNormal, !compact],
                [densityHrefs.compact, t.tableLayout.densityCompact, compact],
              ] as const
            ).map(([href, label, current]) => (
              <Link
                key={label}
                href={href}
                scroll={false}
                aria-current={current ? "true" : undefined}
                aria-describedby="densidad-filas"
                className={`px-3 py-1 ${current ? "bg-brand-700 font-semibold text-white" : "bg-white text-slate-900 hover:bg-slate-100"}`}
              >
                {label}
              </Link>
            ))}
          </span>
        </div>
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
        <>
          {/* The page scrolls, not a box in it, so the sticky header follows the page; below the wide layout a box scrolls sideways. */}
          <div
            className="scroll-cue hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block lg:overflow-visible print:block print:overflow-visible print:border-0 print:shadow-none"
            aria-busy={pending}
          >
            <table
              className={`w-full border-collapse text-left text-sm print:text-xs ${compact ? "table-fixed" : ""}`}
              data-testid="initiatives-table"
            >
              <caption className="sr-only">
                {t.initiatives.title}, {t.initiatives.pageOf(page.currentPage, page.totalPages)}
              </caption>
              <thead className="sticky top-0 z-[1] bg-slate-100 text-slate-800 shadow-[0_1px_0_0_rgb(226_232_240)] print:static print:shadow-none">
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const sort = SORTABLE[header.column.id];
                      const active = sort !== undefined && query.orden === sort;
                      const className = `py-2 font-semibold print:px-2 ${compact ? `px-2 break-words ${COMPACT_WIDTHS[header.column.id] ?? ""}` : "px-3"}`;
                      return sort ? (
                        <SortableColumnHeader
                          key={header.id}
                          className={className}
                          direction={active ? (query.dir === "desc" ? "descending" : "ascending") : null}
                          onSort={() => sortBy(header.column.id)}
                          directionLabels={SORT_LABELS}
                        >
                          <FlexRender header={header} />
                        </SortableColumnHeader>
                      ) : (
                        <ColumnHeader key={header.id} className={className}>
                          <FlexRender header={header} />
                        </ColumnHeader>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody className={pending ? "opacity-60" : undefined}>
                {table.getRowModel().rows.map((row) => (
                  <tr
                    key={row.id}
                    className="break-inside-avoid border-t border-slate-100 align-top hover:bg-slate-50 print:border-slate-300"
                    data-testid="initiative-row"
                  >
                    {row.getVisibleCells().map((cell) => (
                      <td
                        key={cell.id}
                        className={
                          compact
                            ? "truncate px-2 py-1.5"
                            : `px-3 py-3 print:px-2 print:py-1.5 ${WRAPPING.includes(cell.column.id) ? "" : "print:whitespace-nowrap"}`
                        }
                      >
                        <FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* On a phone each row is a card, every visible column labelled; the table is for wider screens and paper. */}
          <ol className="space-y-3 md:hidden print:hidden" aria-label={t.initiatives.title}>
            {table.getRowModel().rows.map((row) => {
              const [name, ...rest] = row.getVisibleCells();
              return (
                <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="initiative-card">
                  {name && <FlexRender cell={name} />}
                  <dl className="mt-2 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
                    {rest.map((cell) => (
                      <div key={cell.id} className="contents">
                        <dt className="text-xs font-medium text-slate-700">{String(cell.column.columnDef.header)}</dt>
                        <dd className="min-w-0 break-words">
                          <FlexRender cell={cell} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <div className="print:hidden">
        <Pagination page={page} />
      </div>
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
