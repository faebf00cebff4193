import "server-only";
import type { Db } from "@/lib/db/client";

export interface MechanismUsage {
  name: string;
  slug: string;
  description: string | null;
  initiatives: number;
  articulationObjectives: number;
}

/** Every mechanism of the vocabulary with how many live initiatives and articulation objectives use it. */
export async function listMechanismUsage(db: Db): Promise<MechanismUsage[]> {
  const rows = await db.$queryRaw<MechanismUsage[]>`
    SELECT m.name, m.slug, m.description,
      count(DISTINCT i.id)::int AS initiatives,
      count(DISTINCT a.id) FILTER (WHERE i.id IS NOT NULL)::int AS "articulationObjectives"
    FROM "Mechanism" m
    LEFT JOIN "ArticulationObjectiveMechanism" am ON am."mechanismId" = m.id
    LEFT JOIN "ArticulationObjective" a ON a.id = am."articulationObjectiveId"
    LEFT JOIN "Initiative" i ON i.id = a."initiativeId" AND i."archivedAt" IS NULL
    GROUP BY m.id`;
  return rows.sort((a, b) => b.initiatives - a.initiatives || a.name.localeCompare(b.name, "es"));
}

/** Initiatives per mechanism and management objective: the strategic-insertion grid. */
export async function getMechanismGrid(db: Db) {
  const [objectives, mechanisms, cells] = await Promise.all([
    db.managementObjective.findMany({ orderBy: { position: "asc" }, select: { code: true, title: true } }),
    listMechanismUsage(db),
    db.$queryRaw<{ code: string; slug: string; n: number }[]>`
      SELECT mo.code, m.slug, count(DISTINCT i.id)::int AS n
      FROM "Initiative" i
      JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId"
      JOIN "ArticulationObjective" a ON a."initiativeId" = i.id
      JOIN "ArticulationObjectiveMechanism" am ON am."articulationObjectiveId" = a.id
      JOIN "Mechanism" m ON m.id = am."mechanismId"
      WHERE i."archivedAt" IS NULL
      GROUP BY mo.code, m.slug`,
  ]);
  const counts = new Map(cells.map((c) => [`${c.code}|${c.slug}`, c.n]));
  return {
    objectives,
    mechanisms: mechanisms.filter((m) => m.initiatives > 0),
    count: (code: string, slug: string) => counts.get(`${code}|${slug}`) ?? 0,
    max: Math.max(1, ...cells.map((c) => c.n)),
  };
}

/** How many initiatives of a set use each mechanism, most used first. */
export async function mechanismBreakdown(db: Db, initiativeIds: number[]) {
  if (initiativeIds.length === 0) return [];
  const rows = await db.$queryRaw<{ name: string; slug: string; n: number }[]>`
    SELECT m.name, m.slug, count(DISTINCT a."initiativeId")::int AS n
    FROM "ArticulationObjective" a
    JOIN "ArticulationObjectiveMechanism" am ON am."articulationObjectiveId" = a.id
    JOIN "Mechanism" m ON m.id = am."mechanismId"
    WHERE a."initiativeId" = ANY(${initiativeIds})
    GROUP BY m.id`;
  return rows.sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, "es"));
}
