import { t } from "@/lib/i18n";
import { NO_OWNER, shortSecretariatName } from "@/lib/tracking/secretariats";
import { STATUS_BY_SLUG } from "@/lib/tracking/statuses";
import type { InitiativeQuery } from "./initiative-query";
import type { FilterOptions } from "./unmatched-filters";
import type { IndicatorStatus } from "@/lib/indicators/indicator-math";

/** One filter in force, named for a person, with the query that is left once it is removed. */
export interface ActiveFilter {
  key: string;
  label: string;
  without: InitiativeQuery;
}

type ListParameter = "desarrollo" | "objetivo" | "mecanismo" | "estado" | "responsable";

/**
 * Every filter of the query, in the order of the filter panel: the chips above
 * the results, the count on the filter drawer's button and the printed
 * «Filtros aplicados» line all come from here. Removing one goes back to page one.
 */
export function activeFilters(query: InitiativeQuery, options: FilterOptions): ActiveFilter[] {
  const base = { ...query, pagina: 1 };
  const mechanismName = new Map(options.mechanisms.map((m) => [m.slug, m.name]));
  const secretariatName = new Map(options.secretariats.map((s) => [s.slug, shortSecretariatName(s.name)]));
  const labels: Record<ListParameter, (value: string) => string> = {
    desarrollo: t.tableLayout.development,
    objetivo: t.tableLayout.management,
    mecanismo: (slug) => t.tableLayout.mechanism(mechanismName.get(slug) ?? slug),
    estado: (slug) => {
      const status = STATUS_BY_SLUG[slug];
      return t.tableLayout.status(status ? t.tracking.statuses[status] : slug);
    },
    responsable: (slug) => t.tableLayout.lead(slug === NO_OWNER ? t.tracking.noOwnerOption : (secretariatName.get(slug) ?? slug)),
  };
  const found: ActiveFilter[] = [];
  if (query.q.trim())
    found.push({
      key: "q",
      label: t.tableLayout.search(query.q.trim()),
      without: { ...base, q: "", orden: query.orden === "relevancia" ? "documento" : query.orden },
    });
  for (const parameter of ["desarrollo", "objetivo", "mecanismo", "estado", "responsable"] as const) {
    for (const value of query[parameter]) {
      const rest = query[parameter].filter((v) => v !== value);
      const without = { ...base, [parameter]: rest };
      // «All of the chosen mechanisms» means nothing without mechanisms.
      if (parameter === "mecanismo" && rest.length === 0) without.modo = "alguno";
      found.push({ key: `${parameter}=${value}`, label: labels[parameter](value), without });
    }
  }
  if (query.modo === "todos" && query.mecanismo.length > 1) {
    found.push({ key: "modo", label: t.tableLayout.allMechanisms, without: { ...base, modo: "alguno" } });
  }
  const flags = [
    ["desactualizadas", t.tracking.staleFilter],
    ["vencen", t.tracking.endingFilter],
    ["archivadas", t.tableLayout.archived],
  ] as const;
  for (const [flag, label] of flags) {
    if (query[flag] === "si") found.push({ key: flag, label, without: { ...base, [flag]: undefined } });
  }
  for (const status of query.indicador) {
    found.push({
      key: `indicador=${status}`,
      label: t.tableLayout.indicator(t.indicators.statuses[status as IndicatorStatus] ?? status),
      without: { ...base, indicador: query.indicador.filter((s) => s !== status) },
    });
  }
  if (query.hitos === "atrasados")
    found.push({ key: "hitos", label: t.tableLayout.lateMilestones, without: { ...base, hitos: undefined } });
  if (query.reporte) {
    found.push({
      key: "reporte",
      label: `${t.accountability.reportFilter}: ${t.accountability.states[query.reporte]}`,
      without: { ...base, reporte: undefined, periodo: undefined },
    });
  }
  return found;
}

/** The query with no filter at all, keeping how the rows are shown (page size). */
export function withoutAnyFilter(query: InitiativeQuery): InitiativeQuery {
  return {
    ...query,
    q: "",
    desarrollo: [],
    objetivo: [],
    mecanismo: [],
    estado: [],
    responsable: [],
    desactualizadas: undefined,
    vencen: undefined,
    archivadas: undefined,
    periodo: undefined,
    reporte: undefined,
    indicador: [],
    hitos: undefined,
    modo: "alguno",
    orden: "documento",
    dir: "asc",
    pagina: 1,
  };
}
