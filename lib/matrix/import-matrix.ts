import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MatrixDocument } from "./document";
import { refreshDerivedColumns } from "@/lib/initiatives/derived-columns";
import { findInstrumentWithLostType } from "@/lib/tracking/instrument-types";
import { dayToDate } from "@/lib/tracking/days";
import { secretariatSlug } from "@/lib/tracking/manage-catalogues";
import { slugify } from "@/lib/text/slugify";
import {
  accountabilityInclude,
  indicatorRecords,
  instrumentNames,
  instrumentOrder,
  instrumentRecord,
  milestoneRecords,
  periodRecord,
  personRecord,
  personSelect,
  reportRecords,
  sortedNames,
  trackingInclude,
  trackingRecord,
  type DocIndicator,
  type DocMilestone,
  type DocReport,
  type DocTracking,
} from "./tracking-document";
import { syncDerivedProgress } from "@/lib/indicators/sync-derived-progress";

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
  reportingPeriods: ImportCounts;
  /** Accounts whose secretariats or notification choice the document replaced. */
  peopleReplaced: number;
  /** Initiatives whose period reports, indicators or milestones the document replaced. */
  reportsReplaced: number;
  indicatorsReplaced: number;
  milestonesReplaced: number;
  thresholdsReplaced: boolean;
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
        reportingPeriods: counts(),
        peopleReplaced: 0,
        reportsReplaced: 0,
        indicatorsReplaced: 0,
        milestonesReplaced: 0,
        thresholdsReplaced: false,
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
      const lookup = (map: Map<string, number>, name: string, what: string, row?: string) => {
        const id = map.get(name);
        if (id === undefined)
          throw new MatrixImportError(`${row ? `${row}: ` : ""}${what} «${name}» no está en el catálogo ni en el documento.`);
        return id;
      };

      // Periods are matched by name; those the document does not list stay, with their reports.
      for (const period of doc.reportingPeriods ?? []) {
        const data = {
          startsOn: dayToDate(period.startsOn),
          endsOn: dayToDate(period.endsOn),
          dueOn: dayToDate(period.dueOn),
          open: period.open,
        };
        const where = { name: period.name };
        const current = await tx.reportingPeriod.findUnique({ where });
        await sync(current && { ...current, ...periodRecord(current) }, period, report.reportingPeriods, {
          create: () => tx.reportingPeriod.create({ data: { ...where, ...data } }),
          update: () => tx.reportingPeriod.update({ where, data: { ...data, version: { increment: 1 } } }),
        });
      }
      const periodIds = new Map((await tx.reportingPeriod.findMany({ select: { id: true, name: true } })).map((r) => [r.name, r.id]));

      // People are accounts named by e-mail: the import never creates one, so an unknown address stops it.
      for (const [index, person] of (doc.people ?? []).entries()) {
        const row = `people[${index}]`;
        const userId = userIds.get(person.email.toLowerCase());
        if (userId === undefined) {
          throw new MatrixImportError(
            `${row}: no hay ninguna cuenta con el correo «${person.email}»; créela con «npm run user:create» o quite la fila. No se importó nada.`,
          );
        }
        const wanted = { ...person, email: person.email.toLowerCase(), secretariats: sortedNames(person.secretariats) };
        const stored = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: personSelect });
        if (JSON.stringify(personRecord(stored)) === JSON.stringify(wanted)) continue;
        const secretariats = [...new Set(person.secretariats.map((name) => lookup(secretariatIds, name, "La secretaría", row)))];
        await tx.userSecretariat.deleteMany({ where: { userId, secretariatId: { notIn: secretariats } } });
        await tx.userSecretariat.createMany({
          data: secretariats.map((secretariatId) => ({ userId, secretariatId })),
          skipDuplicates: true,
        });
        if (person.weeklyDigest === null) await tx.notificationPreference.deleteMany({ where: { userId } });
        else {
          await tx.notificationPreference.upsert({
            where: { userId },
            create: { userId, weeklyDigest: person.weeklyDigest },
            update: { weeklyDigest: person.weeklyDigest },
          });
        }
        report.peopleReplaced += 1;
      }

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

      // Authors and reviewers are linked to the account with their e-mail when there is one; their name and
      // e-mail travel with the row, which outlives the account (as a progress update's author does).
      const user = (email: string) => userIds.get(email.toLowerCase()) ?? null;
      // One read for every initiative the document reports on, not one per initiative.
      const withAccountability = doc.initiatives.filter((i) => i.reports || i.indicators || i.milestones).map((i) => i.id);
      const storedAccountability = new Map(
        (await tx.initiative.findMany({ where: { id: { in: withAccountability } }, include: accountabilityInclude })).map((stored) => [
          stored.id,
          stored,
        ]),
      );
      for (const [index, initiative] of doc.initiatives.entries()) {
        const row = `initiatives[${index}]`;
        if (initiative.tracking) {
          const replaced = await syncTracking(tx, initiative.id, initiative.tracking, {
            secretariat: (name) => lookup(secretariatIds, name, "La secretaría", `${row}.tracking`),
            user,
          });
          if (replaced) report.trackingReplaced += 1;
        }
        if (initiative.reports || initiative.indicators || initiative.milestones) {
          const stored = storedAccountability.get(initiative.id);
          if (!stored) throw new MatrixImportError(`${row}: la iniciativa ${initiative.id} no se guardó.`);
          const same = (records: unknown, wanted: unknown) => JSON.stringify(records) === JSON.stringify(wanted);
          if (initiative.reports && !same(reportRecords(stored), initiative.reports)) {
            await replaceReports(tx, initiative.id, initiative.reports, {
              period: (name, j) => {
                const id = periodIds.get(name);
                if (id === undefined) {
                  throw new MatrixImportError(`${row}.reports[${j}]: el periodo «${name}» no está en la base ni en «reportingPeriods».`);
                }
                return id;
              },
              user,
            });
            report.reportsReplaced += 1;
          }
          if (initiative.indicators && !same(indicatorRecords(stored), initiative.indicators)) {
            await replaceIndicators(tx, initiative.id, initiative.indicators, {
              secretariat: (name, j) => lookup(secretariatIds, name, "La secretaría", `${row}.indicators[${j}]`),
              user,
            });
            // The document's tracking already says the progress the indicators gave; without it, derive it again.
            if (!initiative.tracking) await syncDerivedProgress(tx, initiative.id);
            report.indicatorsReplaced += 1;
          }
          if (initiative.milestones && !same(milestoneRecords(stored), initiative.milestones)) {
            await replaceMilestones(tx, initiative.id, initiative.milestones);
            report.milestonesReplaced += 1;
          }
        }
      }

      if (doc.indicatorThresholds !== undefined) {
        const stored = await tx.indicatorSettings.findUnique({ where: { id: THRESHOLDS_ID } });
        const wanted = doc.indicatorThresholds;
        if (wanted === null && stored) {
          await tx.indicatorSettings.delete({ where: { id: THRESHOLDS_ID } });
          report.thresholdsReplaced = true;
        } else if (wanted && !stored) {
          await tx.indicatorSettings.create({ data: { id: THRESHOLDS_ID, ...wanted } });
          report.thresholdsReplaced = true;
        } else if (wanted && stored && differs(stored, wanted)) {
          await tx.indicatorSettings.update({ where: { id: THRESHOLDS_ID }, data: { ...wanted, version: { increment: 1 } } });
          report.thresholdsReplaced = true;
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

/** The one row of IndicatorSettings (lib/indicators/indicator-settings.ts). */
const THRESHOLDS_ID = 1;

type UserLookup = (email: string) => number | null;

/** Replaces an initiative's period reports with the document's, review state and reviewer included. */
async function replaceReports(
  tx: Tx,
  initiativeId: number,
  reports: DocReport[],
  ids: { period: (name: string, index: number) => number; user: UserLookup },
) {
  await tx.periodReport.deleteMany({ where: { initiativeId } });
  await tx.periodReport.createMany({
    data: reports.map((r, index) => ({
      periodId: ids.period(r.period, index),
      initiativeId,
      status: r.status,
      progressStatus: r.progressStatus,
      progress: r.progress,
      note: r.note,
      evidenceUrl: r.evidenceUrl,
      returnReason: r.returnReason,
      authorId: ids.user(r.authorEmail),
      authorName: r.authorName,
      authorEmail: r.authorEmail,
      reviewerId: r.reviewerEmail === null ? null : ids.user(r.reviewerEmail),
      reviewerName: r.reviewerName,
      reviewerEmail: r.reviewerEmail,
      submittedAt: new Date(r.submittedAt),
      reviewedAt: r.reviewedAt === null ? null : new Date(r.reviewedAt),
      createdAt: new Date(r.recordedAt),
    })),
  });
}

/** Replaces an initiative's indicators, each with its targets and measurements, in the document's order. */
async function replaceIndicators(
  tx: Tx,
  initiativeId: number,
  indicators: DocIndicator[],
  ids: { secretariat: (name: string, index: number) => number; user: UserLookup },
) {
  await tx.indicator.deleteMany({ where: { initiativeId } });
  for (const [position, i] of indicators.entries()) {
    await tx.indicator.create({
      data: {
        initiativeId,
        position,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        baselineYear: i.baselineYear,
        baselineValue: i.baselineValue,
        dataSource: i.dataSource,
        secretariatId: i.secretariat === null ? null : ids.secretariat(i.secretariat, position),
        targets: { createMany: { data: i.targets } },
        measurements: {
          createMany: {
            data: i.measurements.map((m) => ({
              measuredOn: dayToDate(m.date),
              value: m.value,
              note: m.note,
              explanation: m.explanation,
              evidenceUrl: m.evidenceUrl,
              authorId: ids.user(m.authorEmail),
              authorName: m.authorName,
              authorEmail: m.authorEmail,
              createdAt: new Date(m.recordedAt),
            })),
          },
        },
      },
    });
  }
}

async function replaceMilestones(tx: Tx, initiativeId: number, milestones: DocMilestone[]) {
  await tx.milestone.deleteMany({ where: { initiativeId } });
  await tx.milestone.createMany({
    data: milestones.map((m) => ({
      initiativeId,
      title: m.title,
      plannedOn: dayToDate(m.plannedOn),
      achievedOn: m.achievedOn === null ? null : dayToDate(m.achievedOn),
      state: m.state,
    })),
  });
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
