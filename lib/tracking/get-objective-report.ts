import "server-only";
import type { Db, Prisma } from "@/lib/db/client";
import { readPortalSettings } from "@/lib/settings/portal-settings";
import { dateToDay } from "./days";
import { rollUp, rollUpPlan } from "./rollup";
import { STATUSES, type Status } from "./statuses";

const initiativeSelect = {
  id: true,
  name: true,
  managementObjectiveId: true,
  status: true,
  progress: true,
  lastUpdateOn: true,
  leadSecretariat: { select: { name: true } },
  supportingSecretariats: { orderBy: { secretariat: { name: "asc" } }, select: { secretariat: { select: { name: true } } } },
  progressUpdates: {
    orderBy: [{ occurredOn: "desc" }, { id: "desc" }],
    take: 1,
    select: { occurredOn: true, note: true, authorName: true },
  },
  articulationObjectives: {
    orderBy: { position: "asc" },
    select: {
      mechanisms: { orderBy: { mechanism: { name: "asc" } }, select: { mechanism: { select: { name: true } } } },
      instruments: {
        orderBy: [{ signedOn: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          signedOn: true,
          endsOn: true,
          reference: true,
          mechanism: { select: { name: true } },
          counterpart: { select: { name: true, type: true } },
        },
      },
    },
  },
} satisfies Prisma.InitiativeSelect;

/** The objectives a report covers: the management objective itself, or every one of the development objective. */
async function findScope(db: Db, code: string) {
  if (/^\d{1,2}\.\d{1,2}$/.test(code)) {
    const objective = await db.managementObjective.findUnique({
      where: { code },
      select: { id: true, code: true, title: true, developmentObjective: { select: { code: true, title: true } } },
    });
    if (!objective) return null;
    const { developmentObjective, ...management } = objective;
    return { kind: "management" as const, code, title: objective.title, parent: developmentObjective, management: [management] };
  }
  if (/^\d{1,2}$/.test(code)) {
    const objective = await db.developmentObjective.findUnique({
      where: { code },
      select: {
        code: true,
        title: true,
        managementObjectives: { orderBy: { position: "asc" }, select: { id: true, code: true, title: true } },
      },
    });
    if (!objective) return null;
    return { kind: "development" as const, code, title: objective.title, parent: null, management: objective.managementObjectives };
  }
  return null;
}

/**
 * What a council meeting needs about one development ("2") or management
 * ("2.1") objective: its roll-up, status counts and every live initiative in
 * document order, grouped by management objective. Null for an unknown code.
 * No authorization: callers check it.
 */
export async function computeObjectiveReport(db: Db, code: string) {
  const scope = await findScope(db, code);
  if (!scope) return null;
  const [settings, rows] = await Promise.all([
    readPortalSettings(db),
    db.initiative.findMany({
      where: { archivedAt: null, managementObjectiveId: { in: scope.management.map((m) => m.id) } },
      orderBy: { position: "asc" },
      select: initiativeSelect,
    }),
  ]);
  const initiatives = rows.map((i) => {
    const latest = i.progressUpdates[0];
    return {
      id: i.id,
      name: i.name,
      managementObjectiveId: i.managementObjectiveId,
      status: i.status,
      progress: i.progress,
      lastUpdateOn: i.lastUpdateOn ? dateToDay(i.lastUpdateOn) : null,
      lead: i.leadSecretariat?.name ?? null,
      supporting: i.supportingSecretariats.map((s) => s.secretariat.name),
      mechanisms: [...new Set(i.articulationObjectives.flatMap((o) => o.mechanisms.map((m) => m.mechanism.name)))],
      latestUpdate: latest ? { occurredOn: dateToDay(latest.occurredOn), note: latest.note, authorName: latest.authorName } : null,
      instruments: i.articulationObjectives.flatMap((o) =>
        o.instruments.map((instrument) => ({
          id: instrument.id,
          title: instrument.title,
          type: instrument.mechanism.name,
          counterpart: instrument.counterpart,
          signedOn: dateToDay(instrument.signedOn),
          endsOn: instrument.endsOn ? dateToDay(instrument.endsOn) : null,
          reference: instrument.reference,
        })),
      ),
    };
  });

  const codeById = new Map(scope.management.map((m) => [m.id, m.code]));
  const plan = rollUpPlan(
    initiatives.map((i) => ({
      managementObjectiveCode: codeById.get(i.managementObjectiveId)!,
      developmentObjectiveCode: code,
      progress: i.progress,
    })),
    settings,
  );
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, initiatives.filter((i) => i.status === s).length])) as Record<Status, number>;
  return {
    kind: scope.kind,
    code: scope.code,
    title: scope.title,
    parent: scope.parent,
    total: initiatives.length,
    minCoverage: settings.minCoverage,
    rollup: plan.overall,
    byStatus,
    groups: scope.management.map((m) => ({
      code: m.code,
      title: m.title,
      rollup: plan.management[m.code] ?? rollUp([], settings),
      initiatives: initiatives.filter((i) => i.managementObjectiveId === m.id),
    })),
  };
}

export type ObjectiveReport = NonNullable<Awaited<ReturnType<typeof computeObjectiveReport>>>;
