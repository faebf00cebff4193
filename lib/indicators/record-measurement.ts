import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db, Prisma } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { dateToDay, dayToDate } from "@/lib/tracking/days";
import { TrackingConflictError } from "@/lib/tracking/tracking-conflict";
import { achievementAt, type IndicatorDefinition, needsExplanation, statusOfAchievement, type Thresholds } from "./indicator-math";
import type { DeleteMeasurementInput, MeasurementInput, UpdateMeasurementInput } from "./indicator-schemas";
import { readIndicatorThresholds } from "./indicator-settings";
import { definitionOf, syncDerivedProgress } from "./sync-derived-progress";

/**
 * The rule only the stored indicator can decide: a measurement that leaves it at risk or off
 * track says why. A schema built for the indicator and thresholds in force, so its error lands
 * on the explanation field like any other.
 */
export function explanationRule(definition: IndicatorDefinition, thresholds: Thresholds) {
  return z
    .object({ measuredOn: z.string(), value: z.number(), explanation: z.string().optional() })
    .transform((m) => ({ ...m, status: statusOfAchievement(achievementAt(definition, m.measuredOn, m.value), thresholds) }))
    .superRefine((m, ctx) => {
      if (needsExplanation(m.status) && !m.explanation) {
        ctx.addIssue({ code: "custom", path: ["explanation"], message: t.indicators.explanationRequired(t.indicators.statuses[m.status]) });
      }
    });
}

/**
 * Records a measurement against the indicator version the writer saw, with its audit event and the
 * initiative's derived progress, in one transaction: a concurrent writer gets a conflict and nothing of
 * this one is written.
 */
export async function recordMeasurement(db: Db, input: MeasurementInput, author: Author, context?: RequestContext) {
  return db.$transaction((tx) => recordMeasurementInTx(tx, input, author, context));
}

interface Author {
  id: number;
  email: string;
  name: string;
}

/** The indicator a measurement is written against, refused when it is gone or its initiative is archived. */
async function writableIndicator(tx: Prisma.TransactionClient, indicatorId: number) {
  const indicator = await tx.indicator.findUnique({
    where: { id: indicatorId },
    include: { targets: true, initiative: { select: { archivedAt: true } } },
  });
  if (!indicator) throw new ActionError(t.indicators.missing);
  if (indicator.initiative.archivedAt) throw new ActionError(t.refusals.initiativeArchived);
  return indicator;
}

/** recordMeasurement in the caller's transaction: the measurement import writes many in one. */
export async function recordMeasurementInTx(
  tx: Prisma.TransactionClient,
  input: MeasurementInput,
  author: Author,
  context?: RequestContext,
) {
  const indicator = await writableIndicator(tx, input.indicatorId);
  const checked = explanationRule(definitionOf(indicator), await readIndicatorThresholds(tx)).safeParse(input);
  if (!checked.success) throw new ActionError(checked.error.issues[0]!.message, "explanation");
  const { count } = await tx.indicator.updateMany({
    where: { id: input.indicatorId, version: input.version },
    data: { version: { increment: 1 } },
  });
  if (count === 0) throw new TrackingConflictError(t.indicators.conflictSubject);
  const measurement = await tx.measurement.create({
    data: {
      indicatorId: input.indicatorId,
      measuredOn: dayToDate(input.measuredOn),
      value: input.value,
      note: input.note ?? null,
      explanation: input.explanation ?? null,
      evidenceUrl: input.evidenceUrl ?? null,
      authorId: author.id,
      authorName: author.name,
      authorEmail: author.email,
    },
  });
  const progress = await syncDerivedProgress(tx, indicator.initiativeId);
  await recordAuditEvent(tx, {
    action: "measurement.create",
    actor: author,
    entityType: "Indicator",
    entityId: input.indicatorId,
    context,
    data: {
      measurement: { id: measurement.id, measuredOn: input.measuredOn, value: input.value, explanation: input.explanation ?? null },
      status: checked.data.status,
      progress,
    },
  });
  return { measurement, status: checked.data.status };
}

const measurementColumns = (m: {
  measuredOn: string;
  value: number;
  note?: string | null;
  explanation?: string | null;
  evidenceUrl?: string | null;
}) => ({
  measuredOn: m.measuredOn,
  value: m.value,
  note: m.note ?? null,
  explanation: m.explanation ?? null,
  evidenceUrl: m.evidenceUrl ?? null,
});

/** The measurement to change, over the version its writer saw; the indicator's version moves with it, as when one is recorded. */
async function claimMeasurement(tx: Prisma.TransactionClient, id: number, version: number) {
  const before = await tx.measurement.findUnique({ where: { id } });
  if (!before) throw new ActionError(t.indicators.measurementMissing);
  const indicator = await writableIndicator(tx, before.indicatorId);
  const { count } = await tx.measurement.updateMany({ where: { id, version }, data: { version: { increment: 1 } } });
  if (count === 0) throw new TrackingConflictError(t.indicators.measurementConflictSubject);
  await tx.indicator.update({ where: { id: indicator.id }, data: { version: { increment: 1 } } });
  return { before: { ...before, measuredOn: dateToDay(before.measuredOn) }, indicator };
}

/** Corrects a measurement: the same explanation rule as a new one, audited with before and after. */
export async function updateMeasurementInTx(
  tx: Prisma.TransactionClient,
  input: UpdateMeasurementInput,
  actor: { id: number; email: string },
  context?: RequestContext,
) {
  const { before, indicator } = await claimMeasurement(tx, input.id, input.version);
  const checked = explanationRule(definitionOf(indicator), await readIndicatorThresholds(tx)).safeParse(input);
  if (!checked.success) throw new ActionError(checked.error.issues[0]!.message, "explanation");
  await tx.measurement.update({
    where: { id: input.id },
    data: { ...measurementColumns(input), measuredOn: dayToDate(input.measuredOn) },
  });
  const progress = await syncDerivedProgress(tx, indicator.initiativeId);
  await recordAuditEvent(tx, {
    action: "measurement.update",
    actor,
    entityType: "Indicator",
    entityId: indicator.id,
    context,
    data: {
      measurementId: input.id,
      before: measurementColumns(before),
      after: measurementColumns(input),
      status: checked.data.status,
      progress,
    },
  });
  return { status: checked.data.status };
}

export async function updateMeasurement(
  db: Db,
  input: UpdateMeasurementInput,
  actor: { id: number; email: string },
  context?: RequestContext,
) {
  return db.$transaction((tx) => updateMeasurementInTx(tx, input, actor, context));
}

/** Deletes a measurement over the version its writer saw; the audit keeps what it said. */
export async function deleteMeasurement(
  db: Db,
  input: DeleteMeasurementInput,
  actor: { id: number; email: string },
  context?: RequestContext,
) {
  return db.$transaction(async (tx) => {
    const { before, indicator } = await claimMeasurement(tx, input.id, input.version);
    await tx.measurement.delete({ where: { id: input.id } });
    const progress = await syncDerivedProgress(tx, indicator.initiativeId);
    await recordAuditEvent(tx, {
      action: "measurement.delete",
      actor,
      entityType: "Indicator",
      entityId: indicator.id,
      context,
      data: { measurementId: input.id, before: { ...measurementColumns(before), authorEmail: before.authorEmail }, progress },
    });
  });
}

/** The initiative a measurement belongs to, for the reporter's right to change it; null when it is gone. */
export async function initiativeOfMeasurement(db: Db | Prisma.TransactionClient, id: number): Promise<number | null> {
  const row = await db.measurement.findUnique({ where: { id }, select: { indicator: { select: { initiativeId: true } } } });
  return row?.indicator.initiativeId ?? null;
}
