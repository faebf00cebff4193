import "server-only";
import type { Db } from "@/lib/db/client";
import { dateToDay, todayInQuito } from "./days";
import { isEndingSoon, isStale } from "./freshness";

/** The tracking side of one initiative: status, owners, freshness, instruments per articulation objective and the timeline. */
export async function getInitiativeTracking(db: Db, id: number) {
  const initiative = await db.initiative.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      status: true,
      progress: true,
      lastUpdateOn: true,
      trackingVersion: true,
      leadSecretariat: { select: { id: true, name: true, slug: true } },
      supportingSecretariats: {
        select: { secretariat: { select: { id: true, name: true, slug: true } } },
        orderBy: { secretariat: { name: "asc" } },
      },
      progressUpdates: { orderBy: [{ occurredOn: "desc" }, { id: "desc" }] },
      articulationObjectives: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          text: true,
          mechanisms: { orderBy: { position: "asc" }, select: { mechanism: { select: { id: true, name: true } } } },
          instruments: {
            orderBy: [{ signedOn: "asc" }, { id: "asc" }],
            include: { mechanism: { select: { name: true, slug: true } }, counterpart: { select: { id: true, name: true, type: true } } },
          },
        },
      },
    },
  });
  if (!initiative) return null;
  const today = todayInQuito();
  const lastUpdateOn = initiative.lastUpdateOn ? dateToDay(initiative.lastUpdateOn) : null;
  return {
    ...initiative,
    lastUpdateOn,
    stale: isStale(lastUpdateOn, today),
    supportingSecretariats: initiative.supportingSecretariats.map((s) => s.secretariat),
    progressUpdates: initiative.progressUpdates.map((u) => ({ ...u, occurredOn: dateToDay(u.occurredOn) })),
    articulationObjectives: initiative.articulationObjectives.map((o) => ({
      id: o.id,
      text: o.text,
      mechanisms: o.mechanisms.map((m) => m.mechanism),
      instruments: o.instruments.map((i) => {
        const endsOn = i.endsOn ? dateToDay(i.endsOn) : null;
        return {
          ...i,
          signedOn: dateToDay(i.signedOn),
          endsOn,
          endingSoon: isEndingSoon(endsOn, today),
          ended: endsOn !== null && endsOn < today,
        };
      }),
    })),
  };
}

export type InitiativeTracking = NonNullable<Awaited<ReturnType<typeof getInitiativeTracking>>>;

/** What the tracking forms offer: the secretariat and counterpart catalogues. */
export async function getTrackingCatalogues(db: Db) {
  const [secretariats, counterparts] = await Promise.all([
    db.secretariat.findMany({ select: { id: true, name: true, slug: true, version: true } }),
    db.counterpart.findMany({ select: { id: true, name: true, type: true, version: true } }),
  ]);
  // Spanish order, not the database collation's (which puts "General" before "de Ambiente").
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "es");
  return { secretariats: secretariats.sort(byName), counterparts: counterparts.sort(byName) };
}
