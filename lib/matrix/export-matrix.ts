import type { Db, Prisma } from "@/lib/db/client";
import type { CounterpartType } from "@/lib/tracking/counterpart-types";
import type { MatrixDocument } from "./document";
import {
  accountabilityInclude,
  articulationObjectivesInclude,
  indicatorRecords,
  instrumentRecord,
  milestoneRecords,
  periodOrder,
  periodRecord,
  personRecord,
  personSelect,
  personWhere,
  reportRecords,
  trackingInclude,
  trackingRecord,
} from "./tracking-document";

const source = (line: number | null, page?: number | null) =>
  line !== null && page !== undefined && page !== null ? { source: { line, page } } : {};

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "es");

/** The whole matrix with its tracking data as an exchange document, in document order; the backup passes its transaction, to read it in the same snapshot as the tables. */
export async function exportMatrix(db: Db | Prisma.TransactionClient): Promise<MatrixDocument> {
  const [development, management, mechanisms, initiatives, secretariats, counterparts, periods, people, thresholds] = await Promise.all([
    db.developmentObjective.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] }),
    db.managementObjective.findMany({
      include: { developmentObjective: { select: { code: true } } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    db.mechanism.findMany(),
    db.initiative.findMany({
      include: {
        managementObjective: { select: { code: true } },
        articulationObjectives: articulationObjectivesInclude,
        ...trackingInclude,
        ...accountabilityInclude,
      },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    db.secretariat.findMany({ select: { name: true } }),
    db.counterpart.findMany({ select: { name: true, type: true } }),
    db.reportingPeriod.findMany({ orderBy: periodOrder }),
    db.user.findMany({ where: personWhere, select: personSelect, orderBy: { email: "asc" } }),
    db.indicatorSettings.findFirst(),
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
      ...(i.archivedAt ? { archived: true as const } : {}),
      articulationObjectives: i.articulationObjectives.map((o) => ({
        text: o.text,
        mechanisms: o.mechanisms.map((link) => link.mechanism.name),
        ...source(o.sourceLine, o.sourcePage),
        instruments: o.instruments.map(instrumentRecord),
      })),
      tracking: trackingRecord(i),
      reports: reportRecords(i),
      indicators: indicatorRecords(i),
      milestones: milestoneRecords(i),
    })),
    mechanisms: mechanisms.map((m) => ({ name: m.name, description: m.description })).sort(byName),
    secretariats: secretariats.map((s) => ({ name: s.name })).sort(byName),
    counterparts: counterparts.map((c) => ({ name: c.name, type: c.type as CounterpartType })).sort(byName),
    reportingPeriods: periods.map(periodRecord),
    people: people.map(personRecord),
    indicatorThresholds: thresholds ? { onTrackPercent: thresholds.onTrackPercent, atRiskPercent: thresholds.atRiskPercent } : null,
  };
}
