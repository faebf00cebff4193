import { initiativeQueryToParams, type InitiativeQuery } from "@/lib/initiatives/initiative-query";
import type { Dashboard, ObjectiveFigures } from "@/lib/tracking/get-dashboard";

/** One row of the dashboard's charts and tables: a development objective followed by its management objectives. */
export interface ObjectiveRow extends ObjectiveFigures {
  level: "development" | "management";
}

export const objectiveRows = (development: Dashboard["development"]): ObjectiveRow[] =>
  development.flatMap(({ management, ...d }) => [{ ...d, level: "development" as const }, ...management.map((m) => ({ ...m, level: "management" as const }))]);

/**
 * The initiatives table filtered to one objective (development "1" or
 * management "1.1"; null for the whole plan) plus any other filter: every
 * figure of the dashboard opens the rows it counts.
 */
export function initiativesHref(code: string | null, extra: Partial<InitiativeQuery> = {}) {
  const scope = code === null ? {} : code.includes(".") ? { objetivo: [code] } : { desarrollo: [code] };
  const params = initiativeQueryToParams({ ...scope, ...extra }).toString();
  return params ? `/iniciativas?${params}` : "/iniciativas";
}
