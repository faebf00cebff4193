import { formatDay } from "@/lib/i18n/format";
import { t } from "@/lib/i18n";
import type { InitiativeIndicators } from "@/lib/indicators/get-initiative-indicators";
import type { IndicatorStatus } from "@/lib/indicators/indicator-math";
import type { ActionState } from "@/lib/actions/form-action";
import { IndicatorChart, formatValue } from "./indicator-chart";
import { DeleteMeasurementForm, IndicatorForm, MeasurementForm, MilestoneForm } from "./indicator-forms";
import { Cell, ColumnHeader, RowHeader, Table, TableFrame, TableHead, TableRow } from "@/components/ui/table";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

const STATUS_CLASS: Record<IndicatorStatus, string> = {
  "en-camino": "bg-green-100 text-green-900",
  "en-riesgo": "bg-amber-100 text-amber-900",
  "fuera-de-ruta": "bg-red-100 text-red-900",
  "sin-datos": "bg-slate-100 text-slate-800",
};

export function IndicatorStatusBadge({ status }: { status: IndicatorStatus }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${STATUS_CLASS[status]}`} data-testid="indicator-status">
      {t.indicators.statuses[status]}
    </span>
  );
}

interface Props {
  initiativeId: number;
  data: InitiativeIndicators;
  today: string;
  /** Null when the user may not define indicators and milestones. */
  define: {
    secretariats: { id: number; name: string }[];
    create: Action;
    update: Action;
    createMilestone: Action;
    updateMilestone: Action;
  } | null;
  /** Null when the user may not record or correct measurements (or the initiative is archived). */
  measure: { record: Action; update: Action; remove: Action } | null;
}

/** The initiative's indicators (chart, figures, measurements) and milestones, with the forms the user may use. */
export function IndicatorsSection({ initiativeId, data, today, define, measure }: Props) {
  const { indicators, progress, milestones } = data;
  return (
    <>
      <section aria-labelledby="indicadores" className="space-y-4" data-testid="indicators">
        <h2 id="indicadores" className="text-lg font-semibold text-slate-900">
          {t.indicators.sectionTitle}
        </h2>
        {indicators.length === 0 ? (
          <p className="text-sm text-slate-700">{t.indicators.none}</p>
        ) : (
          <p className="text-sm text-slate-800" data-testid="derived-progress">
            {progress.percent === null
              ? t.indicators.noDerivedProgress(indicators.length)
              : t.indicators.derivedProgress(progress.percent, progress.counted, indicators.length)}{" "}
            <span className="text-slate-600">{t.indicators.sectionIntro}</span>
          </p>
        )}
        {indicators.length > 0 && (
          <ul className="no-print flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="initiative-indicator-exports">
            {(["indicadores", "mediciones"] as const).map((archivo) => (
              <li key={archivo}>
                <a
                  href={`/indicadores/exportar?archivo=${archivo}&formato=xlsx&iniciativa=${initiativeId}`}
                  className="text-brand-700 underline"
                >
                  {t.indicatorFile.exportInitiative[archivo]}
                </a>
              </li>
            ))}
          </ul>
        )}
        {indicators.map((indicator) => (
          <article
            key={indicator.id}
            aria-labelledby={`indicador-${indicator.id}`}
            className="break-inside-avoid space-y-3 rounded-lg border border-slate-200 bg-white p-4"
            data-testid="indicator"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 id={`indicador-${indicator.id}`} className="font-semibold text-slate-900">
                {indicator.name} <span className="font-normal text-slate-700">({indicator.unit})</span>
              </h3>
              <IndicatorStatusBadge status={indicator.status} />
            </div>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
              <div>
                <dt className="inline font-medium text-slate-700">{t.indicators.direction}: </dt>
                <dd className="inline">{t.indicators.directions[indicator.direction]}</dd>
              </div>
              <div>
                <dt className="inline font-medium text-slate-700">{t.indicators.dataSource}: </dt>
                <dd className="inline">{indicator.dataSource ?? "—"}</dd>
              </div>
              <div>
                <dt className="inline font-medium text-slate-700">{t.indicators.secretariat}: </dt>
                <dd className="inline">{indicator.secretariat?.name ?? t.indicators.noSecretariat}</dd>
              </div>
            </dl>
            <IndicatorChart indicator={indicator} />
            {indicator.measurements.some((m) => m.note || m.explanation || m.evidenceUrl) && (
              <ul className="space-y-1 text-sm">
                {indicator.measurements
                  .filter((m) => m.note || m.explanation || m.evidenceUrl)
                  .map((m) => (
                    <li key={m.id}>
                      <span className="font-medium">{formatDay(m.measuredOn)}</span> · {formatValue(m.value)} · {m.authorName}
                      {m.note && <> · {m.note}</>}
                      {m.explanation && (
                        <>
                          {" "}
                          · <span className="font-medium">{t.indicators.explanation}:</span> {m.explanation}
                        </>
                      )}
                      {m.evidenceUrl && (
                        <>
                          {" "}
                          ·{" "}
                          <a href={m.evidenceUrl} className="text-brand-700 underline" rel="noreferrer noopener">
                            {t.indicators.evidenceUrl}
                          </a>
                        </>
                      )}
                    </li>
                  ))}
              </ul>
            )}
            {measure && (
              <details className="no-print rounded border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t.indicators.addMeasurement}</summary>
                <div className="mt-3">
                  <MeasurementForm indicatorId={indicator.id} version={indicator.version} today={today} action={measure.record} />
                </div>
              </details>
            )}
            {measure && indicator.measurements.length > 0 && (
              <details className="no-print rounded border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t.indicators.correctMeasurements}</summary>
                <ul className="mt-3 space-y-3">
                  {indicator.measurements.map((m) => (
                    <li key={m.id} className="space-y-2 rounded border border-slate-200 p-3" data-testid="measurement-item">
                      <p className="text-sm">
                        <span className="font-medium">{formatDay(m.measuredOn)}</span> · {formatValue(m.value)} · {m.authorName}
                      </p>
                      <details>
                        <summary className="cursor-pointer text-sm font-medium text-brand-700">
                          {t.indicators.editMeasurementLegend(formatDay(m.measuredOn))}
                        </summary>
                        <div className="mt-2">
                          <MeasurementForm
                            indicatorId={indicator.id}
                            version={indicator.version}
                            today={today}
                            action={measure.update}
                            measurement={m}
                          />
                        </div>
                      </details>
                      <DeleteMeasurementForm
                        measurement={m}
                        label={t.indicators.deleteMeasurementLabel(formatDay(m.measuredOn))}
                        action={measure.remove}
                      />
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {define && (
              <details className="no-print rounded border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t.indicators.edit}</summary>
                <div className="mt-3">
                  <IndicatorForm
                    initiativeId={initiativeId}
                    indicator={{ ...indicator, secretariatId: indicator.secretariat?.id ?? null }}
                    secretariats={define.secretariats}
                    action={define.update}
                  />
                </div>
              </details>
            )}
          </article>
        ))}
        {define && (
          <details className="no-print rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-medium text-brand-700">{t.indicators.add}</summary>
            <div className="mt-3">
              <IndicatorForm initiativeId={initiativeId} secretariats={define.secretariats} action={define.create} />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="hitos" className="space-y-3" data-testid="milestones">
        <h2 id="hitos" className="text-lg font-semibold text-slate-900">
          {t.indicators.milestones}
        </h2>
        {milestones.length === 0 ? (
          <p className="text-sm text-slate-700">{t.indicators.noMilestones}</p>
        ) : (
          <TableFrame frame="bare">
            <Table caption={t.indicators.milestones} className="min-w-full text-left text-sm">
              <TableHead className="border-b border-slate-300">
                {[t.indicators.milestoneTitle, t.indicators.plannedOn, t.indicators.achievedOn, t.indicators.state].map((label) => (
                  <ColumnHeader key={label} className="py-1 pr-3">
                    {label}
                  </ColumnHeader>
                ))}
              </TableHead>
              <tbody>
                {milestones.map((m) => (
                  <TableRow key={m.id} className="border-b border-slate-100" data-testid="milestone">
                    <RowHeader className="py-1 pr-3 font-normal">{m.title}</RowHeader>
                    <Cell className="py-1 pr-3">{formatDay(m.plannedOn)}</Cell>
                    <Cell className="py-1 pr-3">{m.achievedOn ? formatDay(m.achievedOn) : "—"}</Cell>
                    <Cell className="py-1">
                      {t.indicators.states[m.state]}
                      {m.late && <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-red-900">{t.indicators.late}</span>}
                    </Cell>
                  </TableRow>
                ))}
              </tbody>
            </Table>
          </TableFrame>
        )}
        {define && (
          <div className="no-print space-y-2">
            {milestones.map((m) => (
              <details key={m.id} className="rounded border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">
                  {t.indicators.editMilestone}: {m.title}
                </summary>
                <div className="mt-3">
                  <MilestoneForm initiativeId={initiativeId} milestone={m} action={define.updateMilestone} />
                </div>
              </details>
            ))}
            <details className="rounded border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">{t.indicators.addMilestone}</summary>
              <div className="mt-3">
                <MilestoneForm initiativeId={initiativeId} action={define.createMilestone} />
              </div>
            </details>
          </div>
        )}
      </section>
    </>
  );
}
