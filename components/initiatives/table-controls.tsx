"use client";

import { useEffect, useState, type ReactNode } from "react";
import type { InitiativeSort } from "@/lib/initiatives/table-options";
import { PAGE_SIZES } from "@/lib/initiatives/table-options";
import { initiatives } from "@/lib/i18n/es/initiatives";
import { useQueryNavigation } from "./use-query-navigation";

// Only the namespaces these controls use: the whole catalogue stays out of the browser bundle.
const t = { initiatives } as const;

/**
 * The table's few interactive pieces, as small client islands; the headers and
 * rows render from the server's tuples (ADR 0016), and no table library reaches
 * the browser.
 */

/** A sortable header's button: asks for `orden`/`dir` and goes back to page one. Its label comes from the server. */
export function SortButton({ sort, dir, children }: { sort: InitiativeSort; dir: "asc" | "desc"; children: ReactNode }) {
  const { navigate } = useQueryNavigation();
  return (
    <button
      type="button"
      onClick={() =>
        navigate((params) => {
          params.set("orden", sort);
          if (dir === "desc") params.set("dir", "desc");
          else params.delete("dir");
        })
      }
      className="inline-flex flex-wrap items-center gap-x-1 text-left hover:underline"
    >
      {children}
    </button>
  );
}

/** Which columns show (`ocultar`): the box is ticked at once, the rows follow from the server. */
export function ColumnsMenu({ columns, hidden }: { columns: { id: string; label: string }[]; hidden: string[] }) {
  const { navigate } = useQueryNavigation();
  const [off, setOff] = useState(hidden);
  const hiddenKey = hidden.join(",");
  // Another navigation (back button, a shared link) changes the columns under us.
  useEffect(() => setOff(hiddenKey ? hiddenKey.split(",") : []), [hiddenKey]);

  function toggle(id: string, visible: boolean) {
    const next = visible ? off.filter((c) => c !== id) : [...off.filter((c) => c !== id), id];
    setOff(next);
    navigate((params) => (next.length ? params.set("ocultar", next.join(",")) : params.delete("ocultar")), {
      resetPage: false,
      replace: true,
    });
  }

  return (
    <details data-dropdown className="relative">
      <summary className="cursor-pointer rounded border border-slate-400 bg-white px-3 py-1.5 font-medium">{t.initiatives.columns}</summary>
      <fieldset className="absolute z-10 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">{t.initiatives.columnsLegend}</legend>
        {columns.map((column) => (
          <label key={column.id} className="flex items-center gap-2 py-1">
            <input type="checkbox" checked={!off.includes(column.id)} onChange={(e) => toggle(column.id, e.target.checked)} />
            {column.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** Rows per page (`por`); a new size starts again at page one. */
export function PageSizeSelect({ value }: { value: number }) {
  const { navigate } = useQueryNavigation();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="filas-por-pagina">{t.initiatives.pageSize}</label>
      <select
        id="filas-por-pagina"
        value={value}
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
  );
}
