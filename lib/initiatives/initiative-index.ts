import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { searchWords } from "@/lib/text/search-text";
import { STATUS_BY_SLUG, STATUSES, type Status } from "@/lib/tracking/statuses";
import { NO_OWNER } from "@/lib/tracking/secretariats";
import type { InitiativeQuery } from "./initiative-query";

/**
 * The initiatives' search columns held in memory, so a text search over many
 * initiatives («salud» in 17,000 of 100,000) is answered without PostgreSQL
 * reading and rechecking every match, which takes it 50–100 ms.
 *
 * It is never a second truth. It is built from one snapshot together with the
 * revision token that snapshot had ("InitiativeRevision", drawn anew by a trigger
 * on every committed change to "Initiative"), and a search uses it only if the
 * database still has that token; otherwise the search runs in SQL and a rebuild
 * starts in the background. So every app instance answers what PostgreSQL holds,
 * each with its own copy (one per database client: primary and replica apart),
 * and a write is seen by the next search.
 *
 * It answers text searches (the slow ones) for the filters and orders that
 * live in the "Initiative" row; the date filters and the orders by objective,
 * lead secretariat or number of objectives stay in SQL.
 */
export interface InitiativeIndex {
  token: string;
  size: number;
  /** Row r is the r-th initiative in document order (position, then id). */
  ids: Int32Array;
  /** The stored search texts ("searchText": folded name, objectives and mechanisms). */
  texts: string[];
  longestText: number;
  /** Where the name (the text's first line) ends. */
  nameEnds: Int32Array;
  /** 1 when the text has characters outside the BMP, whose UTF-16 offsets differ from PostgreSQL's character positions. */
  astral: Uint8Array;
  archived: Uint8Array;
  objectives: Int32Array;
  /** The mechanism ids of row r are mechanismIds[mechanismStarts[r] .. mechanismStarts[r + 1]). */
  mechanismStarts: Int32Array;
  mechanismIds: Int32Array;
  /** Index in STATUSES, which is PostgreSQL's enum order. */
  statuses: Uint8Array;
  /** -1 for none. */
  leads: Int32Array;
  /** The largest objective, mechanism and secretariat ids: counters for the facets are arrays indexed by id. */
  maxIds: { objective: number; mechanism: number; lead: number };
  /** NaN for none. */
  progress: Float64Array;
  /** Ranks for sorting, from PostgreSQL in the snapshot, equal for equal values: the name as the SQL sort orders it, the date of the last update (NaN for none). */
  nameRanks: Int32Array;
  updateRanks: Float64Array;
  /** Every word of the texts, and the rows (ascending) that contain it. */
  words: string[];
  postings: Int32Array[];
  /** How many are not archived. */
  active: number;
  /** The last few text matches, by terms: a table page asks for the same ones twice (rows and counts). */
  matches: Map<string, Uint8Array>;
}

export type FilterIds = {
  developmentObjectives: number[];
  managementObjectives: number[];
  mechanisms: number[];
  secretariats: number[];
};

export type Filter = "desarrollo" | "objetivo" | "mecanismo" | "estado" | "responsable";

/** The name sort of the table (the stored name, in code point order on any server): SQL sorts by it, the index ranks by it. */
export const NAME_SORT_KEY = Prisma.sql`split_part(i."searchText", E'\\n', 1) COLLATE "C"`;

/** Sort keys pack a rank and the row into one float, exact below 2^53: rows below 2^20, ranks (at most 9 × 2^22) below 2^33. */
const ROW_BITS = 2 ** 20;
const INDEXED_SORTS = new Set(["documento", "relevancia", "nombre", "estado", "avance", "actualizacion"]);

/** Whether the index can answer this query: a text search, without date filters, sorted by a column of the initiative. */
export function indexAnswers(query: InitiativeQuery, terms: string[], purpose: "list" | "facets"): boolean {
  return terms.length > 0 && query.desactualizadas !== "si" && query.vencen !== "si" && (purpose === "facets" || INDEXED_SORTS.has(query.orden));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface SourceRow {
  id: number;
  text: string;
  archived: boolean;
  objective: number;
  mechanisms: number[] | null;
  status: Status;
  lead: number | null;
  progress: number | null;
  nameRank: number;
  updateRank: number | null;
}

/**
 * Reads the initiatives and the revision token in one snapshot, then indexes them in slices that let requests
 * through. PostgreSQL ranks names and dates with the expressions its sorts use, so the orders agree by construction.
 */
async function buildInitiativeIndex(db: Db): Promise<InitiativeIndex> {
  const { token, rows } = await db.$transaction(
    async (tx) => {
      const [head] = await tx.$queryRaw<{ token: string }[]>`SELECT token::text FROM "InitiativeRevision" WHERE id = 1`;
      if (!head) throw new Error("InitiativeRevision has no row: apply the migrations.");
      const rows = await tx.$queryRaw<SourceRow[]>`
        SELECT id, "searchText" AS text, ("archivedAt" IS NOT NULL) AS archived, "managementObjectiveId" AS objective,
          "mechanismIds" AS mechanisms, status::text AS status, "leadSecretariatId" AS lead, progress,
          (dense_rank() OVER (ORDER BY ${NAME_SORT_KEY}))::int - 1 AS "nameRank",
          CASE WHEN "lastUpdateOn" IS NOT NULL THEN (dense_rank() OVER (ORDER BY "lastUpdateOn"))::int - 1 END AS "updateRank"
        FROM "Initiative" i ORDER BY position, id`;
      return { token: head.token, rows };
    },
    { isolationLevel: "RepeatableRead", timeout: 120_000, maxWait: 10_000 },
  );
  const size = rows.length;
  const index: InitiativeIndex = {
    token,
    size,
    ids: new Int32Array(size),
    texts: new Array<string>(size),
    longestText: 0,
    nameEnds: new Int32Array(size),
    astral: new Uint8Array(size),
    archived: new Uint8Array(size),
    objectives: new Int32Array(size),
    mechanismStarts: new Int32Array(size + 1),
    mechanismIds: new Int32Array(rows.reduce((n, row) => n + (row.mechanisms?.length ?? 0), 0)),
    statuses: new Uint8Array(size),
    leads: new Int32Array(size),
    maxIds: { objective: 0, mechanism: 0, lead: 0 },
    progress: new Float64Array(size),
    nameRanks: new Int32Array(size),
    updateRanks: new Float64Array(size),
    words: [],
    postings: [],
    active: 0,
    matches: new Map(),
  };
  const postings = new Map<string, number[]>();
  let mechanismAt = 0;
  for (let r = 0; r < size; r++) {
    if (r % 2_000 === 1_999) await yieldToEventLoop();
    const row = rows[r]!;
    index.ids[r] = row.id;
    index.texts[r] = row.text;
    index.longestText = Math.max(index.longestText, row.text.length);
    const newline = row.text.indexOf("\n");
    index.nameEnds[r] = newline < 0 ? row.text.length : newline;
    index.astral[r] = /[\ud800-\udfff]/.test(row.text) ? 1 : 0;
    index.archived[r] = row.archived ? 1 : 0;
    if (!row.archived) index.active++;
    index.objectives[r] = row.objective;
    index.mechanismStarts[r] = mechanismAt;
    // NULL (written by hand) matches no mechanism filter in SQL either.
    for (const id of row.mechanisms ?? []) index.mechanismIds[mechanismAt++] = id;
    index.statuses[r] = STATUSES.indexOf(row.status);
    index.leads[r] = row.lead ?? -1;
    index.maxIds.objective = Math.max(index.maxIds.objective, row.objective);
    index.maxIds.mechanism = Math.max(index.maxIds.mechanism, ...(row.mechanisms ?? []));
    index.maxIds.lead = Math.max(index.maxIds.lead, row.lead ?? 0);
    index.progress[r] = row.progress ?? Number.NaN;
    index.nameRanks[r] = row.nameRank;
    index.updateRanks[r] = row.updateRank ?? Number.NaN;
    for (const word of searchWords(row.text)) {
      const list = postings.get(word);
      if (list) list.push(r);
      else postings.set(word, [r]);
    }
  }
  index.mechanismStarts[size] = mechanismAt;
  for (const [word, list] of postings) {
    index.words.push(word);
    index.postings.push(Int32Array.from(list));
  }
  return index;
}

/** The rows that contain a term: it lies inside one word, so the words that contain it name the rows. */
function termRows(index: InitiativeIndex, term: string): Uint8Array {
  const found = new Uint8Array(index.size);
  for (let w = 0; w < index.words.length; w++) {
    if (!index.words[w]!.includes(term)) continue;
    const rows = index.postings[w]!;
    for (let n = 0; n < rows.length; n++) found[rows[n]!] = 1;
  }
  return found;
}

/** The rows whose text contains every term (there is at least one: indexAnswers). */
function textRows(index: InitiativeIndex, terms: string[]): Uint8Array {
  const key = terms.join(" ");
  const known = index.matches.get(key);
  if (known) return known;
  const result = terms.map((term) => termRows(index, term)).reduce((all, found) => all.map((hit, r) => hit & found[r]!));
  if (index.matches.size >= 8) index.matches.delete(index.matches.keys().next().value!);
  index.matches.set(key, result);
  return result;
}

/** The same conditions as the SQL search (search-initiatives.ts), leaving out `skip`, over rows that already match the text. */
function rowFilter(index: InitiativeIndex, query: InitiativeQuery, ids: FilterIds, skip?: Filter): (r: number) => boolean {
  const archived = query.archivadas === "si" ? 1 : 0;
  const checks: ((r: number) => boolean)[] = [(r) => index.archived[r] === archived];
  const objectiveIn = (list: number[]) => {
    const set = new Set(list);
    return (r: number) => set.has(index.objectives[r]!);
  };
  if (skip !== "desarrollo" && query.desarrollo.length > 0) checks.push(objectiveIn(ids.developmentObjectives));
  if (skip !== "objetivo" && query.objetivo.length > 0) checks.push(objectiveIn(ids.managementObjectives));
  if (skip !== "mecanismo" && query.mecanismo.length > 0) {
    const wanted = new Set(ids.mechanisms);
    const owns = (r: number, which: (id: number) => boolean) => {
      for (let m = index.mechanismStarts[r]!; m < index.mechanismStarts[r + 1]!; m++) if (which(index.mechanismIds[m]!)) return true;
      return false;
    };
    if (query.modo !== "todos") checks.push((r) => owns(r, (id) => wanted.has(id)));
    else if (ids.mechanisms.length !== query.mecanismo.length) checks.push(() => false);
    else checks.push((r) => ids.mechanisms.every((want) => owns(r, (id) => id === want)));
  }
  if (skip !== "estado" && query.estado.length > 0) {
    const statuses = new Set(query.estado.map((slug) => STATUSES.indexOf(STATUS_BY_SLUG[slug]!)));
    checks.push((r) => statuses.has(index.statuses[r]!));
  }
  if (skip !== "responsable" && query.responsable.length > 0) {
    const leads = new Set(query.responsable.some((slug) => slug !== NO_OWNER) ? ids.secretariats : []);
    const none = query.responsable.includes(NO_OWNER);
    checks.push((r) => (index.leads[r] === -1 ? none : leads.has(index.leads[r]!)));
  }
  return (r) => {
    for (const check of checks) if (!check(r)) return false;
    return true;
  };
}

function matchingRows(index: InitiativeIndex, text: Uint8Array, keep: (r: number) => boolean): number[] {
  const rows: number[] = [];
  for (let r = 0; r < index.size; r++) if (text[r] && keep(r)) rows.push(r);
  return rows;
}

/** The rank each order sorts by, then document order (the row), as search-initiatives.ts sortKeys() orders in SQL. */
function rankOf(index: InitiativeIndex, query: InitiativeQuery, terms: string[]): ((r: number) => number) | null {
  const desc = query.dir === "desc";
  const nullsLast = (values: Float64Array, top: number) => (r: number) => {
    const value = values[r]!;
    return Number.isNaN(value) ? top + 1 : desc ? top - value : value;
  };
  switch (query.orden) {
    case "nombre":
      return desc ? (r) => index.size - index.nameRanks[r]! : (r) => index.nameRanks[r]!;
    case "estado":
      return desc ? (r) => STATUSES.length - index.statuses[r]! : (r) => index.statuses[r]!;
    case "avance":
      return nullsLast(index.progress, 100);
    case "actualizacion":
      return nullsLast(index.updateRanks, index.size);
    case "relevancia": {
      // Terms in the name first, then the earlier the first term appears (strpos: 1-based, in code points);
      // with "desc", both reversed. One search of the first term tells both: the name comes first in the text.
      const limit = 2 ** 22;
      if (index.longestText >= limit) return null;
      return (r) => {
        const text = index.texts[r]!;
        const end = index.nameEnds[r]!;
        const at = text.indexOf(terms[0]!);
        let inName = at + terms[0]!.length <= end ? 1 : 0;
        for (let t = 1; t < terms.length; t++) {
          if (end >= terms[t]!.length && text.lastIndexOf(terms[t]!, end - terms[t]!.length) >= 0) inName++;
        }
        const first = (index.astral[r] ? [...text.slice(0, at)].length : at) + 1;
        return desc ? inName * limit + (limit - 1 - first) : (terms.length - inName) * limit + first;
      };
    }
    default:
      return desc ? (r) => index.size - r : () => 0;
  }
}

/** The k smallest of distinct keys, in order: a selection (quickselect) first, so a page does not sort every match. */
function smallestSorted(keys: Float64Array, k: number): Float64Array {
  if (k >= keys.length) return keys.sort();
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const pivot = keys[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        const swap = keys[i]!;
        keys[i++] = keys[j]!;
        keys[j--] = swap;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else break;
  }
  return keys.subarray(0, k).sort();
}

/** How many initiatives match, and the first `limit` of their ids in the table's order; null when the index cannot order them. */
export function searchIndex(
  index: InitiativeIndex,
  query: InitiativeQuery,
  ids: FilterIds,
  terms: string[],
  limit = Number.POSITIVE_INFINITY,
): { count: number; ids: number[] } | null {
  const rank = index.size < ROW_BITS ? rankOf(index, query, terms) : null;
  if (!rank) return null;
  const rows = matchingRows(index, textRows(index, terms), rowFilter(index, query, ids));
  const keys = new Float64Array(rows.length);
  for (let n = 0; n < rows.length; n++) keys[n] = rank(rows[n]!) * ROW_BITS + rows[n]!;
  return { count: rows.length, ids: Array.from(smallestSorted(keys, limit), (key) => index.ids[key % ROW_BITS]!) };
}

/** How many matching initiatives have each value of the facet columns: what one scan of countFacets adds up. */
export interface FacetTally {
  objectives: Map<number, number>;
  mechanisms: Map<number, number>;
  statuses: Map<Status, number>;
  /** By lead secretariat id, null for none. */
  leads: Map<number | null, number>;
}

/** The counters' non-zero entries, by id. */
function counted<K>(counters: Int32Array, key: (slot: number) => K): Map<K, number> {
  const tally = new Map<K, number>();
  counters.forEach((n, slot) => n > 0 && tally.set(key(slot), n));
  return tally;
}

/** One tally per scan: every filter but the scan's `skip` applies. */
export function indexFacetTallies(index: InitiativeIndex, query: InitiativeQuery, ids: FilterIds, terms: string[], skips: (Filter | undefined)[]): FacetTally[] {
  const text = textRows(index, terms);
  return skips.map((skip) => {
    const objectives = new Int32Array(index.maxIds.objective + 1);
    const mechanisms = new Int32Array(index.maxIds.mechanism + 1);
    const statuses = new Int32Array(STATUSES.length);
    // Slot 0 counts initiatives without a lead secretariat (stored as -1).
    const leads = new Int32Array(index.maxIds.lead + 2);
    const keep = rowFilter(index, query, ids, skip);
    for (let r = 0; r < index.size; r++) {
      if (!text[r] || !keep(r)) continue;
      objectives[index.objectives[r]!]!++;
      for (let m = index.mechanismStarts[r]!; m < index.mechanismStarts[r + 1]!; m++) mechanisms[index.mechanismIds[m]!]!++;
      statuses[index.statuses[r]!]!++;
      leads[index.leads[r]! + 1]!++;
    }
    return {
      objectives: counted(objectives, (id) => id),
      mechanisms: counted(mechanisms, (id) => id),
      statuses: counted(statuses, (slot) => STATUSES[slot]!),
      leads: counted(leads, (slot) => (slot === 0 ? null : slot - 1)),
    };
  });
}

interface IndexState {
  index: InitiativeIndex | null;
  building: Promise<InitiativeIndex> | null;
  /**
   * No build starts before this time: after a failure, later with each one in a row; after a build, twice its
   * length, so a stream of writes cannot keep a process rebuilding (searches go to SQL meanwhile).
   */
  notBefore: number;
  failures: number;
}

// One index per database client (the primary and a replica lag apart, so each has its own), kept on globalThis
// like the clients themselves: several bundles of one server then share it.
const globalForIndex = globalThis as unknown as { initiativeIndexes?: WeakMap<Db, IndexState> };
const states = (globalForIndex.initiativeIndexes ??= new WeakMap());

const stateOf = (db: Db) => {
  let state = states.get(db);
  if (!state) states.set(db, (state = { index: null, building: null, notBefore: 0, failures: 0 }));
  return state;
};

async function currentToken(db: Db): Promise<string | null> {
  const [head] = await db.$queryRaw<{ token: string }[]>`SELECT token::text FROM "InitiativeRevision" WHERE id = 1`;
  return head?.token ?? null;
}

function startBuild(db: Db, state: IndexState): Promise<InitiativeIndex> {
  if (state.building) return state.building;
  const started = Date.now();
  state.building = buildInitiativeIndex(db)
    .then(
      (index) => {
        state.index = index;
        state.failures = 0;
        state.notBefore = Date.now() + 2 * (Date.now() - started);
        return index;
      },
      (error: unknown) => {
        state.failures++;
        state.notBefore = Date.now() + Math.min(60_000, 1_000 * 2 ** state.failures);
        throw error;
      },
    )
    .finally(() => (state.building = null));
  return state.building;
}

/**
 * The index if it holds what the database holds now; otherwise null, and a
 * rebuild starts (one at a time per client) for the searches that follow.
 * Null also when the revision cannot be read: the search then runs in SQL,
 * which reports a database that is down.
 */
export async function freshInitiativeIndex(db: Db): Promise<InitiativeIndex | null> {
  let token: string | null;
  try {
    token = await currentToken(db);
  } catch (error) {
    logger.warn({ err: error }, "search index revision unreadable: searching in SQL");
    return null;
  }
  if (!token) return null;
  const state = stateOf(db);
  if (state.index?.token === token) return state.index;
  if (!state.building && Date.now() >= state.notBefore) {
    startBuild(db, state).catch((error: unknown) => logger.warn({ err: error }, "search index build failed: searching in SQL"));
  }
  return null;
}

/** Waits until the index holds the database's current revision, building at once (benchmarks and tests). */
export async function awaitInitiativeIndex(db: Db): Promise<InitiativeIndex> {
  const state = stateOf(db);
  for (;;) {
    const token = await currentToken(db);
    if (!token) throw new Error("InitiativeRevision has no row: apply the migrations.");
    if (state.index?.token === token) return state.index;
    await startBuild(db, state);
  }
}
