import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { searchTerms } from "@/lib/text/search-text";
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
}

type Filter = "desarrollo" | "objetivo" | "mecanismo";

const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** WHERE conditions over i (Initiative), mo (ManagementObjective), d (DevelopmentObjective), leaving out `skip`. */
function conditions(query: InitiativeQuery, terms: string[], skip?: Filter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`i."archivedAt" IS NULL`];
  if (skip !== "desarrollo" && query.desarrollo.length > 0) parts.push(Prisma.sql`d.code IN (${Prisma.join(query.desarrollo)})`);
  if (skip !== "objetivo" && query.objetivo.length > 0) parts.push(Prisma.sql`mo.code IN (${Prisma.join(query.objetivo)})`);
  if (skip !== "mecanismo" && query.mecanismo.length > 0) {
    const uses = (slugs: string[]) => Prisma.sql`EXISTS (
      SELECT 1 FROM "ArticulationObjective" a
      JOIN "ArticulationObjectiveMechanism" am ON am."articulationObjectiveId" = a.id
      JOIN "Mechanism" m ON m.id = am."mechanismId"
      WHERE a."initiativeId" = i.id AND m.slug IN (${Prisma.join(slugs)}))`;
    if (query.modo === "todos") for (const slug of query.mecanismo) parts.push(uses([slug]));
    else parts.push(uses(query.mecanismo));
  }
  for (const term of terms) parts.push(Prisma.sql`i."searchText" LIKE ${like(term)}`);
  return Prisma.join(parts, " AND ");
}

const FROM = Prisma.sql`"Initiative" i
  JOIN "ManagementObjective" mo ON mo.id = i."managementObjectiveId"
  JOIN "DevelopmentObjective" d ON d.id = mo."developmentObjectiveId"`;

function orderBy(query: InitiativeQuery, terms: string[]): Prisma.Sql {
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  switch (query.orden) {
    case "nombre":
      return Prisma.sql`split_part(i."searchText", E'\\n', 1) ${dir}, i.position`;
    case "objetivo":
      return Prisma.sql`d.position ${dir}, mo.position ${dir}, i.position`;
    case "objetivos":
      return Prisma.sql`(SELECT count(*) FROM "ArticulationObjective" a WHERE a."initiativeId" = i.id) ${dir}, i.position`;
    case "relevancia": {
      if (terms.length === 0) return Prisma.sql`i.position ${dir}`;
      // A term in the name weighs more than one in an articulation objective; closer matches first.
      const inName = Prisma.join(
        terms.map((t) => Prisma.sql`(CASE WHEN split_part(i."searchText", E'\\n', 1) LIKE ${like(t)} THEN 2 ELSE 0 END)`),
        " + ",
      );
      const rank = Prisma.sql`(${inName} + word_similarity(${terms.join(" ")}, i."searchText"))`;
      return query.dir === "desc" ? Prisma.sql`${rank} ASC, i.position` : Prisma.sql`${rank} DESC, i.position`;
    }
    default:
      return Prisma.sql`i.position ${dir}`;
  }
}

/** One page of initiatives for the filters, sorted and counted in PostgreSQL. */
export async function searchInitiatives(db: Db, query: InitiativeQuery): Promise<InitiativePage> {
  const terms = searchTerms(query.q);
  const where = conditions(query, terms);
  const offset = (query.pagina - 1) * query.por;
  const [rows, [{ count }], [{ total }]] = await Promise.all([
    db.$queryRaw<{ id: number; name: string; position: number; moCode: string; moTitle: string; dCode: string }[]>`
      SELECT i.id, i.name, i.position, mo.code AS "moCode", mo.title AS "moTitle", d.code AS "dCode"
      FROM ${FROM} WHERE ${where}
      ORDER BY ${orderBy(query, terms)}
      LIMIT ${query.por} OFFSET ${offset}`,
    db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${FROM} WHERE ${where}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Initiative" i WHERE i."archivedAt" IS NULL`,
  ]);

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

  const data = rows.map((row): InitiativeRow => {
    const own = objectives.filter((o) => o.initiativeId === row.id);
    const mechanisms = new Map<string, { name: string; slug: string }>();
    for (const o of own) for (const link of o.mechanisms) mechanisms.set(link.mechanism.slug, link.mechanism);
    const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    return {
      id: row.id,
      name: row.name,
      position: row.position,
      managementObjective: { code: row.moCode, title: row.moTitle },
      developmentObjectiveCode: row.dCode,
      mechanisms: [...mechanisms.values()],
      objectiveCount: own.length,
      matchingObjective: terms.length ? (own.find((o) => terms.some((t) => folded(o.text).includes(t)))?.text ?? null) : null,
    };
  });

  return {
    data,
    count,
    total,
    currentPage: query.pagina,
    perPage: query.por,
    totalPages: Math.max(1, Math.ceil(count / query.por)),
    terms,
  };
}

/** Every matching id, in the table's order: what an export of "all pages" contains. */
export async function matchingInitiativeIds(db: Db, query: InitiativeQuery): Promise<number[]> {
  const terms = searchTerms(query.q);
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT i.id FROM ${FROM} WHERE ${conditions(query, terms)} ORDER BY ${orderBy(query, terms)}`;
  return rows.map((r) => r.id);
}

/**
 * For each filter option, how many initiatives the table would show with the
 * other filters applied. With "todos", a mechanism's count keeps the other
 * selected mechanisms, as choosing it would.
 */
export async function countFacets(db: Db, query: InitiativeQuery): Promise<FacetCounts> {
  const terms = searchTerms(query.q);
  const mechanismWhere = query.modo === "todos" ? conditions(query, terms) : conditions(query, terms, "mecanismo");
  const [development, management, mechanisms] = await Promise.all([
    db.$queryRaw<{ key: string; n: number }[]>`
      SELECT d.code AS key, count(*)::int AS n FROM ${FROM} WHERE ${conditions(query, terms, "desarrollo")} GROUP BY d.code`,
    db.$queryRaw<{ key: string; n: number }[]>`
      SELECT mo.code AS key, count(*)::int AS n FROM ${FROM} WHERE ${conditions(query, terms, "objetivo")} GROUP BY mo.code`,
    db.$queryRaw<{ key: string; n: number }[]>`
      SELECT m.slug AS key, count(DISTINCT i.id)::int AS n
      FROM ${FROM}
      JOIN "ArticulationObjective" a ON a."initiativeId" = i.id
      JOIN "ArticulationObjectiveMechanism" am ON am."articulationObjectiveId" = a.id
      JOIN "Mechanism" m ON m.id = am."mechanismId"
      WHERE ${mechanismWhere} GROUP BY m.slug`,
  ]);
  const toRecord = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));
  return { developmentObjectives: toRecord(development), managementObjectives: toRecord(management), mechanisms: toRecord(mechanisms) };
}
