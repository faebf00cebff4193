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

/** Every option of the filters, in one read: objectives in document order, mechanisms in use and secretariats by name. */
export async function getFilterOptions(db: Db): Promise<FilterOptions> {
  const [options] = await db.$queryRaw<{ options: string }[]>`SELECT json_build_object(
    'developmentObjectives', (SELECT coalesce(json_agg(json_build_object('code', d.code, 'title', d.title) ORDER BY d.position), '[]')
      FROM "DevelopmentObjective" d),
    'managementObjectives', (SELECT coalesce(json_agg(json_build_object('code', mo.code, 'title', mo.title, 'developmentObjectiveCode', d.code)
      ORDER BY mo.position), '[]') FROM "ManagementObjective" mo JOIN "DevelopmentObjective" d ON d.id = mo."developmentObjectiveId"),
    'mechanisms', (SELECT coalesce(json_agg(json_build_object('name', me.name, 'slug', me.slug)), '[]') FROM "Mechanism" me
      WHERE EXISTS (SELECT 1 FROM "ArticulationObjectiveMechanism" l WHERE l."mechanismId" = me.id)),
    'secretariats', (SELECT coalesce(json_agg(json_build_object('name', s.name, 'slug', s.slug)), '[]') FROM "Secretariat" s))::text AS options`;
  const { developmentObjectives, managementObjectives, mechanisms, secretariats } = JSON.parse(options!.options) as FilterOptions;
  // Names sort as Spanish readers expect (accents beside their letter), whatever the database's collation.
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "es");
  return { developmentObjectives, managementObjectives, mechanisms: mechanisms.sort(byName), secretariats: secretariats.sort(byName) };
}
