import "server-only";
import type { Db } from "@/lib/db/client";

export interface EditableObjective {
  code: string;
  title: string;
  version: number;
}

/**
 * Development objectives with their management objectives, in the plan's order, with the versions their forms
 * save against: `db` is the primary.
 */
export async function listObjectivesForEditing(db: Db): Promise<(EditableObjective & { managementObjectives: EditableObjective[] })[]> {
  const select = { code: true, title: true, version: true } as const;
  return db.developmentObjective.findMany({
    orderBy: { position: "asc" },
    select: { ...select, managementObjectives: { orderBy: { position: "asc" }, select } },
  });
}
