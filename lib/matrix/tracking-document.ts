import type { Prisma } from "@/lib/db/client";
import { dateToDay } from "@/lib/tracking/days";
import type { MatrixDocument } from "./document";

type DocInitiative = MatrixDocument["initiatives"][number];
export type DocTracking = NonNullable<DocInitiative["tracking"]>;
export type DocInstrument = NonNullable<DocInitiative["articulationObjectives"][number]["instruments"]>[number];

/**
 * Stored tracking in the exchange document's shape: what the export writes,
 * what the import compares against, and what the audit trail records.
 */

export const instrumentNames = {
  mechanism: { select: { name: true } },
  counterpart: { select: { name: true } },
} satisfies Prisma.InstrumentInclude;
export const instrumentOrder = [{ signedOn: "asc" }, { id: "asc" }] satisfies Prisma.InstrumentOrderByWithRelationInput[];

/** An initiative's articulation objectives in order, each with its mechanisms and signed instruments: what both exports write. */
export const articulationObjectivesInclude = {
  orderBy: { position: "asc" },
  include: {
    mechanisms: { orderBy: { position: "asc" }, include: { mechanism: { select: { name: true } } } },
    instruments: { orderBy: instrumentOrder, include: instrumentNames },
  },
} satisfies Prisma.Initiative$articulationObjectivesArgs;

export function instrumentRecord(i: Prisma.InstrumentGetPayload<{ include: typeof instrumentNames }>): DocInstrument {
  return {
    type: i.mechanism.name,
    counterpart: i.counterpart.name,
    title: i.title,
    signedOn: dateToDay(i.signedOn),
    endsOn: i.endsOn ? dateToDay(i.endsOn) : null,
    reference: i.reference,
  };
}

export const trackingInclude = {
  leadSecretariat: { select: { name: true } },
  supportingSecretariats: { select: { secretariat: { select: { name: true } } } },
  progressUpdates: { orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.InitiativeInclude;

export function trackingRecord(i: Prisma.InitiativeGetPayload<{ include: typeof trackingInclude }>): DocTracking {
  return {
    status: i.status,
    progress: i.progress,
    leadSecretariat: i.leadSecretariat?.name ?? null,
    supportingSecretariats: sortedNames(i.supportingSecretariats.map((s) => s.secretariat.name)),
    updates: i.progressUpdates.map((u) => ({
      date: dateToDay(u.occurredOn),
      note: u.note,
      status: u.status,
      progress: u.progress,
      authorName: u.authorName,
      authorEmail: u.authorEmail,
      recordedAt: u.createdAt.toISOString(),
    })),
  };
}

export const sortedNames = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, "es"));

export type DocReport = NonNullable<DocInitiative["reports"]>[number];
export type DocIndicator = NonNullable<DocInitiative["indicators"]>[number];
export type DocMilestone = NonNullable<DocInitiative["milestones"]>[number];
export type DocPeriod = NonNullable<MatrixDocument["reportingPeriods"]>[number];
export type DocPerson = NonNullable<MatrixDocument["people"]>[number];

/**
 * An initiative's period reports, indicators (with targets and measurements) and milestones, in an
 * order that depends on no id the import would change: a second export of an imported document
 * is the same bytes.
 */
export const accountabilityInclude = {
  periodReports: {
    orderBy: [{ period: { startsOn: "asc" } }, { period: { name: "asc" } }],
    include: { period: { select: { name: true } } },
  },
  indicators: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    include: {
      secretariat: { select: { name: true } },
      targets: { orderBy: { year: "asc" } },
      measurements: { orderBy: [{ measuredOn: "asc" }, { createdAt: "asc" }, { id: "asc" }] },
    },
  },
  milestones: { orderBy: [{ plannedOn: "asc" }, { id: "asc" }] },
} satisfies Prisma.InitiativeInclude;

type WithAccountability = Prisma.InitiativeGetPayload<{ include: typeof accountabilityInclude }>;

export function reportRecords(i: Pick<WithAccountability, "periodReports">): DocReport[] {
  return i.periodReports.map((r) => ({
    period: r.period.name,
    status: r.status,
    progressStatus: r.progressStatus,
    progress: r.progress,
    note: r.note,
    evidenceUrl: r.evidenceUrl,
    returnReason: r.returnReason,
    authorName: r.authorName,
    authorEmail: r.authorEmail,
    reviewerName: r.reviewerName,
    reviewerEmail: r.reviewerEmail,
    submittedAt: r.submittedAt.toISOString(),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    recordedAt: r.createdAt.toISOString(),
  }));
}

export function indicatorRecords(i: Pick<WithAccountability, "indicators">): DocIndicator[] {
  return i.indicators.map((indicator) => ({
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    baselineYear: indicator.baselineYear,
    baselineValue: indicator.baselineValue,
    dataSource: indicator.dataSource,
    secretariat: indicator.secretariat?.name ?? null,
    targets: indicator.targets.map(({ year, value }) => ({ year, value })),
    measurements: indicator.measurements.map((m) => ({
      date: dateToDay(m.measuredOn),
      value: m.value,
      note: m.note,
      explanation: m.explanation,
      evidenceUrl: m.evidenceUrl,
      authorName: m.authorName,
      authorEmail: m.authorEmail,
      recordedAt: m.createdAt.toISOString(),
    })),
  }));
}

export function milestoneRecords(i: Pick<WithAccountability, "milestones">): DocMilestone[] {
  return i.milestones.map((m) => ({
    title: m.title,
    plannedOn: dateToDay(m.plannedOn),
    achievedOn: m.achievedOn ? dateToDay(m.achievedOn) : null,
    state: m.state,
  }));
}

export const periodOrder = [{ startsOn: "asc" }, { name: "asc" }] satisfies Prisma.ReportingPeriodOrderByWithRelationInput[];

export function periodRecord(p: { name: string; startsOn: Date; endsOn: Date; dueOn: Date; open: boolean }): DocPeriod {
  return { name: p.name, startsOn: dateToDay(p.startsOn), endsOn: dateToDay(p.endsOn), dueOn: dateToDay(p.dueOn), open: p.open };
}

/** Accounts that belong to a secretariat or made a notification choice, by e-mail. */
export const personSelect = {
  email: true,
  secretariats: { select: { secretariat: { select: { name: true } } } },
  notificationPreference: { select: { weeklyDigest: true } },
} satisfies Prisma.UserSelect;

export const personWhere = {
  OR: [{ secretariats: { some: {} } }, { notificationPreference: { isNot: null } }],
} satisfies Prisma.UserWhereInput;

export function personRecord(u: Prisma.UserGetPayload<{ select: typeof personSelect }>): DocPerson {
  return {
    email: u.email,
    secretariats: sortedNames(u.secretariats.map((s) => s.secretariat.name)),
    weeklyDigest: u.notificationPreference?.weeklyDigest ?? null,
  };
}
