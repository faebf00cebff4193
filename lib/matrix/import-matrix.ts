import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MatrixDocument } from "./document";
import { initiativeSearchText } from "@/lib/text/search-text";
import { slugifyMechanism } from "./mechanism-names";

type Tx = Prisma.TransactionClient;

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  developmentObjectives: ImportCounts;
  managementObjectives: ImportCounts;
  mechanisms: ImportCounts;
  initiatives: ImportCounts;
  articulationObjectives: ImportCounts & { removed: number };
  /** Initiatives per management objective code, as in the imported document. */
  initiativesPerObjective: Record<string, number>;
  /** Ids in the database that the document does not mention; left untouched. */
  untouchedInitiativeIds: number[];
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

/**
 * Writes a validated matrix document in one transaction. Records are matched by
 * code (objectives), name (mechanisms), id (initiatives) and position
 * (articulation objectives); only real changes bump `version`, so importing the
 * same document twice leaves the database as it was.
 */
export async function importMatrix(db: Db, doc: MatrixDocument): Promise<ImportReport> {
  return db.$transaction(
    async (tx) => {
      // Serialises concurrent imports (two instances, or a CLI run beside the server).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
      const report: ImportReport = {
        developmentObjectives: counts(),
        managementObjectives: counts(),
        mechanisms: counts(),
        initiatives: counts(),
        articulationObjectives: { ...counts(), removed: 0 },
        initiativesPerObjective: {},
        untouchedInitiativeIds: [],
      };

      const developmentIds = new Map<string, number>();
      for (const [position, o] of doc.developmentObjectives.entries()) {
        const data = { title: o.title, position, sourceLine: o.source?.line ?? null, sourcePage: o.source?.page ?? null };
        const where = { code: o.code };
        const row = await sync(await tx.developmentObjective.findUnique({ where }), data, report.developmentObjectives, {
          create: () => tx.developmentObjective.create({ data: { ...where, ...data } }),
          update: () => tx.developmentObjective.update({ where, data: { ...data, version: { increment: 1 } } }),
        });
        developmentIds.set(o.code, row.id);
      }

      const managementIds = new Map<string, number>();
      for (const [position, o] of doc.managementObjectives.entries()) {
        const data = {
          title: o.title,
          position,
          sourceLine: o.source?.line ?? null,
          sourcePage: o.source?.page ?? null,
          developmentObjectiveId: developmentIds.get(o.developmentObjectiveCode)!,
        };
        const where = { code: o.code };
        const row = await sync(await tx.managementObjective.findUnique({ where }), data, report.managementObjectives, {
          create: () => tx.managementObjective.create({ data: { ...where, ...data } }),
          update: () => tx.managementObjective.update({ where, data: { ...data, version: { increment: 1 } } }),
        });
        managementIds.set(o.code, row.id);
        report.initiativesPerObjective[o.code] = 0;
      }

      const mechanismIds = new Map<string, number>();
      for (const m of doc.mechanisms) {
        const data = { slug: slugifyMechanism(m.name), description: m.description ?? null };
        const where = { name: m.name };
        const row = await sync(await tx.mechanism.findUnique({ where }), data, report.mechanisms, {
          create: () => tx.mechanism.create({ data: { ...where, ...data } }),
          update: () => tx.mechanism.update({ where, data: { ...data, version: { increment: 1 } } }),
        });
        mechanismIds.set(m.name, row.id);
      }

      for (const [position, initiative] of doc.initiatives.entries()) {
        report.initiativesPerObjective[initiative.managementObjectiveCode]! += 1;
        const data = {
          name: initiative.name,
          position,
          managementObjectiveId: managementIds.get(initiative.managementObjectiveCode)!,
          sourceLine: initiative.source?.line ?? null,
          sourcePage: initiative.source?.page ?? null,
          searchText: initiativeSearchText(
            initiative.name,
            initiative.articulationObjectives.map((o) => o.text),
            initiative.articulationObjectives.flatMap((o) => o.mechanisms),
          ),
          mechanismIds: [...new Set(initiative.articulationObjectives.flatMap((o) => o.mechanisms.map((name) => mechanismIds.get(name)!)))].sort(
            (a, b) => a - b,
          ),
        };
        const where = { id: initiative.id };
        await sync(await tx.initiative.findUnique({ where }), data, report.initiatives, {
          create: () => tx.initiative.create({ data: { ...where, ...data } }),
          update: () => tx.initiative.update({ where, data: { ...data, version: { increment: 1 } } }),
        });

        const existing = await tx.articulationObjective.findMany({
          where: { initiativeId: initiative.id },
          include: { mechanisms: { orderBy: { position: "asc" } } },
          orderBy: { position: "asc" },
        });
        for (const [index, objective] of initiative.articulationObjectives.entries()) {
          const wanted = objective.mechanisms.map((name) => mechanismIds.get(name)!);
          const fields = { text: objective.text, sourceLine: objective.source?.line ?? null, sourcePage: objective.source?.page ?? null };
          const current = existing[index];
          if (!current) {
            await tx.articulationObjective.create({
              data: {
                ...fields,
                initiativeId: initiative.id,
                position: index,
                mechanisms: { create: wanted.map((mechanismId, order) => ({ mechanismId, position: order })) },
              },
            });
            report.articulationObjectives.created += 1;
            continue;
          }
          const sameMechanisms =
            current.mechanisms.length === wanted.length && current.mechanisms.every((link, i) => link.mechanismId === wanted[i]);
          if (differs(current, fields) || current.position !== index || !sameMechanisms) {
            await tx.articulationObjectiveMechanism.deleteMany({ where: { articulationObjectiveId: current.id } });
            await tx.articulationObjective.update({
              where: { id: current.id },
              data: {
                ...fields,
                version: { increment: 1 },
                mechanisms: { create: wanted.map((mechanismId, order) => ({ mechanismId, position: order })) },
              },
            });
            report.articulationObjectives.updated += 1;
          } else {
            report.articulationObjectives.unchanged += 1;
          }
        }
        const surplus = existing.slice(initiative.articulationObjectives.length).map((o) => o.id);
        if (surplus.length > 0) {
          await tx.articulationObjective.deleteMany({ where: { id: { in: surplus } } });
          report.articulationObjectives.removed += surplus.length;
        }
      }

      const mentioned = doc.initiatives.map((i) => i.id);
      report.untouchedInitiativeIds = (
        await tx.initiative.findMany({ where: { id: { notIn: mentioned } }, select: { id: true }, orderBy: { id: "asc" } })
      ).map((i) => i.id);

      // Explicit ids bypass the sequence; move it past them so that new initiatives do not collide.
      await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('"Initiative"', 'id'), GREATEST((SELECT max(id) FROM "Initiative"), 1))`;
      return report;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

function differs(current: Record<string, unknown>, wanted: Record<string, unknown>) {
  return Object.entries(wanted).some(([key, value]) =>
    Array.isArray(value) ? JSON.stringify(current[key]) !== JSON.stringify(value) : current[key] !== value,
  );
}

/** Creates the row, updates it when a field differs, or leaves it alone, and counts which. */
async function sync(
  current: ({ id: number } & Record<string, unknown>) | null,
  data: Record<string, unknown>,
  tally: ImportCounts,
  write: { create: () => Promise<{ id: number }>; update: () => Promise<{ id: number }> },
): Promise<{ id: number }> {
  if (!current) {
    tally.created += 1;
    return write.create();
  }
  if (!differs(current, data)) {
    tally.unchanged += 1;
    return current;
  }
  tally.updated += 1;
  return write.update();
}
