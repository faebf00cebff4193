import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { foldText, searchTerms } from "@/lib/text/search-text";
import { dateToDay, todayInQuito } from "@/lib/tracking/days";
import { endingSoonUntil, staleCutoff } from "@/lib/tracking/freshness";
import { STATUS_BY_SLUG, STATUS_SLUGS, type Status } from "@/lib/tracking/statuses";
import { NO_OWNER } from "@/lib/tracking/secretariats";
import {
  awaitInitiativeIndex,
  freshInitiativeIndex,
  indexAnswers,
  indexFacetTallies,
  NAME_SORT_KEY,
  searchIndex,
  type FacetTally,
  type Filter,
  type FilterIds,
  type InitiativeIndex,
} from "./initiative-index";
import type { InitiativeQuery } from "./initiative-query";

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
}

/** Where a query reads: the initiatives, or (for counts without text or date filters) their combinations in "InitiativeFacetCount". */
type Source = "initiatives" | "combinations";

// Archived initiatives leave every default view; "archivadas=si" shows only them.
const archivedCondition = (query: InitiativeQuery, source: Source = "initiatives") =>
  source === "combinations"
    ? query.archivadas === "si" ? Prisma.sql`i.archived` : Prisma.sql`NOT i.archived`
    : query.archivadas === "si" ? Prisma.sql`i."archivedAt" IS NOT NULL` : Prisma.sql`i."archivedAt" IS NULL`;

const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Who answers a text search: "auto" takes the in-memory index (initiative-index.ts) when it holds the
 * database's current revision and can answer, else SQL; "sql" always SQL; "index" waits for a current
 * index (benchmarks, and tests that compare both).
 */
export type SearchEngine = "auto" | "sql" | "index";

function indexFor(db: Db, query: InitiativeQuery, terms: string[], purpose: "list" | "facets", engine: SearchEngine): Promise<InitiativeIndex | null> | null {
  if (engine === "sql" || !indexAnswers(query, terms, purpose)) return null;
  return engine === "index" ? awaitInitiativeIndex(db) : freshInitiativeIndex(db);
}

/**
 * The ids the filters name (objectives, mechanisms, secretariats), looked up before the search. As values,
 * PostgreSQL's statistics tell how many initiatives each filter keeps; behind a sub-select it guesses, and
 * a guess of a few dozen rows can pick a plan that reads 50,000 of them one by one.
 */
async function filterIds(db: Db, query: InitiativeQuery): Promise<FilterIds> {
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
  const lead = query.responsable.filter((slug) => slug !== NO_OWNER);
  const [developmentObjectives, managementObjectives, mechanisms, secretariats] = await Promise.all([
    query.desarrollo.length > 0
      ? db.managementObjective.findMany({ where: { developmentObjective: { code: { in: query.desarrollo } } }, select: { id: true } }).then(ids)
      : [],
    query.objetivo.length > 0 ? db.managementObjective.findMany({ where: { code: { in: query.objetivo } }, select: { id: true } }).then(ids) : [],
    query.mecanismo.length > 0 ? db.mechanism.findMany({ where: { slug: { in: query.mecanismo } }, select: { id: true } }).then(ids) : [],
    lead.length > 0 ? db.secretariat.findMany({ where: { slug: { in: lead } }, select: { id: true } }).then(ids) : [],
  ]);
  return { developmentObjectives, managementObjectives, mechanisms, secretariats };
}

/** WHERE conditions over i (Initiative, or InitiativeFacetCount: the same facet columns), leaving out the filter `skip` (for its facet). */
function conditions(query: InitiativeQuery, ids: FilterIds, terms: string[], skip?: Filter, source: Source = "initiatives"): Prisma.Sql {
  const parts: Prisma.Sql[] = [archivedCondition(query, source)];
  if (skip !== "desarrollo" && query.desarrollo.length > 0) {
    parts.push(Prisma.sql`i."managementObjectiveId" = ANY (${ids.developmentObjectives}::int[])`);
  }
  if (skip !== "objetivo" && query.objetivo.length > 0) {
    parts.push(Prisma.sql`i."managementObjectiveId" = ANY (${ids.managementObjectives}::int[])`);
  }
  if (skip !== "mecanismo" && query.mecanismo.length > 0) {
    // With "todos", a slug that does not exist must match nothing, not be ignored.
    parts.push(
      query.modo !== "todos"
        ? Prisma.sql`i."mechanismIds" && ${ids.mechanisms}::int[]`
        : ids.mechanisms.length === query.mecanismo.length
          ? Prisma.sql`i."mechanismIds" @> ${ids.mechanisms}::int[]`
          : Prisma.sql`FALSE`,
    );
  }
  if (skip !== "estado" && query.estado.length > 0) {
    parts.push(Prisma.sql`i.status::text IN (${Prisma.join(query.estado.map((slug) => STATUS_BY_SLUG[slug]!))})`);
  }
  if (skip !== "responsable" && query.responsable.length > 0) {
    const either: Prisma.Sql[] = [];
    if (query.responsable.some((slug) => slug !== NO_OWNER)) either.push(Prisma.sql`i."leadSecretariatId" = ANY (${ids.secretariats}::int[])`);
    if (query.responsable.includes(NO_OWNER)) either.push(Prisma.sql`i."leadSecretariatId" IS NULL`);
    parts.push(Prisma.sql`(${Prisma.join(either, " OR ")})`);
  }
  const today = todayInQuito();
  if (query.desactualizadas === "si") {
    parts.push(Prisma.sql`(i."lastUpdateOn" IS NULL OR i."lastUpdateOn" < ${staleCutoff(today)}::date)`);
  }
  if (query.vencen === "si") {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Instrument" ins JOIN "ArticulationObjective" ao ON ao.id = ins."articulationObjectiveId"
      WHERE ao."initiativeId" = i.id AND ins."endsOn" BETWEEN ${today}::date AND ${endingSoonUntil(today)}::date)`);
  }
  for (const term of terms) parts.push(Prisma.sql`i."searchText" LIKE ${like(term)}`);
  return Prisma.join(parts, " AND ");
}

const FROM = Prisma.sql`"Initiative" i
  JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId"
  JOIN "DevelopmentObjective" d ON d.id = mo."developmentObjectiveId"
  LEFT JOIN "Secretariat" s ON s.id = i."leadSecretariatId"`;

/** What sorting reads: the objectives and secretariats joined only when the order uses them, so other sorts read the initiatives alone. */
const sortSource = (query: InitiativeQuery) =>
  query.orden === "objetivo" || query.orden === "responsable" ? FROM : Prisma.sql`"Initiative" i`;

/** A sort key: the expression and its direction; the table's order is a list of them. */
type SortKey = [Prisma.Sql, Prisma.Sql];

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
      // Terms in the name first, then the earlier the first term appears in the text.
      const inName = Prisma.join(
        terms.map((t) => Prisma.sql`(split_part(i."searchText", E'\\n', 1) LIKE ${like(t)})::int`),
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

const orderBy = (keys: SortKey[]) => Prisma.join(keys.map(([key, dir]) => Prisma.sql`${key} ${dir}`));

type PageRow = {
  id: number;
  name: string;
  position: number;
  moCode: string;
  moTitle: string;
  dCode: string;
  status: Status;
  progress: number | null;
  lastUpdateOn: Date | null;
  leadName: string | null;
  leadSlug: string | null;
  matches: number | null;
};

const PAGE_COLUMNS = Prisma.sql`i.id, i.name, i.position, mo.code AS "moCode", mo.title AS "moTitle", d.code AS "dCode",
  i.status::text AS status, i.progress, i."lastUpdateOn", s.name AS "leadName", s.slug AS "leadSlug"`;

/** One page of initiatives for the filters, sorted and counted in PostgreSQL, or for a text search by the in-memory index. */
export async function searchInitiatives(db: Db, query: InitiativeQuery, engine: SearchEngine = "auto"): Promise<InitiativePage> {
  const terms = searchTerms(query.q);
  const [ids, index] = await Promise.all([filterIds(db, query), indexFor(db, query, terms, "list", engine)]);
  const offset = (query.pagina - 1) * query.por;
  const found = index ? searchIndex(index, query, ids, terms, offset + query.por) : null;
  const { rows, count, total } = found
    ? await pageFromIndex(db, found, offset, query, index!)
    : await pageFromSql(db, query, ids, terms, offset);
  return {
    data: await describeRows(db, rows, terms),
    count,
    total,
    currentPage: query.pagina,
    perPage: query.por,
    totalPages: Math.max(1, Math.ceil(count / query.por)),
    terms,
  };
}

async function pageFromIndex(db: Db, found: { count: number; ids: number[] }, offset: number, query: InitiativeQuery, index: InitiativeIndex) {
  const pageIds = found.ids.slice(offset);
  const rows = pageIds.length
    ? await db.$queryRaw<PageRow[]>`SELECT ${PAGE_COLUMNS}, NULL::int AS matches FROM ${FROM} WHERE i.id = ANY (${pageIds}::int[])`
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    rows: pageIds.flatMap((id) => byId.get(id) ?? []),
    count: found.count,
    total: query.archivadas === "si" ? index.size - index.active : index.active,
  };
}

async function pageFromSql(db: Db, query: InitiativeQuery, ids: FilterIds, terms: string[], offset: number) {
  const where = conditions(query, ids, terms);
  const filtered =
    terms.length > 0 ||
    query.desarrollo.length > 0 ||
    query.objetivo.length > 0 ||
    query.mecanismo.length > 0 ||
    query.estado.length > 0 ||
    query.responsable.length > 0 ||
    query.desactualizadas === "si" ||
    query.vencen === "si";
  const keys = sortKeys(query, terms);
  const keyColumns = Prisma.join(keys.map(([key], n) => Prisma.sql`${key} AS ${Prisma.raw(`k${n}`)}`));
  const keyOrder = (alias: string) => Prisma.join(keys.map(([, dir], n) => Prisma.sql`${Prisma.raw(`${alias}.k${n}`)} ${dir}`));
  // Filtered, the matches are first cut down to their ids and sort keys (OFFSET 0 keeps PostgreSQL from
  // carrying whole rows along), the window counts those narrow rows in the same pass, and only the page
  // is joined for display. Unfiltered, the count is the total and the page comes straight off the position index.
  const page = filtered
    ? Prisma.sql`SELECT m.*, count(*) OVER ()::int AS matches
        FROM (SELECT i.id, ${keyColumns} FROM ${sortSource(query)} WHERE ${where} OFFSET 0) m
        ORDER BY ${keyOrder("m")} LIMIT ${query.por} OFFSET ${offset}`
    : Prisma.sql`SELECT i.id, ${keyColumns}, NULL::int AS matches
        FROM ${sortSource(query)} WHERE ${where}
        ORDER BY ${orderBy(keys)} LIMIT ${query.por} OFFSET ${offset}`;
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<PageRow[]>`
      SELECT ${PAGE_COLUMNS}, p.matches
      FROM (${page}) p JOIN (${FROM}) ON i.id = p.id
      ORDER BY ${keyOrder("p")}`,
    // The combinations the triggers keep add up to the total without reading every initiative.
    db.$queryRaw<{ total: number }[]>`
      SELECT coalesce(sum(i.n), 0)::int AS total FROM "InitiativeFacetCount" i WHERE ${archivedCondition(query, "combinations")}`,
  ]);
  // Past the last page the window is empty; only then is a separate count needed.
  const count = !filtered
    ? total
    : (rows[0]?.matches ??
      (offset === 0 ? 0 : (await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Initiative" i WHERE ${where}`)[0]!.count));
  return { rows, count, total };
}

/** The page's rows as the table shows them: mechanisms, number of objectives, and the objective that matched. */
async function describeRows(db: Db, rows: PageRow[], terms: string[]): Promise<InitiativeRow[]> {
  const ids = rows.map((r) => r.id);
  const objectives = ids.length
    ? await db.articulationObjective.findMany({
        where: { initiativeId: { in: ids } },
        orderBy: [{ initiativeId: "asc" }, { position: "asc" }],
        select: {
          initiativeId: true,
          text: true,
          mechanisms: { orderBy: { position: "asc" }, select: { mechanism: { select: { name: true, slug: true } } } },
        },
      })
    : [];

  return rows.map((row): InitiativeRow => {
    const own = objectives.filter((o) => o.initiativeId === row.id);
    const mechanisms = new Map<string, { name: string; slug: string }>();
    for (const o of own) for (const link of o.mechanisms) mechanisms.set(link.mechanism.slug, link.mechanism);
    return {
      id: row.id,
      name: row.name,
      position: row.position,
      managementObjective: { code: row.moCode, title: row.moTitle },
      developmentObjectiveCode: row.dCode,
      mechanisms: [...mechanisms.values()],
      objectiveCount: own.length,
      matchingObjective: terms.length ? (own.find((o) => terms.some((t) => foldText(o.text).includes(t)))?.text ?? null) : null,
      status: row.status,
      progress: row.progress,
      leadSecretariat: row.leadName && row.leadSlug ? { name: row.leadName, slug: row.leadSlug } : null,
      lastUpdateOn: row.lastUpdateOn ? dateToDay(row.lastUpdateOn) : null,
    };
  });
}

/** Every matching id, in the table's order: what an export of "all pages" contains. */
export async function matchingInitiativeIds(db: Db, query: InitiativeQuery, engine: SearchEngine = "auto"): Promise<number[]> {
  const terms = searchTerms(query.q);
  const [ids, index] = await Promise.all([filterIds(db, query), indexFor(db, query, terms, "list", engine)]);
  const found = index ? searchIndex(index, query, ids, terms) : null;
  if (found) return found.ids;
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT i.id FROM ${sortSource(query)} WHERE ${conditions(query, ids, terms)} ORDER BY ${orderBy(sortKeys(query, terms))}`;
  return rows.map((r) => r.id);
}

type FacetRow = { objective: number | null; mechanisms: number[] | null; status: Status | null; lead: number | null; n: number };

/**
 * For each filter option, how many initiatives the table would show with the
 * other filters applied. With "todos", a mechanism's count keeps the other
 * selected mechanisms, as choosing it would.
 *
 * A facet whose own filter is not in use counts under all the filters, so those
 * facets share one scan: it groups by all their columns at once (a few hundred
 * combinations for 100,000 initiatives) and each facet adds its part up here.
 * With no filters, or only a text search, every facet comes from a single pass.
 * Without text or date filters the scans read InitiativeFacetCount, the
 * combinations the triggers of migration …_facet_counts keep; with text, the
 * in-memory index answers them when it is current.
 */
export async function countFacets(db: Db, query: InitiativeQuery, engine: SearchEngine = "auto"): Promise<FacetCounts> {
  const terms = searchTerms(query.q);
  const active: Record<Filter, boolean> = {
    desarrollo: query.desarrollo.length > 0,
    objetivo: query.objetivo.length > 0,
    mecanismo: query.mecanismo.length > 0 && query.modo !== "todos",
    estado: query.estado.length > 0,
    responsable: query.responsable.length > 0,
  };
  const all: Filter[] = ["desarrollo", "objetivo", "mecanismo", "estado", "responsable"];
  // Every filter but text and dates is a facet column: then the few hundred combinations answer, not the initiatives.
  const source: Source = terms.length === 0 && query.desactualizadas !== "si" && query.vencen !== "si" ? "combinations" : "initiatives";
  const [ids, memory] = await Promise.all([filterIds(db, query), indexFor(db, query, terms, "facets", engine)]);
  const scans = [
    { facets: all.filter((f) => !active[f]), skip: undefined },
    ...all.filter((f) => active[f]).map((f) => ({ facets: [f], skip: f })),
  ].filter((scan) => scan.facets.length > 0);

  const scan = async ({ facets, skip }: (typeof scans)[number]): Promise<FacetTally> => {
    const where = conditions(query, ids, terms, skip, source);
    const has = (...f: Filter[]) => f.some((x) => facets.includes(x));
    const columns = [
      has("desarrollo", "objetivo") ? Prisma.sql`i."managementObjectiveId" AS objective` : Prisma.sql`NULL::int AS objective`,
      has("mecanismo") ? Prisma.sql`i."mechanismIds" AS mechanisms` : Prisma.sql`NULL::int[] AS mechanisms`,
      has("estado") ? Prisma.sql`i.status::text AS status` : Prisma.sql`NULL::text AS status`,
      has("responsable") ? Prisma.sql`i."leadSecretariatId" AS lead` : Prisma.sql`NULL::int AS lead`,
    ];
    const rows = await (source === "combinations"
      ? db.$queryRaw<FacetRow[]>`SELECT ${Prisma.join(columns)}, sum(i.n)::int AS n FROM "InitiativeFacetCount" i WHERE ${where} GROUP BY 1, 2, 3, 4 HAVING sum(i.n) <> 0`
      : db.$queryRaw<FacetRow[]>`SELECT ${Prisma.join(columns)}, count(*)::int AS n FROM "Initiative" i WHERE ${where} GROUP BY 1, 2, 3, 4`);
    const tally: FacetTally = { objectives: new Map(), mechanisms: new Map(), statuses: new Map(), leads: new Map() };
    const addTo = <K>(into: Map<K, number>, key: K, n: number) => into.set(key, (into.get(key) ?? 0) + n);
    for (const row of rows) {
      if (has("desarrollo", "objetivo")) addTo(tally.objectives, row.objective!, row.n);
      if (has("mecanismo")) for (const id of row.mechanisms ?? []) addTo(tally.mechanisms, id, row.n);
      if (has("estado")) addTo(tally.statuses, row.status!, row.n);
      if (has("responsable")) addTo(tally.leads, row.lead, row.n);
    }
    return tally;
  };

  const [objectives, mechanisms, secretariats, tallies] = await Promise.all([
    db.managementObjective.findMany({ select: { id: true, code: true, developmentObjective: { select: { code: true } } } }),
    db.mechanism.findMany({ select: { id: true, slug: true } }),
    db.secretariat.findMany({ select: { id: true, slug: true } }),
    // After a tick: the catalogue queries above are lazy and start only once Promise.all subscribes to them.
    memory ? Promise.resolve().then(() => indexFacetTallies(memory, query, ids, terms, scans.map((scan) => scan.skip))) : Promise.all(scans.map(scan)),
  ]);
  const objectiveById = new Map(objectives.map((o) => [o.id, o]));
  const mechanismSlug = new Map(mechanisms.map((m) => [m.id, m.slug]));
  const secretariatSlug = new Map(secretariats.map((s) => [s.id, s.slug]));
  const counts: FacetCounts = { developmentObjectives: {}, managementObjectives: {}, mechanisms: {}, statuses: {}, secretariats: {} };
  const add = (into: Record<string, number>, key: string, n: number) => (into[key] = (into[key] ?? 0) + n);
  scans.forEach(({ facets }, n) => {
    const tally = tallies[n]!;
    for (const [id, k] of tally.objectives) {
      if (facets.includes("desarrollo")) add(counts.developmentObjectives, objectiveById.get(id)!.developmentObjective.code, k);
      if (facets.includes("objetivo")) add(counts.managementObjectives, objectiveById.get(id)!.code, k);
    }
    if (facets.includes("mecanismo")) for (const [id, k] of tally.mechanisms) add(counts.mechanisms, mechanismSlug.get(id) ?? String(id), k);
    if (facets.includes("estado")) for (const [status, k] of tally.statuses) add(counts.statuses, STATUS_SLUGS[status], k);
    if (facets.includes("responsable")) {
      for (const [lead, k] of tally.leads) add(counts.secretariats, lead === null ? NO_OWNER : (secretariatSlug.get(lead) ?? String(lead)), k);
    }
  });
  return counts;
}
