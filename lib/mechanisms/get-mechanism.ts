import "server-only";
import type { Db } from "@/lib/db/client";

/** How many initiatives the page lists; the table holds the rest. */
export const MECHANISM_PAGE_LIMIT = 100;

/**
 * A mechanism, how many live initiatives use it per management objective, and
 * the first of them in document order with the objectives that name it.
 */
export async function getMechanism(db: Db, slug: string) {
  const mechanism = await db.mechanism.findUnique({ where: { slug } });
  if (!mechanism) return null;
  const where = { archivedAt: null, articulationObjectives: { some: { mechanisms: { some: { mechanismId: mechanism.id } } } } };
  const [counts, objectives, initiatives] = await Promise.all([
    db.initiative.groupBy({ by: ["managementObjectiveId"], where, _count: { _all: true } }),
    db.managementObjective.findMany({ orderBy: { position: "asc" }, select: { id: true, code: true, title: true } }),
    db.initiative.findMany({
      where,
      orderBy: { position: "asc" },
      take: MECHANISM_PAGE_LIMIT,
      select: {
        id: true,
        name: true,
        managementObjectiveId: true,
        articulationObjectives: {
          where: { mechanisms: { some: { mechanismId: mechanism.id } } },
          orderBy: { position: "asc" },
          select: { id: true, text: true },
        },
      },
    }),
  ]);
  const countOf = new Map(counts.map((c) => [c.managementObjectiveId, c._count._all]));
  const byObjective = objectives
    .filter((o) => countOf.has(o.id))
    .map((o) => ({
      code: o.code,
      title: o.title,
      count: countOf.get(o.id)!,
      initiatives: initiatives.filter((i) => i.managementObjectiveId === o.id),
    }));
  return { mechanism, total: byObjective.reduce((n, o) => n + o.count, 0), shown: initiatives.length, byObjective };
}
