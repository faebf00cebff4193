import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { TrackingConflictError } from "@/lib/tracking/tracking-conflict";
import type { CreateIndicatorInput, IndicatorInput, UpdateIndicatorInput } from "./indicator-schemas";
import { syncDerivedProgress } from "./sync-derived-progress";

interface Actor {
  id: number;
  email: string;
}

type Columns = Pick<IndicatorInput, "name" | "unit" | "direction"> & {
  [K in "baselineYear" | "baselineValue" | "dataSource" | "secretariatId"]?: IndicatorInput[K] | null;
};

const columns = (input: Columns) => ({
  name: input.name,
  unit: input.unit,
  direction: input.direction,
  baselineYear: input.baselineYear ?? null,
  baselineValue: input.baselineValue ?? null,
  dataSource: input.dataSource ?? null,
  secretariatId: input.secretariatId ?? null,
});

async function assertSecretariat(tx: Prisma.TransactionClient, secretariatId: number | undefined) {
  if (secretariatId !== undefined && !(await tx.secretariat.findUnique({ where: { id: secretariatId }, select: { id: true } }))) {
    throw new ActionError(t.indicators.secretariatMissing, "secretariatId");
  }
}

/** Defines an indicator with its targets on an initiative, which from then on takes its progress from its indicators. */
export async function createIndicator(db: Db, input: CreateIndicatorInput, actor: Actor, context?: RequestContext) {
  return db.$transaction((tx) => createIndicatorInTx(tx, input, actor, context));
}

/** createIndicator in the caller's transaction: the indicator import writes many in one. */
export async function createIndicatorInTx(
  tx: Prisma.TransactionClient,
  input: CreateIndicatorInput,
  actor: Actor,
  context?: RequestContext,
) {
  const initiative = await tx.initiative.findUnique({ where: { id: input.initiativeId }, select: { archivedAt: true } });
  if (!initiative) throw new ActionError(t.refusals.initiativeMissing);
  if (initiative.archivedAt) throw new ActionError(t.refusals.initiativeArchived);
  await assertSecretariat(tx, input.secretariatId);
  const position = await tx.indicator.count({ where: { initiativeId: input.initiativeId } });
  const indicator = await tx.indicator.create({
    data: { initiativeId: input.initiativeId, position, ...columns(input), targets: { createMany: { data: input.targets } } },
  });
  const progress = await syncDerivedProgress(tx, input.initiativeId);
  await recordAuditEvent(tx, {
    action: "indicator.create",
    actor,
    entityType: "Indicator",
    entityId: indicator.id,
    context,
    data: { initiativeId: input.initiativeId, after: { ...columns(input), targets: input.targets }, progress },
  });
  return indicator;
}

/** Replaces an indicator's definition and targets over the version the planner edited. */
export async function updateIndicator(db: Db, input: UpdateIndicatorInput, actor: Actor, context?: RequestContext) {
  return db.$transaction((tx) => updateIndicatorInTx(tx, input, actor, context));
}

/** updateIndicator in the caller's transaction. */
export async function updateIndicatorInTx(
  tx: Prisma.TransactionClient,
  input: UpdateIndicatorInput,
  actor: Actor,
  context?: RequestContext,
) {
  const before = await tx.indicator.findUnique({ where: { id: input.id }, include: { targets: { orderBy: { year: "asc" } } } });
  if (!before) throw new ActionError(t.indicators.missing);
  await assertSecretariat(tx, input.secretariatId);
  const { count } = await tx.indicator.updateMany({
    where: { id: input.id, version: input.version },
    data: { ...columns(input), version: { increment: 1 } },
  });
  if (count === 0) throw new TrackingConflictError(t.indicators.conflictSubject);
  await tx.indicatorTarget.deleteMany({ where: { indicatorId: input.id } });
  await tx.indicatorTarget.createMany({ data: input.targets.map((target) => ({ indicatorId: input.id, ...target })) });
  const progress = await syncDerivedProgress(tx, before.initiativeId);
  await recordAuditEvent(tx, {
    action: "indicator.update",
    actor,
    entityType: "Indicator",
    entityId: input.id,
    context,
    data: {
      before: { ...columns(before), targets: before.targets.map(({ year, value }) => ({ year, value })) },
      after: { ...columns(input), targets: input.targets },
      progress,
    },
  });
}
