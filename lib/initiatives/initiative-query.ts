import { z } from "zod";
import { MECHANISM_SLUG } from "@/lib/matrix/mechanism-names";
import { STATUS_SLUGS, STATUSES } from "@/lib/tracking/statuses";
import { PAGE_SIZES, SORTS, type InitiativeSort } from "./table-options";
import { t } from "@/lib/i18n";
import { REPORT_STATES } from "@/lib/accountability/report-status";
import { INDICATOR_STATUSES } from "@/lib/indicators/indicator-math";

const STATUS_SLUG_VALUES = STATUSES.map((s) => STATUS_SLUGS[s]) as [string, ...string[]];

const list = (item: z.ZodType<string, string>, max: number, label: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max, t.validation.query.tooMany(label, max)))
    .transform((values) => [...new Set(values)]);

/**
 * The filter, sort and page state of the initiatives table, as URL parameters
 * (Spanish, like the URLs). One schema for the page, the exports and the API.
 */
export const initiativeQuerySchema = z.object({
  q: z.string().max(200, t.validation.query.q).default(""),
  desarrollo: list(z.string().regex(/^\d{1,2}$/, t.validation.query.development), 20, "desarrollo").default([]),
  objetivo: list(z.string().regex(/^\d{1,2}\.\d{1,2}$/, t.validation.query.objective), 50, "objetivo").default([]),
  mecanismo: list(z.string().regex(MECHANISM_SLUG, t.validation.query.mechanism), 50, "mecanismo").default([]),
  estado: list(z.enum(STATUS_SLUG_VALUES, { error: t.validation.query.status(STATUS_SLUG_VALUES.join(", ")) }), 5, "estado").default([]),
  responsable: list(z.string().regex(/^[a-z0-9-]{1,120}$/, t.validation.query.lead), 30, "responsable").default([]),
  desactualizadas: z.enum(["si"], { error: t.validation.query.stale }).optional(),
  vencen: z.enum(["si"], { error: t.validation.query.expiring }).optional(),
  archivadas: z.enum(["si"], { error: t.validation.query.archived }).optional(),
  periodo: z.coerce
    .number({ error: t.accountability.queryPeriod })
    .int(t.accountability.queryPeriod)
    .positive(t.accountability.queryPeriod)
    .optional(),
  reporte: z.enum(REPORT_STATES, { error: t.accountability.queryReport(REPORT_STATES.join(", ")) }).optional(),
  indicador: list(
    z.enum(INDICATOR_STATUSES, { error: t.validation.query.indicator(INDICATOR_STATUSES.join(", ")) }),
    INDICATOR_STATUSES.length,
    "indicador",
  ).default([]),
  hitos: z.enum(["atrasados"], { error: t.validation.query.milestones }).optional(),
  modo: z.enum(["alguno", "todos"], { error: t.validation.query.mode }).default("alguno"),
  orden: z.enum(SORTS, { error: t.validation.query.sort(SORTS.join(", ")) }).optional(),
  dir: z.enum(["asc", "desc"], { error: t.validation.query.dir }).default("asc"),
  pagina: z.coerce
    .number({ error: t.validation.query.pageNumber })
    .int(t.validation.query.pageInteger)
    .min(1, t.validation.query.pageMin)
    .max(100_000, t.validation.query.pageMax)
    .default(1),
  por: z.coerce
    .number({ error: t.validation.query.pageSize })
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n), t.validation.query.pageSize)
    .default(25),
});

export type InitiativeQuery = Omit<z.output<typeof initiativeQuerySchema>, "orden"> & { orden: InitiativeSort };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function toRecord(params: Params): Record<string, string | string[]> {
  if (params instanceof URLSearchParams) {
    const record: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      record[key] = all.length === 1 ? all[0]! : all;
    }
    return record;
  }
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string | string[]] => e[1] !== undefined));
}

function withDefaultSort(query: z.output<typeof initiativeQuerySchema>): InitiativeQuery {
  return { ...query, orden: query.orden ?? (query.q.trim() ? "relevancia" : "documento") };
}

/**
 * For the API and exports: every invalid parameter is an error naming it, and so
 * is an unknown one, so a misspelt filter («estados») is not silently ignored
 * and answered with everything.
 */
export function parseInitiativeQueryStrict(params: Params, options: { unknown?: "refuse" | "ignore" } = {}) {
  const record = toRecord(params);
  const names = Object.keys(initiativeQuerySchema.shape);
  const unknown = options.unknown === "ignore" ? [] : Object.keys(record).filter((key) => !names.includes(key));
  const result = initiativeQuerySchema.safeParse(record);
  if (!result.success || unknown.length > 0) {
    return {
      success: false as const,
      errors: [
        ...unknown.map((key) => ({ parameter: key, message: t.validation.query.unknown(names.join(", ")) })),
        ...(result.error?.issues ?? []).map((issue) => ({ parameter: String(issue.path[0] ?? ""), message: issue.message })),
      ],
    };
  }
  return { success: true as const, query: withDefaultSort(result.data) };
}

/**
 * For pages: an invalid parameter falls back to its default and is reported, never a crash. An empty
 * one is absent: the filter form sent without JavaScript names «Cualquier estado» so.
 */
export function parseInitiativeQuery(params: Params): { query: InitiativeQuery; ignored: string[] } {
  const record = toRecord(params);
  const ignored: string[] = [];
  const shape = initiativeQuerySchema.shape;
  const clean: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (record[key] === undefined || record[key] === "") continue;
    if (shape[key].safeParse(record[key]).success) clean[key] = record[key];
    else ignored.push(key);
  }
  return { query: withDefaultSort(initiativeQuerySchema.parse(clean)), ignored };
}

/** The URL parameters of a query, defaults left out, in a stable order. */
export function initiativeQueryToParams(query: Partial<InitiativeQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set("q", query.q.trim());
  for (const code of query.desarrollo ?? []) params.append("desarrollo", code);
  for (const code of query.objetivo ?? []) params.append("objetivo", code);
  for (const slug of query.mecanismo ?? []) params.append("mecanismo", slug);
  for (const slug of query.estado ?? []) params.append("estado", slug);
  for (const slug of query.responsable ?? []) params.append("responsable", slug);
  if (query.desactualizadas === "si") params.set("desactualizadas", "si");
  if (query.vencen === "si") params.set("vencen", "si");
  if (query.modo === "todos") params.set("modo", "todos");
  if (query.archivadas === "si") params.set("archivadas", "si");
  if (query.periodo) params.set("periodo", String(query.periodo));
  if (query.reporte) params.set("reporte", query.reporte);
  for (const status of query.indicador ?? []) params.append("indicador", status);
  if (query.hitos === "atrasados") params.set("hitos", "atrasados");
  const defaultSort = query.q?.trim() ? "relevancia" : "documento";
  if (query.orden && query.orden !== defaultSort) params.set("orden", query.orden);
  if (query.dir === "desc") params.set("dir", "desc");
  if (query.pagina && query.pagina > 1) params.set("pagina", String(query.pagina));
  if (query.por && query.por !== 25) params.set("por", String(query.por));
  return params;
}

/** The initiatives table's address for a filter set: every page that links to filtered rows builds it here. */
export function initiativesHref(query: Partial<InitiativeQuery> = {}): string {
  const params = initiativeQueryToParams(query).toString();
  return params ? `/iniciativas?${params}` : "/iniciativas";
}

/** The filter of one objective's initiatives by its code: a management objective ("1.1") or a development one ("1"). */
export const objectiveFilter = (code: string): Partial<InitiativeQuery> =>
  code.includes(".") ? { objetivo: [code] } : { desarrollo: [code] };
