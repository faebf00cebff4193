import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { foldText } from "@/lib/text/search-text";
import { STATUS_SLUGS, type Status } from "@/lib/tracking/statuses";
import { NO_OWNER } from "@/lib/tracking/secretariats";
import { indicatorStatusesSql } from "@/lib/indicators/indicator-status-sql";
import { allConditions, compileQuery, lateMilestonesOf, orderBy, reportStateSql, type CompiledQuery, type Facet } from "./compile-query";
import { filterOptionsSql, toFilterOptions } from "./filter-options";
import type { InitiativeQuery } from "./initiative-query";
import type { FilterOptions } from "./unmatched-filters";

export interface InitiativeRow {
  id: number;
  name: string;
  position: number;
  managementObjective: { code: string; title: string };
  developmentObjectiveCode: string;
  mechanisms: { name: string; slug: string }[];
  objectiveCount: number;
  /** When searching: the first articulation objective that matches, to show why the row is there. */
  matchingObjective: string | null;
  status: Status;
  progress: number | null;
  leadSecretariat: { name: string; slug: string } | null;
  /** "YYYY-MM-DD" of the newest progress update, or null if none. */
  lastUpdateOn: string | null;
}

export interface InitiativePage {
  data: InitiativeRow[];
  count: number;
  total: number;
  currentPage: number;
  perPage: number;
  totalPages: number;
  terms: string[];
}

export interface FacetCounts {
  developmentObjectives: Record<string, number>;
  managementObjectives: Record<string, number>;
  mechanisms: Record<string, number>;
  /** By status slug. */
  statuses: Record<string, number>;
  /** By lead secretariat slug, and "ninguna" for none. */
  secretariats: Record<string, number>;
  /** By indicator status: initiatives with at least one indicator in it. */
  indicatorStatuses: Record<string, number>;
  /** Initiatives with at least one late milestone. */
  lateMilestones: number;
  /** By report state, for `reportPeriod`; empty when there is no period. */
  reportStates: Record<string, number>;
  reportPeriod: { id: number; name: string } | null;
}

type PageRow = {
  id: number;
  name: string;
  position: number;
  moCode: string;
  moTitle: string;
  dCode: string;
  status: Status;
  progress: number | null;
  lastUpdateOn: string | null;
  leadName: string | null;
  leadSlug: string | null;
  objectiveCount: number;
  mechanisms: { name: string; slug: string }[];
  /** Only when searching. */
  objectives: string[] | null;
};

/** A row's mechanisms, each once, in the order its articulation objectives first name them. */
const rowMechanisms = Prisma.sql`(SELECT coalesce(json_agg(json_build_object('name', x.name, 'slug', x.slug) ORDER BY x.op, x.lp), '[]')
  FROM (SELECT DISTINCT ON (me.id) me.name, me.slug, ao.position AS op, l.position AS lp
    FROM "ArticulationObjective" ao JOIN "ArticulationObjectiveMechanism" l ON l."articulationObjectiveId" = ao.id
    JOIN "Mechanism" me ON me.id = l."mechanismId"
    WHERE ao."initiativeId" = i.id ORDER BY me.id, ao.position, l.position) x)`;

/** When searching, a row's articulation objectives in order, to show the one that matched. */
const rowObjectives = Prisma.sql`(SELECT coalesce(json_agg(ao.text ORDER BY ao.position), '[]')
  FROM "ArticulationObjective" ao WHERE ao."initiativeId" = i.id)`;

/** GROUPING(o, st, l, m) of each grouping set of the tally: a bit set for each column the set does not group by. */
const BY_OBJECTIVE = 0b0111;
const BY_STATUS = 0b1011;
const BY_LEAD = 0b1101;
const BY_MECHANISMS = 0b1110;
/** The tally's counts: one per facet (the rows every other facet filter keeps), and the matches. */
const TALLIES = ["des", "obj", "est", "resp", "mec", "n"];

/** A row of the tally, named as the filters name their options: `key` is an objective's, a status's, a lead's or a mechanism's code or slug. */
type TallyRow = {
  g: number;
  key: string | null;
  /** For an objective, its development objective's code. */
  dev: string | null;
  des: number;
  obj: number;
  est: number;
  resp: number;
  n: number;
};

/**
 * What the table's statement plans with: memory enough that `hit` and its sorts stay off disk at 100,000
 * matches, and a random read priced as the cached read it is, so a word of 3 letters or more is looked up in
 * the trigram index instead of evaluating its LIKE on every row (ADR 0010). Without text too: at 100,000 rows
 * the unfiltered page cost PostgreSQL 34 ms of CPU with them and 66 ms without (ADR 0016). A migration sets
 * them on the database; where it could not (a role that does not own it, a restore into a new database),
 * the statement sets them itself, in a transaction of its own (ADR 0016, fifth step).
 */
const WORK_MEM = "64MB";
const RANDOM_PAGE_COST = "1.1";
const STATEMENT_SETTINGS = Prisma.sql`set_config('work_mem', ${WORK_MEM}, true), set_config('random_page_cost', ${RANDOM_PAGE_COST}, true)`;

// Read once per client: the database's settings change with a migration, not between requests.
const settingsInPlace = new WeakMap<Db, Promise<boolean>>();

function databaseHasSettings(db: Db): Promise<boolean> {
  let known = settingsInPlace.get(db);
  if (!known) {
    known = db.$queryRaw<
      { ok: boolean }[]
    >`SELECT current_setting('work_mem') = ${WORK_MEM} AND current_setting('random_page_cost') = ${RANDOM_PAGE_COST} AS ok`.then(
      ([row]) => row?.ok === true,
    );
    known.catch(() => settingsInPlace.delete(db));
    settingsInPlace.set(db, known);
  }
  return known;
}

interface TableRead {
  rows: PageRow[];
  count: number;
  total: number;
  facets: FacetCounts | null;
  /** With the facets, the options they count. */
  options: FilterOptions | null;
}

/**
 * A term of three characters or more has a trigram: the index finds its rows, and `hit` reads them once. A
 * shorter one has none, so every reader of `hit` scans the table anyway; written out, `hit` would add 100,000
 * rows to copy at 100,000 initiatives, and inlined, the page's top-N runs in parallel workers (ADR 0010,
 * fifth step).
 */
const usesTrigramIndex = (term: string) => [...term].length >= 3;

/**
 * One statement answers the table: the matched rows are `hit`, with a flag for
 * each facet filter in use, and from them come the page, the count and every
 * facet count; the total counts the initiatives alone. `hit` is written out
 * once only when the trigram index finds its rows (`usesTrigramIndex`).
 *
 * A facet counts the rows that meet every other filter, so `hit` keeps the rows
 * that fail at most one facet filter, and each count is a FILTER over its flags.
 * Objectives, statuses, leads and mechanism sets are tallied in one pass over
 * `hit` (grouping sets); only the few distinct mechanism sets are then unnested,
 * not every row's.
 */
async function readTable(db: Db, query: InitiativeQuery, compiled: CompiledQuery, withFacets: boolean): Promise<TableRead> {
  const { where, keys, from, terms } = compiled;
  const materialized = terms.some(usesTrigramIndex);
  const flags = withFacets ? compiled.facets : [];
  const offset = (query.pagina - 1) * query.por;
  const flagColumns = flags.map((f, n) => Prisma.sql`, coalesce(${f.condition}, FALSE) AS ${Prisma.raw(`f${n}`)}`);
  // Without facets every condition narrows hit; with them, a row failing two facet filters counts nowhere.
  const narrowing = withFacets
    ? flags.length > 1
      ? Prisma.sql` AND (${Prisma.join(
          flags.map((f) => Prisma.sql`(NOT coalesce(${f.condition}, FALSE))::int`),
          " + ",
        )}) <= 1`
      : Prisma.empty
    : compiled.facets.length > 0
      ? Prisma.sql` AND ${Prisma.join(
          compiled.facets.map((f) => f.condition),
          " AND ",
        )}`
      : Prisma.empty;
  const okFor = (facet: Facet | null) => {
    const own = flags.flatMap((f, n) => (f.facet === facet ? [] : [Prisma.raw(`f${n}`)]));
    return own.length > 0 ? Prisma.join(own, " AND ") : Prisma.sql`TRUE`;
  };
  const matched = okFor(null);
  const keyColumns = Prisma.join(keys.map(([key], n) => Prisma.sql`${key} AS ${Prisma.raw(`k${n}`)}`));
  const keyOrder = (alias: string) => Prisma.join(keys.map(([, dir], n) => Prisma.sql`${Prisma.raw(`${alias}.k${n}`)} ${dir}`));
  // With text, the page sorts the matches hit already holds; without, it reads the table's order off its indexes and
  // stops after the page, and hit, read once, is not written out: the tally reads the facet index as it goes.
  const page =
    terms.length > 0
      ? Prisma.sql`SELECT h.id, ${Prisma.join(keys.map((_, n) => Prisma.raw(`h.k${n}`)))} FROM hit h WHERE ${matched} ORDER BY ${keyOrder("h")}`
      : Prisma.sql`SELECT i.id, ${keyColumns} FROM ${from} WHERE ${allConditions(compiled)} ORDER BY ${orderBy(keys)}`;
  const { today } = compiled;
  const periodId = compiled.period?.id ?? null;
  const reports = withFacets && periodId !== null;
  const flagNames = Prisma.raw(flags.map((_, n) => `, f${n}`).join(""));
  const tally = withFacets
    ? Prisma.sql`, combo AS (
        SELECT o, st, l, m${flagNames}, count(*)::int AS c FROM hit GROUP BY o, st, l, m${flagNames}),
      tally AS (
        SELECT GROUPING(o, st, l, m)::int AS g, o, st, l, m,
          ${Prisma.join(
            (["desarrollo", "objetivo", "estado", "responsable", "mecanismo", null] as const).map(
              (facet, n) => Prisma.sql`coalesce(sum(c) FILTER (WHERE ${okFor(facet)}), 0)::int AS ${Prisma.raw(TALLIES[n]!)}`,
            ),
          )}
        FROM combo GROUP BY GROUPING SETS ((o), (st), (l), (m))),
      mech AS (SELECT x AS id, sum(t.mec)::int AS n FROM tally t JOIN "MechanismSet" ms ON ms.id = t.m, unnest(ms."mechanismIds") x WHERE t.g = ${BY_MECHANISMS} AND t.mec > 0 GROUP BY x),
      ind AS (SELECT s.status AS v, count(DISTINCT hit.id)::int AS n FROM hit JOIN ${indicatorStatusesSql} s ON s."initiativeId" = hit.id
        WHERE ${okFor("indicador")} GROUP BY s.status),
      rep AS (SELECT rs AS v, count(*)::int AS n FROM hit WHERE ${reports ? okFor("reporte") : Prisma.sql`FALSE`} GROUP BY rs)`
    : Prisma.empty;
  // The period's state of each row, from its report joined once (a period has one report per initiative).
  const reportColumn = reports
    ? Prisma.sql`, ${reportStateSql(periodId, Prisma.sql`pr.status::text`, today)} AS rs`
    : withFacets
      ? Prisma.sql`, NULL::text AS rs`
      : Prisma.empty;
  const reportJoin = reports
    ? Prisma.sql` LEFT JOIN "PeriodReport" pr ON pr."initiativeId" = i.id AND pr."periodId" = ${periodId}`
    : Prisma.empty;
  const statement = db.$queryRaw<
    {
      rows: string;
      count: number;
      total: number | null;
      tally: string | null;
      mechanisms: string | null;
      indicators: string | null;
      late: number | null;
      reports: string | null;
      options: string | null;
    }[]
  >`
    WITH hit AS ${materialized ? Prisma.sql`MATERIALIZED` : Prisma.sql`NOT MATERIALIZED`} (
      SELECT i.id, i."managementObjectiveId" AS o, i."mechanismSetId" AS m, i.status AS st, i."leadSecretariatId" AS l${flagColumns.length > 0 ? Prisma.join(flagColumns, "") : Prisma.empty}
        ${terms.length > 0 ? Prisma.sql`, ${keyColumns}` : Prisma.empty}${reportColumn}
      FROM ${from}${reportJoin} WHERE ${where}${narrowing}
    ),
    page AS (${page} LIMIT ${query.por} OFFSET ${offset})${tally}
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
          'id', i.id, 'name', i.name, 'position', i.position, 'moCode', mo.code, 'moTitle', mo.title, 'dCode', d.code,
          'status', i.status, 'progress', i.progress, 'lastUpdateOn', i."lastUpdateOn", 'leadName', s.name, 'leadSlug', s.slug,
          'objectiveCount', (SELECT count(*) FROM "ArticulationObjective" ao WHERE ao."initiativeId" = i.id)::int,
          'mechanisms', ${rowMechanisms}, 'objectives', ${terms.length > 0 ? rowObjectives : Prisma.sql`NULL`})
        ORDER BY ${keyOrder("p")}), '[]')::text
        FROM page p JOIN (${Prisma.sql`"Initiative" i
          JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId"
          JOIN "DevelopmentObjective" d ON d.id = mo."developmentObjectiveId"
          LEFT JOIN "Secretariat" s ON s.id = i."leadSecretariatId"`}) ON i.id = p.id) AS rows,
      ${withFacets ? Prisma.sql`(SELECT coalesce(sum(n), 0) FROM tally WHERE g = ${BY_STATUS})::int` : Prisma.sql`(SELECT count(*) FROM hit)::int`} AS count,
      ${compiled.filtered ? Prisma.sql`(SELECT count(*) FROM "Initiative" i WHERE ${compiled.scope})::int` : Prisma.sql`NULL`} AS total,
      ${
        withFacets
          ? Prisma.sql`(SELECT json_agg(json_build_object('g', t.g, 'key', coalesce(mo.code, t.st::text, s.slug), 'dev', d.code,
              'des', t.des, 'obj', t.obj, 'est', t.est, 'resp', t.resp, 'n', t.n))::text
              FROM tally t LEFT JOIN "ManagementObjective" mo ON mo.id = t.o LEFT JOIN "DevelopmentObjective" d ON d.id = mo."developmentObjectiveId"
              LEFT JOIN "Secretariat" s ON s.id = t.l
              WHERE t.g <> ${BY_MECHANISMS})`
          : Prisma.sql`NULL`
      } AS tally,
      ${withFacets ? Prisma.sql`(SELECT json_agg(json_build_object('slug', me.slug, 'n', x.n))::text FROM mech x JOIN "Mechanism" me ON me.id = x.id)` : Prisma.sql`NULL`} AS mechanisms,
      ${withFacets ? Prisma.sql`(SELECT json_object_agg(v, n)::text FROM ind)` : Prisma.sql`NULL`} AS indicators,
      ${withFacets ? Prisma.sql`(SELECT count(*) FROM hit WHERE ${okFor("hitos")} AND ${lateMilestonesOf(Prisma.sql`hit.id`, today)})::int` : Prisma.sql`NULL`} AS late,
      ${withFacets ? Prisma.sql`(SELECT json_object_agg(v, n)::text FROM rep)` : Prisma.sql`NULL`} AS reports,
      ${withFacets ? filterOptionsSql : Prisma.sql`NULL`} AS options`;
  const [result] = (await databaseHasSettings(db))
    ? await statement
    : (await db.$transaction([db.$queryRaw`SELECT ${STATEMENT_SETTINGS}`, statement]))[1];
  const { rows, count, total } = result!;
  return {
    rows: JSON.parse(rows) as PageRow[],
    count,
    // Unfiltered, the matches are the total: no second pass to count them.
    total: total ?? count,
    facets: withFacets
      ? {
          ...facetCounts(JSON.parse(result!.tally ?? "[]"), JSON.parse(result!.mechanisms ?? "[]")),
          indicatorStatuses: JSON.parse(result!.indicators ?? "{}"),
          lateMilestones: result!.late ?? 0,
          reportStates: JSON.parse(result!.reports ?? "{}"),
          reportPeriod: compiled.period,
        }
      : null,
    options: withFacets ? toFilterOptions(result!.options!) : null,
  };
}

/** The tallies as the filters name their options (codes and slugs). */
type BaseCounts = Omit<FacetCounts, "indicatorStatuses" | "lateMilestones" | "reportStates" | "reportPeriod">;

function facetCounts(tally: TallyRow[], mechanismTally: { slug: string; n: number }[]): BaseCounts {
  const counts: BaseCounts = { developmentObjectives: {}, managementObjectives: {}, mechanisms: {}, statuses: {}, secretariats: {} };
  const add = (into: Record<string, number>, key: string, n: number) => {
    if (n > 0) into[key] = (into[key] ?? 0) + n;
  };
  for (const row of tally) {
    if (row.g === BY_OBJECTIVE) {
      add(counts.developmentObjectives, row.dev!, row.des);
      add(counts.managementObjectives, row.key!, row.obj);
    } else if (row.g === BY_STATUS) add(counts.statuses, STATUS_SLUGS[row.key as Status], row.est);
    else if (row.g === BY_LEAD) add(counts.secretariats, row.key ?? NO_OWNER, row.resp);
  }
  for (const { slug, n } of mechanismTally) add(counts.mechanisms, slug, n);
  return counts;
}

function toPage(query: InitiativeQuery, terms: string[], read: TableRead, data: InitiativeRow[]): InitiativePage {
  return {
    data,
    count: read.count,
    total: read.total,
    currentPage: query.pagina,
    perPage: query.por,
    totalPages: Math.max(1, Math.ceil(read.count / query.por)),
    terms,
  };
}

/** The table page: one page of rows, the count, the total, every facet count and the options they count, from one statement. */
export async function searchTable(
  db: Db,
  query: InitiativeQuery,
): Promise<{ page: InitiativePage; facets: FacetCounts; options: FilterOptions }> {
  const compiled = await compileQuery(db, query, { facets: true });
  const read = await readTable(db, query, compiled, true);
  return {
    page: toPage(query, compiled.terms, read, describeRows(read.rows, compiled.terms)),
    facets: read.facets!,
    options: read.options!,
  };
}

/** One page of initiatives for the filters, with the count and total (the API: no facet counts). */
export async function searchInitiatives(db: Db, query: InitiativeQuery): Promise<InitiativePage> {
  const compiled = await compileQuery(db, query);
  const read = await readTable(db, query, compiled, false);
  return toPage(query, compiled.terms, read, describeRows(read.rows, compiled.terms));
}

/**
 * For each filter option, how many initiatives the table would show with the
 * other filters applied. With "todos", a mechanism's count keeps the other
 * selected mechanisms, as choosing it would.
 */
export async function countFacets(db: Db, query: InitiativeQuery): Promise<FacetCounts> {
  return (await readTable(db, query, await compileQuery(db, query, { facets: true }), true)).facets!;
}

/** The page's rows as the table shows them, with the articulation objective that matched. */
function describeRows(rows: PageRow[], terms: string[]): InitiativeRow[] {
  return rows.map(
    (row): InitiativeRow => ({
      id: row.id,
      name: row.name,
      position: row.position,
      managementObjective: { code: row.moCode, title: row.moTitle },
      developmentObjectiveCode: row.dCode,
      mechanisms: row.mechanisms,
      objectiveCount: row.objectiveCount,
      matchingObjective: terms.length ? (row.objectives?.find((text) => terms.some((t) => foldText(text).includes(t))) ?? null) : null,
      status: row.status,
      progress: row.progress,
      leadSecretariat: row.leadName && row.leadSlug ? { name: row.leadName, slug: row.leadSlug } : null,
      lastUpdateOn: row.lastUpdateOn,
    }),
  );
}

/** Every matching id, in the table's order: what an export of "all pages" contains. */
export async function matchingInitiativeIds(db: Db, query: InitiativeQuery): Promise<number[]> {
  const compiled = await compileQuery(db, query);
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT i.id FROM ${compiled.from} WHERE ${allConditions(compiled)} ORDER BY ${orderBy(compiled.keys)}`;
  return rows.map((r) => r.id);
}
