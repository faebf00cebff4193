import "server-only";
import type { Db } from "@/lib/db/client";

export interface PlanStructure {
  developmentObjectives: {
    code: string;
    title: string;
    initiativeCount: number;
    managementObjectives: { code: string; title: string; initiativeCount: number }[];
  }[];
  initiativeCount: number;
  mechanismCount: number;
}

/** Development objectives with their management objectives and how many live (non-archived) initiatives each has. */
export async function getPlanStructure(db: Db): Promise<PlanStructure> {
  const [development, mechanismCount] = await Promise.all([
    db.developmentObjective.findMany({
      orderBy: { position: "asc" },
      include: {
        managementObjectives: {
          orderBy: { position: "asc" },
          include: { _count: { select: { initiatives: { where: { archivedAt: null } } } } },
        },
      },
    }),
    db.mechanism.count({ where: { uses: { some: {} } } }),
  ]);
  const developmentObjectives = development.map((d) => {
    const managementObjectives = d.managementObjectives.map((m) => ({
      code: m.code,
      title: m.title,
      initiativeCount: m._count.initiatives,
    }));
    return {
      code: d.code,
      title: d.title,
      initiativeCount: managementObjectives.reduce((sum, m) => sum + m.initiativeCount, 0),
      managementObjectives,
    };
  });
  return {
    developmentObjectives,
    initiativeCount: developmentObjectives.reduce((sum, d) => sum + d.initiativeCount, 0),
    mechanismCount,
  };
}
