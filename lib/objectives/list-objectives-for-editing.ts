import "server-only";
import { authorize } from "@/lib/auth/current-user";
import { getPrimaryDb } from "@/lib/db/client";

export interface EditableObjective {
  code: string;
  title: string;
  version: number;
}

/** Development objectives with their management objectives, in the plan's order, read from the primary with the versions their forms save against. */
export async function listObjectivesForEditing(): Promise<(EditableObjective & { managementObjectives: EditableObjective[] })[]> {
  await authorize("matrix:edit", "editar objetivos");
  const select = { code: true, title: true, version: true } as const;
  return getPrimaryDb().developmentObjective.findMany({
    orderBy: { position: "asc" },
    select: { ...select, managementObjectives: { orderBy: { position: "asc" }, select } },
  });
}
