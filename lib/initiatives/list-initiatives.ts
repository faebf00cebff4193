import "server-only";
import type { Db } from "@/lib/db/client";
import type { InitiativeQuery } from "./initiative-query";
import { searchTable } from "./search-initiatives";
import { unmatchedFilters } from "./unmatched-filters";

/** The table page: one page of rows, the facet counts and the filter options, read in one statement. */
export async function listInitiatives(db: Db, query: InitiativeQuery) {
  const { page, facets, options } = await searchTable(db, query);
  return { page, facets, options, unmatched: unmatchedFilters(query, options) };
}
