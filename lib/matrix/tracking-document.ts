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
