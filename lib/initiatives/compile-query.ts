import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { searchTerms } from "@/lib/text/search-text";
import { todayInQuito } from "@/lib/tracking/days";
import { endingSoonUntil, staleCutoff } from "@/lib/tracking/freshness";
import { NO_OWNER } from "@/lib/tracking/secretariats";
import { STATUS_BY_SLUG } from "@/lib/tracking/statuses";
import type { InitiativeQuery } from "./initiative-query";
import { EXCLUDED_STATUSES } from "@/lib/accountability/report-status";
import { indicatorStatusesSql, lateMilestoneSql } from "@/lib/indicators/indicator-status-sql";

/** The chosen period, or the one pages show by default (the open one due first, else the newest). */
async function reportPeriod(db: Db, periodId: number | undefined): Promise<ReportPeriod | null> {
  const select = { id: true, name: true } as const;
  if (periodId) return db.reportingPeriod.findUnique({ where: { id: periodId }, select });
  const open = await db.reportingPeriod.findFirst({ where: { open: true }, orderBy: [{ dueOn: "asc" }, { id: "asc" }], select });
  return open ?? (await db.reportingPeriod.findFirst({ orderBy: [{ startsOn: "desc" }, { id: "desc" }], select }));
}

type ReportPeriod = { id: number; name: string };

/**
 * The one translation of the table's query (initiative-query.ts) into SQL: the
 * conditions of every filter and the sort keys of every order. The table, the
 * API, the exports and the saved views all read through it
 * (search-initiatives.ts); a new filter is one entry in FILTERS.
 */

/** The filters with a facet: for each of its options the table shows how many rows the other filters keep. */
export type Facet = "desarrollo" | "objetivo" | "mecanismo" | "estado" | "responsable" | "reporte" | "indicador" | "hitos";

interface Context {
  ids: number[];
  terms: string[];
  today: string;
  /** The report period `reporte` speaks of (report-status.ts), when there is one. */
  periodId: number | null;
}

interface FilterEntry {
  /** The facet whose counts leave this filter out; null when every facet counts under it (text, dates, mechanisms in «todos» mode). */
  facet: (query: InitiativeQuery) => Facet | null;
  /**
   * Ids the condition needs, looked up before the statement. As values, PostgreSQL's statistics tell how many
   * initiatives each id keeps; behind a sub-select it guesses, and a guess of a few dozen rows can pick a plan
   * that reads 50,000 of them one by one.
   */
  lookup?: (db: Db, query: InitiativeQuery) => Promise<number[]>;
  /** The condition over i ("Initiative"), or null when the query does not use this filter. */
  condition: (query: InitiativeQuery, context: Context) => Prisma.Sql | null;
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/** A LIKE pattern that finds the term anywhere: inside words too («nutricion» in «desnutricion»). */
const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const FILTERS: FilterEntry[] = [
  {
    // Archived initiatives leave every default view; "archivadas=si" shows only them.
    facet: () => null,
    condition: (query) => (query.archivadas === "si" ? Prisma.sql`i."archivedAt" IS NOT NULL` : Prisma.sql`i."archivedAt" IS NULL`),
  },
  {
    facet: () => null,
    condition: (_query, { terms }) =>
      terms.length > 0
        ? Prisma.join(
            terms.map((term) => Prisma.sql`i."searchText" LIKE ${like(term)}`),
            " AND ",
          )
        : null,
  },
  {
    facet: () => "desarrollo",
    lookup: (db, query) =>
      db.managementObjective
        .findMany({ where: { developmentObjective: { code: { in: query.desarrollo } } }, select: { id: true } })
        .then(ids),
    condition: (query, { ids }) => (query.desarrollo.length > 0 ? Prisma.sql`i."managementObjectiveId" = ANY (${ids}::int[])` : null),
  },
  {
    facet: () => "objetivo",
    lookup: (db, query) => db.managementObjective.findMany({ where: { code: { in: query.objetivo } }, select: { id: true } }).then(ids),
    condition: (query, { ids }) => (query.objetivo.length > 0 ? Prisma.sql`i."managementObjectiveId" = ANY (${ids}::int[])` : null),
  },
  {
    // With «todos», a mechanism's count keeps the other selected mechanisms, as choosing it would.
    facet: (query) => (query.modo === "todos" ? null : "mecanismo"),
    // The sets (a few hundred) that hold the chosen mechanisms; each row then tests its set's key (docs/adr/0010, sixth step).
    lookup: (db, query) => {
      const chosen = Prisma.sql`ARRAY(SELECT me.id FROM "Mechanism" me WHERE me.slug = ANY (${query.mecanismo}::text[]))`;
      const holds =
        query.modo === "todos"
          ? // With «todos», a slug that does not exist must match nothing, not be ignored.
            Prisma.sql`ms."mechanismIds" @> ${chosen} AND cardinality(${chosen}) = ${new Set(query.mecanismo).size}`
          : Prisma.sql`ms."mechanismIds" && ${chosen}`;
      return db.$queryRaw<{ id: number }[]>`SELECT ms.id FROM "MechanismSet" ms WHERE ${holds}`.then(ids);
    },
    condition: (query, { ids }) => (query.mecanismo.length > 0 ? Prisma.sql`i."mechanismSetId" = ANY (${ids}::int[])` : null),
  },
  {
    facet: () => "estado",
    condition: (query) =>
      query.estado.length > 0 ? Prisma.sql`i.status::text IN (${Prisma.join(query.estado.map((slug) => STATUS_BY_SLUG[slug]!))})` : null,
  },
  {
    facet: () => "responsable",
    lookup: (db, query) => {
      const lead = query.responsable.filter((slug) => slug !== NO_OWNER);
      return lead.length > 0
        ? db.secretariat.findMany({ where: { slug: { in: lead } }, select: { id: true } }).then(ids)
        : Promise.resolve([]);
    },
    condition: (query, { ids }) => {
      if (query.responsable.length === 0) return null;
      const either: Prisma.Sql[] = [];
      if (query.responsable.some((slug) => slug !== NO_OWNER)) either.push(Prisma.sql`i."leadSecretariatId" = ANY (${ids}::int[])`);
      if (query.responsable.includes(NO_OWNER)) either.push(Prisma.sql`i."leadSecretariatId" IS NULL`);
      return Prisma.sql`(${Prisma.join(either, " OR ")})`;
    },
  },
  {
    facet: () => null,
    condition: (query, { today }) =>
      query.desactualizadas === "si" ? Prisma.sql`(i."lastUpdateOn" IS NULL OR i."lastUpdateOn" < ${staleCutoff(today)}::date)` : null,
  },
  {
    facet: () => "reporte",
    condition: (query, { periodId, today }) => {
      if (!query.reporte) return null;
      if (periodId === null) return Prisma.sql`FALSE`;
      // The report's status is read once, and the state follows from it as in report-status.ts.
      return Prisma.sql`(SELECT ${reportStateSql(periodId, Prisma.sql`z.rs`, today)} FROM (SELECT (SELECT r.status::text FROM "PeriodReport" r
        WHERE r."initiativeId" = i.id AND r."periodId" = ${periodId}) AS rs) z) = ${query.reporte}`;
    },
  },
  {
    // An initiative is «en riesgo» when one of its indicators is: the badge its page shows on that indicator.
    facet: () => "indicador",
    condition: (query) =>
      query.indicador.length > 0
        ? Prisma.sql`i.id IN (SELECT s."initiativeId" FROM ${indicatorStatusesSql} s WHERE s.status IN (${Prisma.join(query.indicador)}))`
        : null,
  },
  {
    facet: () => "hitos",
    condition: (query, { today }) => (query.hitos === "atrasados" ? lateMilestonesOf(Prisma.sql`i.id`, today) : null),
  },
  {
    facet: () => null,
    condition: (query, { today }) =>
      query.vencen === "si"
        ? Prisma.sql`EXISTS (SELECT 1 FROM "Instrument" ins JOIN "ArticulationObjective" ao ON ao.id = ins."articulationObjectiveId"
            WHERE ao."initiativeId" = i.id AND ins."endsOn" BETWEEN ${today}::date AND ${endingSoonUntil(today)}::date)`
        : null,
  },
];

/**
 * report-status.ts's `reportState` over i for one period, given the status of the initiative's report
 * for it (text, NULL without one): a report sent stays what it is; without one, an initiative that
 * owes none is excluded; then the due date decides between overdue and pending (or returned).
 */
export function reportStateSql(periodId: number, reportStatus: Prisma.Sql, today: string): Prisma.Sql {
  const excluded = Prisma.sql`(i."archivedAt" IS NOT NULL OR i.status::text IN (${Prisma.join([...EXCLUDED_STATUSES])}))`;
  const overdue = Prisma.sql`${today}::date > (SELECT p."dueOn" FROM "ReportingPeriod" p WHERE p.id = ${periodId})`;
  return Prisma.sql`(CASE
    WHEN ${reportStatus} = 'APPROVED' THEN 'aprobado'
    WHEN ${reportStatus} = 'SUBMITTED' THEN 'enviado'
    WHEN ${reportStatus} IS NULL AND ${excluded} THEN 'excluido'
    WHEN ${overdue} THEN 'atrasado'
    WHEN ${reportStatus} = 'RETURNED' THEN 'devuelto'
    ELSE 'pendiente' END)`;
}

/** Whether the initiative `id` has a late milestone (ADR 0120), as the dashboard lists them. */
export const lateMilestonesOf = (id: Prisma.Sql, today: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Milestone" ms WHERE ms."initiativeId" = ${id} AND ${lateMilestoneSql(today)})`;

/** A sort key: the expression over i (and, for some orders, mo, d and s) and its direction. */
export type SortKey = [Prisma.Sql, Prisma.Sql];

/** The folded name: the search text's first line. */
const FOLDED_NAME = Prisma.sql`split_part(i."searchText", E'\\n', 1)`;
/** In byte order: the same order for every locale and every server. */
const NAME_SORT_KEY = Prisma.sql`${FOLDED_NAME} COLLATE "C"`;

function sortKeys(query: InitiativeQuery, terms: string[]): SortKey[] {
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // Two initiatives can share a position (one left out of a re-import keeps its old one): the id settles it.
  const inDocument = (direction = Prisma.sql`ASC`): SortKey[] => [
    [Prisma.sql`i.position`, direction],
    [Prisma.sql`i.id`, direction],
  ];
  switch (query.orden) {
    case "nombre":
      return [[NAME_SORT_KEY, dir], ...inDocument()];
    case "objetivo":
      return [[Prisma.sql`d.position`, dir], [Prisma.sql`mo.position`, dir], ...inDocument()];
    case "objetivos":
      return [[Prisma.sql`(SELECT count(*) FROM "ArticulationObjective" a WHERE a."initiativeId" = i.id)`, dir], ...inDocument()];
    case "estado":
      return [[Prisma.sql`i.status`, dir], ...inDocument()];
    // Initiatives without a figure, an owner or an update go last either way: they are what is missing.
    case "avance":
      return [[Prisma.sql`i.progress`, Prisma.sql`${dir} NULLS LAST`], ...inDocument()];
    case "responsable":
      return [[Prisma.sql`s.name`, Prisma.sql`${dir} NULLS LAST`], ...inDocument()];
    case "actualizacion":
      return [[Prisma.sql`i."lastUpdateOn"`, Prisma.sql`${dir} NULLS LAST`], ...inDocument()];
    case "relevancia": {
      if (terms.length === 0) return inDocument(dir);
      // Terms in the name first, then the earlier the first term appears in the text. The name is the text's first
      // line, short: looking in it alone costs little, where a position in the whole text counts every character
      // before it (measured in ADR 0010).
      const inName = Prisma.join(
        terms.map((t) => Prisma.sql`(strpos(${FOLDED_NAME}, ${t}) > 0)::int`),
        " + ",
      );
      const first = Prisma.sql`strpos(i."searchText", ${terms[0]!})`;
      return query.dir === "desc"
        ? [[Prisma.sql`(${inName})`, Prisma.sql`ASC`], [first, Prisma.sql`DESC`], ...inDocument()]
        : [[Prisma.sql`(${inName})`, Prisma.sql`DESC`], [first, Prisma.sql`ASC`], ...inDocument()];
    }
    default:
      return inDocument(dir);
  }
}

/** The query in SQL: `where` holds every condition but those of active facets, which are in `facets` (each with its own condition). */
export interface CompiledQuery {
  terms: string[];
  /** Archived or not: the rows the table's «N de M» total counts. */
  scope: Prisma.Sql;
  /** The conditions every counted row meets: archived or not, text, dates (TRUE when none). */
  where: Prisma.Sql;
  /** The active facet filters: a row is a match when it meets all of them; a facet counts the rows that meet all the others. */
  facets: { facet: Facet; condition: Prisma.Sql }[];
  /** Whether any filter but the archived one narrows the rows: without one the match count is the total. */
  filtered: boolean;
  /** What the sort keys read: the initiatives, joined to their objectives and lead secretariat when the order needs them. */
  from: Prisma.Sql;
  keys: SortKey[];
  /** With facets or a report filter: the period the report state is read for (null when there is none). */
  period: ReportPeriod | null;
  today: string;
}

const JOINED = Prisma.sql`"Initiative" i
  JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId"
  JOIN "DevelopmentObjective" d ON d.id = mo."developmentObjectiveId"
  LEFT JOIN "Secretariat" s ON s.id = i."leadSecretariatId"`;

export async function compileQuery(db: Db, query: InitiativeQuery, options: { facets?: boolean } = {}): Promise<CompiledQuery> {
  const terms = searchTerms(query.q);
  const today = todayInQuito();
  const probe: Context = { ids: [], terms, today, periodId: null };
  const [period, looked] = await Promise.all([
    query.reporte || options.facets ? reportPeriod(db, query.periodo) : null,
    Promise.all(FILTERS.map((f) => (f.lookup && f.condition(query, probe) ? f.lookup(db, query) : []))),
  ]);
  const periodId = period?.id ?? null;
  const where: Prisma.Sql[] = [];
  const facets: CompiledQuery["facets"] = [];
  FILTERS.forEach((filter, n) => {
    const condition = filter.condition(query, { ids: looked[n]!, terms, today, periodId });
    if (!condition) return;
    const facet = filter.facet(query);
    if (facet) facets.push({ facet, condition });
    else where.push(condition);
  });
  return {
    terms,
    scope: FILTERS[0]!.condition(query, probe)!,
    where: Prisma.join(where, " AND "),
    facets,
    filtered: where.length > 1 || facets.length > 0,
    from: query.orden === "objetivo" || query.orden === "responsable" ? JOINED : Prisma.sql`"Initiative" i`,
    keys: sortKeys(query, terms),
    period,
    today,
  };
}

/** Every condition of the query, for reading the matches alone (a page without facets, an export). */
export function allConditions(compiled: CompiledQuery): Prisma.Sql {
  return Prisma.join([compiled.where, ...compiled.facets.map((f) => f.condition)], " AND ");
}

export const orderBy = (keys: SortKey[]) => Prisma.join(keys.map(([key, dir]) => Prisma.sql`${key} ${dir}`));
