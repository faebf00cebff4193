import type { Db } from "@/lib/db/client";
import type { MatrixDocument } from "./document";

const source = (line: number | null, page?: number | null) =>
  line !== null && page !== undefined && page !== null ? { source: { line, page } } : {};

/** The whole matrix as an exchange document, in document order. */
export async function exportMatrix(db: Db): Promise<MatrixDocument> {
  const [development, management, mechanisms, initiatives] = await Promise.all([
    db.developmentObjective.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] }),
    db.managementObjective.findMany({
      include: { developmentObjective: { select: { code: true } } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    db.mechanism.findMany(),
    db.initiative.findMany({
      include: {
        managementObjective: { select: { code: true } },
        articulationObjectives: {
          orderBy: { position: "asc" },
          include: { mechanisms: { orderBy: { position: "asc" }, include: { mechanism: { select: { name: true } } } } },
        },
      },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
  ]);

  return {
    developmentObjectives: development.map((o) => ({ code: o.code, title: o.title, ...source(o.sourceLine, o.sourcePage) })),
    managementObjectives: management.map((o) => ({
      code: o.code,
      title: o.title,
      developmentObjectiveCode: o.developmentObjective.code,
      ...source(o.sourceLine, o.sourcePage),
    })),
    initiatives: initiatives.map((i) => ({
      id: i.id,
      name: i.name,
      managementObjectiveCode: i.managementObjective.code,
      ...source(i.sourceLine, i.sourcePage),
      articulationObjectives: i.articulationObjectives.map((o) => ({
        text: o.text,
        mechanisms: o.mechanisms.map((link) => link.mechanism.name),
        ...source(o.sourceLine, o.sourcePage),
      })),
    })),
    mechanisms: mechanisms
      .map((m) => ({ name: m.name, description: m.description }))
      .sort((a, b) => a.name.localeCompare(b.name, "es")),
  };
}
