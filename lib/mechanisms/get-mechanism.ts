import "server-only";
import { authorize } from "@/lib/auth/current-user";
import { getReadDb } from "@/lib/db/client";

/** A mechanism and the live initiatives that use it, in document order, with the objectives that name it. */
export async function getMechanism(slug: string) {
  await authorize("matrix:read", "ver mecanismo");
  const db = getReadDb();
  const mechanism = await db.mechanism.findUnique({ where: { slug } });
  if (!mechanism) return null;
  const initiatives = await db.initiative.findMany({
    where: { archivedAt: null, articulationObjectives: { some: { mechanisms: { some: { mechanismId: mechanism.id } } } } },
    orderBy: { position: "asc" },
    select: {
      id: true,
      name: true,
      managementObjective: { select: { code: true, title: true } },
      articulationObjectives: {
        where: { mechanisms: { some: { mechanismId: mechanism.id } } },
        orderBy: { position: "asc" },
        select: { id: true, text: true },
      },
    },
  });
  return { mechanism, initiatives };
}
