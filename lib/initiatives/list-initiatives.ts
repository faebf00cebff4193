import "server-only";
import type { Db } from "@/lib/db/client";
import type { InitiativeQuery } from "./initiative-query";
import { searchTable } from "./search-initiatives";
import { unmatchedFilters, type FilterOptions } from "./unmatched-filters";

/** The table page: one page of rows, the facet counts and the filter options. */
export async function listInitiatives(db: Db, query: InitiativeQuery) {
  const [{ page, facets }, options] = await Promise.all([searchTable(db, query), getFilterOptions(db)]);
  return { page, facets, options, unmatched: unmatchedFilters(query, options) };
}

export async function getFilterOptions(db: Db): Promise<FilterOptions> {
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
