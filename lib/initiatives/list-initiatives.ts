import "server-only";
import { authorize } from "@/lib/auth/current-user";
import { getReadDb } from "@/lib/db/client";
import { NO_OWNER } from "@/lib/tracking/secretariats";
import type { InitiativeQuery } from "./initiative-query";
import { countFacets, searchInitiatives } from "./search-initiatives";

export interface FilterOptions {
  developmentObjectives: { code: string; title: string }[];
  managementObjectives: { code: string; title: string; developmentObjectiveCode: string }[];
  mechanisms: { name: string; slug: string }[];
  secretariats: { name: string; slug: string }[];
}

type FilterParameter = "desarrollo" | "objetivo" | "mecanismo" | "responsable";
const FILTER_PARAMETERS: FilterParameter[] = ["desarrollo", "objetivo", "mecanismo", "responsable"];
type FilterValue = { parameter: FilterParameter; value: string };

/** The table page: one page of rows, the facet counts and the filter options, for a signed-in user. */
export async function listInitiatives(query: InitiativeQuery) {
  await authorize("matrix:read", "listar iniciativas");
  const db = getReadDb();
  const [page, facets, options] = await Promise.all([searchInitiatives(db, query), countFacets(db, query), getFilterOptions()]);
  return { page, facets, options, unmatched: unmatchedFilters(query, options) };
}

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

export async function getFilterOptions(): Promise<FilterOptions> {
  const db = getReadDb();
  const [development, management, mechanisms, secretariats] = await Promise.all([
    db.developmentObjective.findMany({ orderBy: { position: "asc" }, select: { code: true, title: true } }),
    db.managementObjective.findMany({
      orderBy: { position: "asc" },
      select: { code: true, title: true, developmentObjective: { select: { code: true } } },
    }),
    db.mechanism.findMany({ where: { uses: { some: {} } }, select: { name: true, slug: true } }),
    db.secretariat.findMany({ select: { name: true, slug: true } }),
  ]);
  return {
    developmentObjectives: development,
    managementObjectives: management.map((m) => ({ code: m.code, title: m.title, developmentObjectiveCode: m.developmentObjective.code })),
    mechanisms: mechanisms.sort((a, b) => a.name.localeCompare(b.name, "es")),
    secretariats: secretariats.sort((a, b) => a.name.localeCompare(b.name, "es")),
  };
}
