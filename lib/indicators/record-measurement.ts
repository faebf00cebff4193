import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { dayToDate } from "@/lib/tracking/days";
import { TrackingConflictError } from "@/lib/tracking/tracking-conflict";
import { achievementAt, type IndicatorDefinition, needsExplanation, statusOfAchievement, type Thresholds } from "./indicator-math";
import type { MeasurementInput } from "./indicator-schemas";
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
export async function recordMeasurement(
  db: Db,
  input: MeasurementInput,
  author: { id: number; email: string; name: string },
  context?: RequestContext,
) {
  return db.$transaction(async (tx) => {
    const indicator = await tx.indicator.findUnique({
      where: { id: input.indicatorId },
      include: { targets: true, initiative: { select: { archivedAt: true } } },
    });
    if (!indicator) throw new ActionError(t.indicators.missing);
    if (indicator.initiative.archivedAt) throw new ActionError(t.refusals.initiativeArchived);
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
  });
}
