import type { Db } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import { STATUS_BY_SLUG } from "@/lib/tracking/statuses";
import type { InitiativeQuery } from "./initiative-query";
import type { IndicatorStatus } from "@/lib/indicators/indicator-math";

/** The filters of a table query in words, one line each («Objetivo de gestión: 2.3»); empty when none applies. */
export async function describeFilters(db: Db, query: InitiativeQuery): Promise<string[]> {
  const [mechanisms, secretariats] = await Promise.all([
    query.mecanismo.length > 0
      ? db.mechanism.findMany({ where: { slug: { in: query.mecanismo } }, select: { slug: true, name: true } })
      : [],
    query.responsable.length > 0
      ? db.secretariat.findMany({ where: { slug: { in: query.responsable } }, select: { slug: true, name: true } })
      : [],
  ]);
  const mechanismName = new Map(mechanisms.map((m) => [m.slug, m.name]));
  const secretariatName = new Map(secretariats.map((s) => [s.slug, s.name]));
  const f = t.planner.filters;
  return [
    query.q.trim() ? f.search(query.q.trim()) : null,
    query.desarrollo.length > 0 ? f.development(query.desarrollo.join(", ")) : null,
    query.objetivo.length > 0 ? f.management(query.objetivo.join(", ")) : null,
    query.mecanismo.length > 0
      ? f.mechanisms(query.modo === "todos", query.mecanismo.map((slug) => mechanismName.get(slug) ?? slug).join(", "))
      : null,
    query.estado.length > 0
      ? f.status(query.estado.map((slug) => (STATUS_BY_SLUG[slug] ? t.tracking.statuses[STATUS_BY_SLUG[slug]] : slug)).join(", "))
      : null,
    query.responsable.length > 0
      ? f.lead(
          query.responsable.map((slug) => (slug === "ninguna" ? t.tracking.noOwnerOption : (secretariatName.get(slug) ?? slug))).join(", "),
        )
      : null,
    query.desactualizadas ? t.tracking.staleFilter : null,
    query.vencen ? t.tracking.endingFilter : null,
    query.archivadas ? t.initiatives.archivedOnly : null,
    query.reporte ? `${t.accountability.reportFilter}: ${t.accountability.states[query.reporte]}` : null,
    query.indicador.length > 0
      ? f.indicator(query.indicador.map((s) => t.indicators.statuses[s as IndicatorStatus] ?? s).join(", "))
      : null,
    query.hitos ? t.initiatives.lateMilestones : null,
  ].filter((line): line is string => line !== null);
}

/** A file name that says what the export holds: «iniciativas-2026-12-03-og-2.3-convenios.xlsx». ASCII only, for every browser. */
export function exportFileName(query: InitiativeQuery, day: string, extension: "csv" | "xlsx"): string {
  const ascii = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const parts = [
    ...query.desarrollo.map((code) => `od-${code}`),
    ...query.objetivo.map((code) => `og-${code}`),
    ...query.mecanismo,
    ...query.estado,
    ...query.responsable.map((slug) => `resp-${slug}`),
    query.q.trim() ? `busqueda-${ascii(query.q)}` : "",
    query.desactualizadas ? "desactualizadas" : "",
    query.vencen ? "vencen" : "",
    query.archivadas ? "archivadas" : "",
    query.reporte ? `reporte-${query.reporte}` : "",
    ...query.indicador.map((status) => `indicador-${status}`),
    query.hitos ? "hitos-atrasados" : "",
  ].filter(Boolean);
  const suffix = parts.join("-").slice(0, 80).replace(/-+$/, "");
  return `iniciativas-${day}${suffix ? `-${suffix}` : "-todas"}.${extension}`;
}
