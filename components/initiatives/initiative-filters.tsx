"use client";

import { useEffect, useRef, useState } from "react";
import type { InitiativeQuery } from "@/lib/initiatives/initiative-query";
import type { FilterOptions } from "@/lib/initiatives/unmatched-filters";
import type { FacetCounts } from "@/lib/initiatives/search-initiatives";
import { initiatives } from "@/lib/i18n/es/initiatives";
import { tableLayout } from "@/lib/i18n/es/table-layout";
import { tracking } from "@/lib/i18n/es/tracking";
import { NO_OWNER, shortSecretariatName } from "@/lib/tracking/secretariats";
import { STATUS_SLUGS, STATUSES } from "@/lib/tracking/statuses";
import { useQueryNavigation } from "./use-query-navigation";
import { mechanismHints } from "@/lib/mechanisms/mechanism-hints";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { initiatives, tableLayout, tracking } as const;

interface Props {
  query: InitiativeQuery;
  facets: FacetCounts;
  options: FilterOptions;
  /** How many filters are in force, for the drawer's button on small screens. */
  activeCount: number;
}

type ListKey = "desarrollo" | "objetivo" | "mecanismo" | "estado" | "responsable";
type FlagKey = "desactualizadas" | "vencen" | "archivadas";

export function InitiativeFilters({ query, facets, options, activeCount }: Props) {
  const { navigate, pending } = useQueryNavigation();
  const [text, setText] = useState(query.q);
  // What the user just chose shows at once; the URL (and the server's answer) follow.
  const [selected, setSelected] = useState({
    desarrollo: query.desarrollo,
    objetivo: query.objetivo,
    mecanismo: query.mecanismo,
    estado: query.estado,
    responsable: query.responsable,
    modo: query.modo,
  });
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const hints = mechanismHints(options.mechanisms.map((m) => m.name));

  // Another navigation (back button, a shared link) changes the query under us.
  useEffect(() => setText(query.q), [query.q]);
  const queryKey = JSON.stringify([query.desarrollo, query.objetivo, query.mecanismo, query.estado, query.responsable, query.modo]);
  useEffect(() => {
    const [desarrollo, objetivo, mecanismo, estado, responsable, modo] = JSON.parse(queryKey);
    setSelected({ desarrollo, objetivo, mecanismo, estado, responsable, modo });
  }, [queryKey]);

  function toggle(key: ListKey, value: string, checked: boolean) {
    const values = selected[key].filter((v) => v !== value);
    if (checked) values.push(value);
    setSelected({ ...selected, [key]: values });
    navigate((params) => {
      params.delete(key);
      for (const v of values) params.append(key, v);
    });
  }

  function setMode(mode: "alguno" | "todos") {
    setSelected({ ...selected, modo: mode });
    navigate((params) => (mode === "todos" ? params.set("modo", "todos") : params.delete("modo")));
  }

  function search(value: string) {
    navigate((params) => {
      if (value.trim()) params.set("q", value.trim());
      else params.delete("q");
      params.delete("orden");
    });
  }

  function flag(key: FlagKey, on: boolean) {
    navigate((params) => (on ? params.set(key, "si") : params.delete(key)));
  }

  const hasFilters =
    query.q ||
    query.desarrollo.length ||
    query.objetivo.length ||
    query.mecanismo.length ||
    query.estado.length ||
    query.responsable.length ||
    query.desactualizadas ||
    query.vencen ||
    query.archivadas;

  // A <details> so the drawer opens and closes without JavaScript; on a wide screen the stylesheet keeps it open.
  return (
    <details className="filters-drawer print:hidden">
      <summary
        className="filters-toggle inline-flex cursor-pointer list-none items-center gap-2 rounded border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow-sm hover:bg-slate-100 lg:hidden"
        data-testid="filters-toggle"
      >
        <span aria-hidden="true">☰</span>
        <span className="filters-toggle-open">{t.tableLayout.openFilters}</span>
        <span className="filters-toggle-close">{t.tableLayout.closeFilters}</span>
        <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs text-white">{t.tableLayout.activeCount(activeCount)}</span>
      </summary>
      <aside aria-label={t.initiatives.filters} className="filters-panel">
        <div className="flex items-center justify-between">
          <h2 className="text-base font-semibold text-slate-900">{t.initiatives.filters}</h2>
          {pending && (
            <span role="status" className="text-xs text-slate-600">
              {t.initiatives.updating}
            </span>
          )}
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for the browsers the municipality supports; the role says the same. */}
        <form
          role="search"
          action="/iniciativas"
          onSubmit={(event) => {
            event.preventDefault();
            clearTimeout(typing.current);
            search(text);
          }}
        >
          <label htmlFor="busqueda" className="block text-sm font-medium text-slate-800">
            {t.initiatives.search}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="busqueda"
              name="q"
              type="search"
              value={text}
              maxLength={200}
              placeholder={t.initiatives.searchPlaceholder}
              onChange={(event) => {
                const value = event.target.value;
                setText(value);
                clearTimeout(typing.current);
                typing.current = setTimeout(() => search(value), 400);
              }}
              className="block min-w-40 flex-1 rounded border border-slate-400 px-3 py-2 text-sm"
            />
            <button type="submit" className="rounded bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800">
              {t.initiatives.searchSubmit}
            </button>
          </div>
        </form>

        <FacetGroup
          legend={t.initiatives.developmentObjectives}
          name="desarrollo"
          options={options.developmentObjectives.map((o) => ({ value: o.code, label: `${o.code}. ${shorten(o.title)}`, title: o.title }))}
          selected={selected.desarrollo}
          counts={facets.developmentObjectives}
          onToggle={toggle}
        />
        <FacetGroup
          legend={t.initiatives.managementObjectives}
          name="objetivo"
          options={options.managementObjectives.map((o) => ({ value: o.code, label: `${o.code} ${shorten(o.title)}`, title: o.title }))}
          selected={selected.objetivo}
          counts={facets.managementObjectives}
          onToggle={toggle}
        />
        <FacetGroup
          legend={t.initiatives.mechanisms}
          name="mecanismo"
          options={options.mechanisms.map((m) => ({ value: m.slug, label: m.name, hint: hints[m.name] }))}
          selected={selected.mecanismo}
          counts={facets.mechanisms}
          onToggle={toggle}
        >
          <fieldset className="mode">
            <legend>{t.initiatives.mechanismMode}</legend>
            {(["alguno", "todos"] as const).map((mode) => (
              <label key={mode}>
                <input type="radio" name="modo" value={mode} checked={selected.modo === mode} onChange={() => setMode(mode)} />
                {mode === "alguno" ? t.initiatives.modeAny : t.initiatives.modeAll}
              </label>
            ))}
          </fieldset>
        </FacetGroup>

        <FacetGroup
          legend={t.tracking.statusFilter}
          name="estado"
          options={STATUSES.map((status) => ({ value: STATUS_SLUGS[status], label: t.tracking.statuses[status] }))}
          selected={selected.estado}
          counts={facets.statuses}
          onToggle={toggle}
        />
        <FacetGroup
          legend={t.tracking.ownerFilter}
          name="responsable"
          options={[
            { value: NO_OWNER, label: t.tracking.noOwnerOption },
            ...options.secretariats.map((s) => ({ value: s.slug, label: shortSecretariatName(s.name), title: s.name })),
          ]}
          selected={selected.responsable}
          counts={facets.secretariats}
          onToggle={toggle}
        />

        <fieldset className="flags">
          <legend>{t.tracking.freshness}</legend>
          {(
            [
              ["desactualizadas", t.tracking.staleFilter, query.desactualizadas === "si"],
              ["vencen", t.tracking.endingFilter, query.vencen === "si"],
              ["archivadas", t.initiatives.archivedOnly, query.archivadas === "si"],
            ] as const
          ).map(([key, label, checked]) => (
            <label key={key}>
              <input type="checkbox" checked={checked} onChange={(e) => flag(key, e.target.checked)} />
              {label}
            </label>
          ))}
        </fieldset>

        {hasFilters ? (
          <button
            type="button"
            onClick={() =>
              navigate((params) =>
                [
                  "q",
                  "desarrollo",
                  "objetivo",
                  "mecanismo",
                  "estado",
                  "responsable",
                  "desactualizadas",
                  "vencen",
                  "modo",
                  "orden",
                  "archivadas",
                ].forEach((k) => {
                  params.delete(k);
                }),
              )
            }
            className="w-full rounded border border-slate-400 px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100"
          >
            {t.initiatives.clearFilters}
          </button>
        ) : null}
      </aside>
    </details>
  );
}

function shorten(text: string, max = 70) {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

interface FacetGroupProps {
  legend: string;
  name: ListKey;
  options: { value: string; label: string; title?: string; hint?: string }[];
  selected: string[];
  counts: Record<string, number>;
  onToggle: (key: ListKey, value: string, checked: boolean) => void;
  children?: React.ReactNode;
}

function FacetGroup({ legend, name, options, selected, counts, onToggle, children }: FacetGroupProps) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul>
        {options.map((option) => {
          const count = counts[option.value] ?? 0;
          const checked = selected.includes(option.value);
          const id = `${name}-${option.value}`;
          return (
            <li key={option.value}>
              {/* The label wraps its box: no id to repeat on each of the fifty-odd options. */}
              <label className={count === 0 && !checked ? "empty" : undefined} title={option.title}>
                <input
                  type="checkbox"
                  name={name}
                  value={option.value}
                  checked={checked}
                  disabled={count === 0 && !checked}
                  onChange={(event) => onToggle(name, option.value, event.target.checked)}
                  aria-describedby={option.hint ? `${id}-ayuda` : undefined}
                />
                <span>
                  {option.label}
                  {option.hint && (
                    // Out of the checkbox's name (it stays «Convenios 12 iniciativas»), read as its description.
                    <small id={`${id}-ayuda`} aria-hidden="true">
                      {option.hint}
                    </small>
                  )}
                </span>
                <span data-testid={`facet-${id}`}>
                  {count}
                  <span className="sr-only">{` ${t.initiatives.initiativeUnit(count)}`}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {children}
    </fieldset>
  );
}
