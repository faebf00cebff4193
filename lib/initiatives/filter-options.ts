import { Prisma } from "@/lib/generated/prisma/client";
import type { FilterOptions } from "./unmatched-filters";

/** Every option of the filters as one JSON value: objectives in document order, the mechanisms in use and the secretariats. */
export const filterOptionsSql = Prisma.sql`json_build_object(
    'developmentObjectives', (SELECT coalesce(json_agg(json_build_object('code', d.code, 'title', d.title) ORDER BY d.position), '[]')
      FROM "DevelopmentObjective" d),
    'managementObjectives', (SELECT coalesce(json_agg(json_build_object('code', mo.code, 'title', mo.title, 'developmentObjectiveCode', d.code)
      ORDER BY mo.position), '[]') FROM "ManagementObjective" mo JOIN "DevelopmentObjective" d ON d.id = mo."developmentObjectiveId"),
    'mechanisms', (SELECT coalesce(json_agg(json_build_object('name', me.name, 'slug', me.slug)), '[]') FROM "Mechanism" me
      WHERE EXISTS (SELECT 1 FROM "ArticulationObjectiveMechanism" l WHERE l."mechanismId" = me.id)),
    'secretariats', (SELECT coalesce(json_agg(json_build_object('name', s.name, 'slug', s.slug)), '[]') FROM "Secretariat" s))::text`;

/** The options as the panel lists them: names sort as Spanish readers expect (accents beside their letter), whatever the database's collation. */
export function toFilterOptions(json: string): FilterOptions {
  const { developmentObjectives, managementObjectives, mechanisms, secretariats } = JSON.parse(json) as FilterOptions;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "es");
  return { developmentObjectives, managementObjectives, mechanisms: mechanisms.sort(byName), secretariats: secretariats.sort(byName) };
}
