"use client";

import { useEffect, useRef, useState } from "react";
import type { InitiativeQuery } from "@/lib/initiatives/initiative-query";
import { initiatives } from "@/lib/i18n/es/initiatives";
import { tableLayout } from "@/lib/i18n/es/table-layout";
import { tracking } from "@/lib/i18n/es/tracking";
import { useQueryNavigation } from "./use-query-navigation";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { initiatives, tableLayout, tracking } as const;

/** Said once for every group, instead of «iniciativas» after each of the fifty-odd counts. */
const COUNTS_NOTE = "filtros-conteos";

type ListKey = "desarrollo" | "objetivo" | "mecanismo" | "estado" | "responsable" | "indicador" | "hitos";
type FlagKey = "desactualizadas" | "vencen" | "archivadas";

/**
 * One option of a list, written out on the server (filter-groups.ts): a tuple, as
 * the RSC payload writes each object key once per option, its quotes escaped.
 */
export type FacetOptionView = [
  value: string,
  label: string,
  count: number,
  /** The whole name when the label is a short one; what the option does not include, read as its description. */
  extra?: { title?: string; hint?: string },
];

export interface FacetGroupView {
  name: ListKey;
  legend: string;
  /** What the options mean, read with the group. */
  description?: string;
  options: FacetOptionView[];
}

/** The report filter of the open period: one state or any. */
export interface ReportGroupView {
  legend: string;
  any: string;
  options: { value: string; label: string; count: number }[];
}

interface Props {
  query: InitiativeQuery;
  groups: FacetGroupView[];
  report?: ReportGroupView;
  /** How many filters are in force, for the drawer's button on small screens. */
  activeCount: number;
}

export function InitiativeFilters({ query, groups, report, activeCount }: Props) {
  const { navigate, pending } = useQueryNavigation();
  const [text, setText] = useState(query.q);
  // What the user just chose shows at once; the URL (and the server's answer) follow.
  const [selected, setSelected] = useState({
    desarrollo: query.desarrollo,
    objetivo: query.objetivo,
    mecanismo: query.mecanismo,
    estado: query.estado,
    responsable: query.responsable,
    indicador: query.indicador,
    hitos: query.hitos ? [query.hitos] : [],
    reporte: query.reporte ?? "",
    modo: query.modo,
  });
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Another navigation (back button, a shared link) changes the query under us.
  useEffect(() => setText(query.q), [query.q]);
  const queryKey = JSON.stringify([
    query.desarrollo,
    query.objetivo,
    query.mecanismo,
    query.estado,
    query.responsable,
    query.indicador,
    query.hitos ? [query.hitos] : [],
    query.reporte ?? "",
    query.modo,
  ]);
  useEffect(() => {
    const [desarrollo, objetivo, mecanismo, estado, responsable, indicador, hitos, reporte, modo] = JSON.parse(queryKey);
    setSelected({ desarrollo, objetivo, mecanismo, estado, responsable, indicador, hitos, reporte, modo });
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

  function setReport(state: string) {
    setSelected({ ...selected, reporte: state });
    navigate((params) => (state ? params.set("reporte", state) : params.delete("reporte")));
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
    query.archivadas ||
    query.indicador.length ||
    query.hitos ||
    query.reporte;

  // A <details> so the drawer opens and closes without JavaScript; on a wide screen the stylesheet keeps it open.
  return (
    <details className="filters-drawer print:hidden">
      <summary className="filters-toggle" data-testid="filters-toggle">
        <span aria-hidden="true">☰</span>
        <span className="filters-toggle-open">{t.tableLayout.openFilters}</span>
        <span className="filters-toggle-close">{t.tableLayout.closeFilters}</span>
        <span className="filters-count">{t.tableLayout.activeCount(activeCount)}</span>
      </summary>
      <aside aria-label={t.initiatives.filters} className="filters-panel">
        <div className="head">
          <h2>{t.initiatives.filters}</h2>
          {pending && <span role="status">{t.initiatives.updating}</span>}
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
          <label htmlFor="busqueda">{t.initiatives.search}</label>
          <div>
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
            />
            <button type="submit">{t.initiatives.searchSubmit}</button>
          </div>
        </form>

        {/* The panel's controls are one form (no form= on each of its fifty-odd boxes); what they do not show travels hidden. The search box has its own. */}
        <form className="options" action="/iniciativas" method="get">
          <p id={COUNTS_NOTE} className="sr-only">
            {t.initiatives.facetCountsNote}
          </p>
          {query.q.trim() && <input type="hidden" name="q" value={query.q.trim()} />}
          {query.periodo && <input type="hidden" name="periodo" value={query.periodo} />}
          {query.orden !== (query.q.trim() ? "relevancia" : "documento") && <input type="hidden" name="orden" value={query.orden} />}
          {query.dir === "desc" && <input type="hidden" name="dir" value="desc" />}
          {query.por !== 25 && <input type="hidden" name="por" value={query.por} />}
          {groups.map((group) => (
            <FacetGroup key={group.name} group={group} selected={selected[group.name]} onToggle={toggle}>
              {group.name === "mecanismo" && (
                <fieldset className="mode">
                  <legend>{t.initiatives.mechanismMode}</legend>
                  {(["alguno", "todos"] as const).map((mode) => (
                    <label key={mode}>
                      <input type="radio" name="modo" value={mode} checked={selected.modo === mode} onChange={() => setMode(mode)} />
                      {mode === "alguno" ? t.initiatives.modeAny : t.initiatives.modeAll}
                    </label>
                  ))}
                </fieldset>
              )}
            </FacetGroup>
          ))}
          {report && (
            <fieldset aria-describedby={COUNTS_NOTE}>
              <legend>{report.legend}</legend>
              <ul>
                {[{ value: "", label: report.any, count: null }, ...report.options].map((option) => {
                  const id = `reporte-${option.value || "todos"}`;
                  return (
                    <li key={id}>
                      <label>
                        <input
                          type="radio"
                          name="reporte"
                          value={option.value}
                          checked={selected.reporte === option.value}
                          onChange={() => setReport(option.value)}
                        />
                        <span>{option.label}</span>
                        {option.count !== null && <span>{option.count}</span>}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          )}

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
                <input type="checkbox" name={key} value="si" checked={checked} onChange={(e) => flag(key, e.target.checked)} />
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
                    "indicador",
                    "hitos",
                    "reporte",
                    "periodo",
                  ].forEach((k) => {
                    params.delete(k);
                  }),
                )
              }
              className="clear"
            >
              {t.initiatives.clearFilters}
            </button>
          ) : null}
          <noscript>
            <button type="submit" className="apply">
              {t.initiatives.applyFilters}
            </button>
          </noscript>
        </form>
      </aside>
    </details>
  );
}

interface FacetGroupProps {
  group: FacetGroupView;
  selected: string[];
  onToggle: (key: ListKey, value: string, checked: boolean) => void;
  children?: React.ReactNode;
}

function FacetGroup({ group: { name, legend, description, options }, selected, onToggle, children }: FacetGroupProps) {
  return (
    <fieldset aria-describedby={description ? `${COUNTS_NOTE} ${name}-descripcion` : COUNTS_NOTE}>
      <legend>{legend}</legend>
      {description && <p id={`${name}-descripcion`}>{description}</p>}
      <ul>
        {options.map(([value, label, count, { title, hint } = {}]) => {
          const checked = selected.includes(value);
          const id = `${name}-${value}`;
          return (
            <li key={value}>
              {/* The label wraps its box: no id to repeat on each of the fifty-odd options. */}
              <label className={count === 0 && !checked ? "empty" : undefined} title={title}>
                <input
                  type="checkbox"
                  name={name}
                  value={value}
                  checked={checked}
                  disabled={count === 0 && !checked}
                  onChange={(event) => onToggle(name, value, event.target.checked)}
                  aria-describedby={hint ? `${id}-ayuda` : undefined}
                />
                <span>
                  {label}
                  {hint && (
                    // Out of the checkbox's name (it stays «Convenios 12»), read as its description.
                    <small id={`${id}-ayuda`} aria-hidden="true">
                      {hint}
                    </small>
                  )}
                </span>
                <span>{count}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {children}
    </fieldset>
  );
}
