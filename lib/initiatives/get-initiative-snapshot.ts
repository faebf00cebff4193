import type { Db, Prisma } from "@/lib/db/client";
import type { InitiativeSnapshot } from "./initiative-schema";

/** An initiative as the editor, the history and the version check compare it; inside a transaction when given one. */
export async function snapshotInitiative(
  db: Db | Prisma.TransactionClient,
  id: number,
): Promise<{ snapshot: InitiativeSnapshot; version: number } | null> {
  const initiative = await db.initiative.findUnique({
    where: { id },
    include: {
      managementObjective: { select: { code: true } },
      articulationObjectives: {
        orderBy: { position: "asc" },
        include: { mechanisms: { orderBy: { position: "asc" }, include: { mechanism: { select: { id: true, name: true } } } } },
      },
    },
  });
  if (!initiative) return null;
  return {
    version: initiative.version,
    snapshot: {
      name: initiative.name,
      managementObjectiveCode: initiative.managementObjective.code,
      archived: initiative.archivedAt !== null,
      articulationObjectives: initiative.articulationObjectives.map((o) => ({
        id: o.id,
        text: o.text,
        mechanisms: o.mechanisms.map((m) => ({ id: m.mechanism.id, name: m.mechanism.name })),
      })),
    },
  };
}
