import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MatrixDocument } from "./document";
import { refreshDerivedColumns } from "@/lib/initiatives/derived-columns";
import { findInstrumentWithLostType } from "@/lib/tracking/instrument-types";
import { dayToDate } from "@/lib/tracking/days";
import { secretariatSlug } from "@/lib/tracking/manage-catalogues";
import { slugify } from "@/lib/text/slugify";
import {
  instrumentNames,
  instrumentOrder,
  instrumentRecord,
  sortedNames,
  trackingInclude,
  trackingRecord,
  type DocTracking,
} from "./tracking-document";

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
  /** Initiatives whose tracking (status, owners, updates) and articulation objectives whose instruments the document replaced. */
  trackingReplaced: number;
  instrumentsReplaced: number;
}

type DocInitiative = MatrixDocument["initiatives"][number];
type DocObjective = DocInitiative["articulationObjectives"][number];

/** Raised for a document the schema accepts but the database cannot take as it is; nothing is written. */
export class MatrixImportError extends Error {}

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
        trackingReplaced: 0,
        instrumentsReplaced: 0,
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
        const data = { slug: slugify(m.name), description: m.description ?? null };
        const where = { name: m.name };
        const row = await sync(await tx.mechanism.findUnique({ where }), data, report.mechanisms, {
          create: () => tx.mechanism.create({ data: { ...where, ...data } }),
          update: () => tx.mechanism.update({ where, data: { ...data, version: { increment: 1 } } }),
        });
        mechanismIds.set(m.name, row.id);
      }

      // Catalogue entries the document declares are added (and counterpart types corrected); the rest stay.
      for (const { name } of doc.secretariats ?? []) {
        await tx.secretariat.upsert({ where: { name }, create: { name, slug: secretariatSlug(name) }, update: {} });
      }
      for (const { name, type } of doc.counterparts ?? []) {
        const current = await tx.counterpart.findUnique({ where: { name } });
        if (!current) await tx.counterpart.create({ data: { name, type } });
        else if (current.type !== type) await tx.counterpart.update({ where: { name }, data: { type, version: { increment: 1 } } });
      }
      const secretariatIds = new Map((await tx.secretariat.findMany({ select: { id: true, name: true } })).map((r) => [r.name, r.id]));
      const counterpartIds = new Map((await tx.counterpart.findMany({ select: { id: true, name: true } })).map((r) => [r.name, r.id]));
      const userIds = new Map((await tx.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
      const lookup = (map: Map<string, number>, name: string, what: string) => {
        const id = map.get(name);
        if (id === undefined) throw new MatrixImportError(`${what} «${name}» no está en el catálogo ni en el documento.`);
        return id;
      };

      for (const [position, initiative] of doc.initiatives.entries()) {
        report.initiativesPerObjective[initiative.managementObjectiveCode]! += 1;
        const data = {
          name: initiative.name,
          position,
          managementObjectiveId: managementIds.get(initiative.managementObjectiveCode)!,
          sourceLine: initiative.source?.line ?? null,
          sourcePage: initiative.source?.page ?? null,
        };
        const where = { id: initiative.id };
        const found = await tx.initiative.findUnique({ where });
        // An archived initiative stays archived since its own date; one the document does not mark is left as it is.
        const archived = initiative.archived ? { archivedAt: found?.archivedAt ?? new Date() } : {};
        await sync(found, { ...data, ...archived }, report.initiatives, {
          create: () => tx.initiative.create({ data: { ...where, ...data, ...archived } }),
          update: () => tx.initiative.update({ where, data: { ...data, ...archived, version: { increment: 1 } } }),
        });

        const existing = await tx.articulationObjective.findMany({
          where: { initiativeId: initiative.id },
          include: { mechanisms: { orderBy: { position: "asc" } }, _count: { select: { instruments: true } } },
          orderBy: { position: "asc" },
        });
        // Each stored objective is matched by identical text, else by position only if nothing is signed under it:
        // objectives edited or reordered in the portal never hand their instruments to another objective's text.
        const unused = new Map(existing.map((o) => [o.id, o]));
        const matched = initiative.articulationObjectives.map((objective, index) => {
          const byText = [...unused.values()].find((o) => o.text === objective.text);
          const atPosition = existing[index];
          const match = byText ?? (atPosition && unused.has(atPosition.id) && atPosition._count.instruments === 0 ? atPosition : undefined);
          if (match) unused.delete(match.id);
          return match;
        });
        if ([...unused.values()].some((o) => o._count.instruments > 0)) {
          throw new MatrixImportError(
            `La iniciativa ${initiative.id} tiene en la base objetivos de articulación con instrumentos firmados que el documento ya no incluye; elimine esos instrumentos antes de importar.`,
          );
        }
        if (unused.size > 0) {
          await tx.articulationObjective.deleteMany({ where: { id: { in: [...unused.keys()] } } });
          report.articulationObjectives.removed += unused.size;
        }
        // Park kept rows on negative positions first: (initiativeId, position) is unique.
        const parked = matched.some((current, index) => current && current.position !== index);
        if (parked)
          await tx.$executeRaw`UPDATE "ArticulationObjective" SET position = -1 - position WHERE "initiativeId" = ${initiative.id}`;
        for (const [index, objective] of initiative.articulationObjectives.entries()) {
          const wanted = objective.mechanisms.map((name) => mechanismIds.get(name)!);
          const fields = { text: objective.text, sourceLine: objective.source?.line ?? null, sourcePage: objective.source?.page ?? null };
          const current = matched[index];
          if (!current) {
            const created = await tx.articulationObjective.create({
              data: {
                ...fields,
                initiativeId: initiative.id,
                position: index,
                mechanisms: { create: wanted.map((mechanismId, order) => ({ mechanismId, position: order })) },
              },
            });
            report.articulationObjectives.created += 1;
            report.instrumentsReplaced += await syncInstruments(tx, created.id, objective, mechanismIds, (name) =>
              lookup(counterpartIds, name, "La contraparte"),
            );
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
                position: index,
                version: { increment: 1 },
                mechanisms: { create: wanted.map((mechanismId, order) => ({ mechanismId, position: order })) },
              },
            });
            report.articulationObjectives.updated += 1;
          } else {
            if (parked) await tx.articulationObjective.update({ where: { id: current.id }, data: { position: index } });
            report.articulationObjectives.unchanged += 1;
          }
          report.instrumentsReplaced += await syncInstruments(tx, current.id, objective, mechanismIds, (name) =>
            lookup(counterpartIds, name, "La contraparte"),
          );
        }
      }

      await refreshDerivedColumns(
        tx,
        doc.initiatives.map((i) => i.id),
      );

      const lostType = await findInstrumentWithLostType(
        tx,
        doc.initiatives.map((i) => i.id),
      );
      if (lostType) throw new MatrixImportError(lostType);

      for (const initiative of doc.initiatives) {
        if (!initiative.tracking) continue;
        if (
          await syncTracking(tx, initiative.id, initiative.tracking, {
            secretariat: (name) => lookup(secretariatIds, name, "La secretaría"),
            user: (email) => userIds.get(email) ?? null,
          })
        ) {
          report.trackingReplaced += 1;
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

/** Replaces an objective's instruments when the document lists different ones; returns 1 if it did. */
async function syncInstruments(
  tx: Tx,
  articulationObjectiveId: number,
  objective: DocObjective,
  mechanismIds: Map<string, number>,
  counterpartId: (name: string) => number,
) {
  if (!objective.instruments) return 0;
  const stored = await tx.instrument.findMany({ where: { articulationObjectiveId }, orderBy: instrumentOrder, include: instrumentNames });
  if (JSON.stringify(stored.map(instrumentRecord)) === JSON.stringify(objective.instruments)) return 0;
  await tx.instrument.deleteMany({ where: { articulationObjectiveId } });
  for (const i of objective.instruments) {
    await tx.instrument.create({
      data: {
        articulationObjectiveId,
        mechanismId: mechanismIds.get(i.type)!,
        counterpartId: counterpartId(i.counterpart),
        title: i.title,
        signedOn: dayToDate(i.signedOn),
        endsOn: i.endsOn ? dayToDate(i.endsOn) : null,
        reference: i.reference,
      },
    });
  }
  return 1;
}

/** Replaces an initiative's status, owners and progress updates when the document says otherwise; returns whether it did. */
async function syncTracking(
  tx: Tx,
  initiativeId: number,
  tracking: DocTracking,
  ids: { secretariat: (name: string) => number; user: (email: string) => number | null },
) {
  const stored = await tx.initiative.findUniqueOrThrow({ where: { id: initiativeId }, include: trackingInclude });
  const wanted = { ...tracking, supportingSecretariats: sortedNames(tracking.supportingSecretariats) };
  if (JSON.stringify(trackingRecord(stored)) === JSON.stringify(wanted)) return false;
  const lastUpdate = tracking.updates
    .map((u) => u.date)
    .sort()
    .at(-1);
  const leadId = tracking.leadSecretariat ? ids.secretariat(tracking.leadSecretariat) : null;
  await tx.initiative.update({
    where: { id: initiativeId },
    data: {
      status: tracking.status,
      progress: tracking.progress,
      leadSecretariatId: leadId,
      lastUpdateOn: lastUpdate ? dayToDate(lastUpdate) : null,
      trackingVersion: { increment: 1 },
    },
  });
  await tx.initiativeSupport.deleteMany({ where: { initiativeId } });
  const supporting = [...new Set(tracking.supportingSecretariats.map(ids.secretariat))].filter((id) => id !== leadId);
  if (supporting.length > 0)
    await tx.initiativeSupport.createMany({ data: supporting.map((secretariatId) => ({ initiativeId, secretariatId })) });
  await tx.progressUpdate.deleteMany({ where: { initiativeId } });
  for (const u of tracking.updates) {
    await tx.progressUpdate.create({
      data: {
        initiativeId,
        occurredOn: dayToDate(u.date),
        note: u.note,
        status: u.status,
        progress: u.progress,
        authorId: ids.user(u.authorEmail.toLowerCase()),
        authorName: u.authorName,
        authorEmail: u.authorEmail,
        createdAt: new Date(u.recordedAt),
      },
    });
  }
  return true;
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
