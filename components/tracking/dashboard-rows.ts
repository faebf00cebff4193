import type { Dashboard, ObjectiveFigures } from "@/lib/tracking/get-dashboard";

/** One row of the dashboard's charts and tables: a development objective followed by its management objectives. */
export interface ObjectiveRow extends ObjectiveFigures {
  level: "development" | "management";
}

export const objectiveRows = (development: Dashboard["development"]): ObjectiveRow[] =>
  development.flatMap(({ management, ...d }) => [
    { ...d, level: "development" as const },
    ...management.map((m) => ({ ...m, level: "management" as const })),
  ]);
