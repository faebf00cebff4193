import "server-only";
import { REPORT_STATES } from "@/lib/accountability/report-status";
import { t } from "@/lib/i18n";
import { INDICATOR_STATUSES } from "@/lib/indicators/indicator-math";
import type { FacetCounts } from "@/lib/initiatives/search-initiatives";
import type { FilterOptions } from "@/lib/initiatives/unmatched-filters";
import { mechanismHints } from "@/lib/mechanisms/mechanism-hints";
import { NO_OWNER, shortSecretariatName } from "@/lib/tracking/secretariats";
import { STATUS_SLUGS, STATUSES } from "@/lib/tracking/statuses";
import type { FacetGroupView, FacetOptionView, ReportGroupView } from "./initiative-filters";

/** An option as the panel shows it; `extra` only when there is one, so the payload carries no empty object. */
function option(value: string, label: string, count: number | undefined, extra?: FacetOptionView[3]): FacetOptionView {
  return extra ? [value, label, count ?? 0, extra] : [value, label, count ?? 0];
}

/**
 * The filter panel's option lists, written out on the server: labels, counts and
 * hints travel to the panel's client component once, and the catalogues they come
 * from (indicators, accountability, planner) stay out of the browser (ADR 0016).
 */
export function filterGroups(facets: FacetCounts, options: FilterOptions): { groups: FacetGroupView[]; report?: ReportGroupView } {
  const hints = mechanismHints(options.mechanisms.map((m) => m.name));
  const groups: FacetGroupView[] = [
    {
      name: "desarrollo",
      legend: t.initiatives.developmentObjectives,
      options: options.developmentObjectives.map((o) => option(o.code, `${o.code}. ${o.title}`, facets.developmentObjectives[o.code])),
    },
    {
      name: "objetivo",
      legend: t.initiatives.managementObjectives,
      options: options.managementObjectives.map((o) => option(o.code, `${o.code} ${o.title}`, facets.managementObjectives[o.code])),
    },
    {
      name: "mecanismo",
      legend: t.initiatives.mechanisms,
      options: options.mechanisms.map((m) =>
        option(m.slug, m.name, facets.mechanisms[m.slug], hints[m.name] ? { hint: hints[m.name] } : undefined),
      ),
    },
    {
      name: "estado",
      legend: t.tracking.statusFilter,
      options: STATUSES.map((status) => option(STATUS_SLUGS[status], t.tracking.statuses[status], facets.statuses[STATUS_SLUGS[status]])),
    },
    {
      name: "responsable",
      legend: t.tracking.ownerFilter,
      options: [
        option(NO_OWNER, t.tracking.noOwnerOption, facets.secretariats[NO_OWNER]),
        ...options.secretariats.map((s) => {
          const short = shortSecretariatName(s.name);
          return option(s.slug, short, facets.secretariats[s.slug], short !== s.name ? { title: s.name } : undefined);
        }),
      ],
    },
    {
      name: "indicador",
      legend: t.initiatives.indicatorFilter,
      description: t.initiatives.indicatorFilterHint,
      options: INDICATOR_STATUSES.map((status) => option(status, t.indicators.statuses[status], facets.indicatorStatuses[status])),
    },
    {
      name: "hitos",
      legend: t.initiatives.milestonesFilter,
      options: [option("atrasados", t.initiatives.lateMilestones, facets.lateMilestones)],
    },
  ];
  if (!facets.reportPeriod) return { groups };
  return {
    groups,
    report: {
      legend: t.initiatives.reportFilter(facets.reportPeriod.name),
      any: t.accountability.anyReport,
      options: REPORT_STATES.map((state) => ({
        value: state,
        label: t.accountability.states[state],
        count: facets.reportStates[state] ?? 0,
      })),
    },
  };
}
