import "server-only";
import type { Db } from "@/lib/db/client";

export interface RelatedInitiative {
  id: number;
  name: string;
  managementObjectiveCode: string;
  shared?: number;
}

/** The id in an address («/iniciativas/12/…»), or null for anything that cannot be one (the page answers 404). */
export const parseInitiativeId = (segment: string) => (/^\d{1,9}$/.test(segment) ? Number(segment) : null);

/** The name for the browser tab, from the address's id; null when there is no such initiative. */
export async function getInitiativeName(db: Db, segment: string): Promise<string | null> {
  const id = parseInitiativeId(segment);
  if (id === null) return null;
  return (await db.initiative.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}

/** One initiative with its place in the plan, its articulation objectives and its neighbours. */
export async function getInitiative(db: Db, id: number) {
  const initiative = await db.initiative.findUnique({
    where: { id },
    include: {
      managementObjective: { include: { developmentObjective: true } },
      articulationObjectives: {
        orderBy: { position: "asc" },
        include: { mechanisms: { orderBy: { position: "asc" }, include: { mechanism: { select: { name: true, slug: true } } } } },
      },
    },
  });
  if (!initiative) return null;

  const mechanismIds = [...new Set(initiative.articulationObjectives.flatMap((o) => o.mechanisms.map((m) => m.mechanismId)))];
  const [sameObjective, sharing] = await Promise.all([
    db.initiative.findMany({
      where: { managementObjectiveId: initiative.managementObjectiveId, id: { not: id }, archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
      take: 12,
    }),
    mechanismIds.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ id: number; name: string; code: string; shared: number }[]>`
          SELECT i.id, i.name, mo.code, count(DISTINCT am."mechanismId")::int AS shared
          FROM "Initiative" i
          JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId"
          JOIN "ArticulationObjective" a ON a."initiativeId" = i.id
          JOIN "ArticulationObjectiveMechanism" am ON am."articulationObjectiveId" = a.id
          WHERE i.id <> ${id} AND i."archivedAt" IS NULL AND i."managementObjectiveId" <> ${initiative.managementObjectiveId}
            AND am."mechanismId" = ANY(${mechanismIds})
          GROUP BY i.id, i.name, mo.code, i.position
          ORDER BY shared DESC, i.position
          LIMIT 8`,
  ]);

  return {
    initiative,
    sameObjective: sameObjective.map((i): RelatedInitiative => ({ ...i, managementObjectiveCode: initiative.managementObjective.code })),
    sharingMechanisms: sharing.map(
      (i): RelatedInitiative => ({ id: i.id, name: i.name, managementObjectiveCode: i.code, shared: i.shared }),
    ),
  };
}
