import { NO_OWNER } from "@/lib/tracking/secretariats";
import type { InitiativeQuery } from "./initiative-query";

/** The choices the filter panel offers. */
export interface FilterOptions {
  developmentObjectives: { code: string; title: string }[];
  managementObjectives: { code: string; title: string; developmentObjectiveCode: string }[];
  mechanisms: { name: string; slug: string }[];
  secretariats: { name: string; slug: string }[];
}

type FilterParameter = "desarrollo" | "objetivo" | "mecanismo" | "responsable";
const FILTER_PARAMETERS: FilterParameter[] = ["desarrollo", "objetivo", "mecanismo", "responsable"];
export type FilterValue = { parameter: FilterParameter; value: string };

/**
 * Filter values in the address that no option offers (an old bookmark, a merged
 * mechanism): they still apply, but the page names them, since no checkbox shows them.
 */
export function unmatchedFilters(query: InitiativeQuery, options: FilterOptions): FilterValue[] {
  const offered: Record<FilterParameter, Set<string>> = {
    desarrollo: new Set(options.developmentObjectives.map((o) => o.code)),
    objetivo: new Set(options.managementObjectives.map((o) => o.code)),
    mecanismo: new Set(options.mechanisms.map((o) => o.slug)),
    responsable: new Set([...options.secretariats.map((o) => o.slug), NO_OWNER]),
  };
  return FILTER_PARAMETERS.flatMap((parameter) =>
    query[parameter].filter((value) => !offered[parameter].has(value)).map((value) => ({ parameter, value })),
  );
}

/** The query without some filter values. */
export function withoutFilters(query: InitiativeQuery, values: FilterValue[]): InitiativeQuery {
  const next = { ...query };
  for (const parameter of FILTER_PARAMETERS) {
    next[parameter] = query[parameter].filter((value) => !values.some((v) => v.parameter === parameter && v.value === value));
  }
  return next;
}
