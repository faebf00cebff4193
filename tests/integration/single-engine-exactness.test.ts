import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInitiativeQuery, type InitiativeQuery } from "@/lib/initiatives/initiative-query";
import { countFacets, matchingInitiativeIds, searchTable } from "@/lib/initiatives/search-initiatives";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { foldText, initiativeSearchText, searchTerms } from "@/lib/text/search-text";
import { todayInQuito } from "@/lib/tracking/days";
import { staleCutoff } from "@/lib/tracking/freshness";
import { NO_OWNER } from "@/lib/tracking/secretariats";
import { STATUS_SLUGS, STATUSES } from "@/lib/tracking/statuses";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { prng } from "../support/prng";

/**
 * The one read engine against a naive filter written here, over the same rows:
 * random combinations of every filter, compared on the matched ids in order,
 * the count and every facet count. The rows get random tracking state first, so
 * status, lead, freshness and archive filters have something to tell apart.
 */
interface NaiveRow {
  id: number;
  position: number;
  foldedName: string;
  searchText: string;
  dev: string;
  mo: string;
  mechanisms: Set<string>;
  status: string;
  lead: string;
  lastUpdateOn: string | null;
  archived: boolean;
}

describe("un solo motor de lectura frente a un filtro ingenuo sobre las mismas filas", () => {
  let database: TestDatabase;
  let rows: NaiveRow[];
  const random = prng(20261203);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const some = <T>(items: readonly T[], max: number) => [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(items))),
  ];
  const today = todayInQuito();

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await importMatrix(db, readMatrixFile(SEED_SOURCE).document);
    const secretariats = await db.secretariat.findMany({ select: { id: true } });
    expect(secretariats.length).toBeGreaterThan(2);
    for (const { id } of await db.initiative.findMany({ select: { id: true } })) {
      const days = Math.floor(random() * 200);
      await db.initiative.update({
        where: { id },
        data: {
          status: pick(STATUSES),
          leadSecretariatId: random() < 0.2 ? null : pick(secretariats).id,
          lastUpdateOn: random() < 0.2 ? null : new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000),
          archivedAt: random() < 0.1 ? new Date() : null,
        },
      });
    }
    const initiatives = await db.initiative.findMany({
      include: {
        managementObjective: { include: { developmentObjective: true } },
        leadSecretariat: true,
        articulationObjectives: {
          orderBy: { position: "asc" },
          include: { mechanisms: { orderBy: { position: "asc" }, include: { mechanism: true } } },
        },
      },
    });
    rows = initiatives.map((i) => {
      const mechanisms = i.articulationObjectives.flatMap((o) => o.mechanisms.map((m) => m.mechanism));
      return {
        id: i.id,
        position: i.position,
        foldedName: foldText(i.name),
        searchText: initiativeSearchText(
          i.name,
          i.articulationObjectives.map((o) => o.text),
          mechanisms.map((m) => m.name),
        ),
        dev: i.managementObjective.developmentObjective.code,
        mo: i.managementObjective.code,
        mechanisms: new Set(mechanisms.map((m) => m.slug)),
        status: STATUS_SLUGS[i.status],
        lead: i.leadSecretariat?.slug ?? NO_OWNER,
        lastUpdateOn: i.lastUpdateOn?.toISOString().slice(0, 10) ?? null,
        archived: i.archivedAt !== null,
      };
    });
  });
  afterAll(() => database?.drop());

  type Params = Record<string, string | string[]>;
  type Facet = "desarrollo" | "objetivo" | "mecanismo" | "estado" | "responsable";

  /** Does the row meet every filter of the params, leaving out one facet's? */
  function keeps(row: NaiveRow, params: Params, leaveOut: Facet | null) {
    const list = (key: string) => (params[key] === undefined ? [] : ([] as string[]).concat(params[key]!));
    if (row.archived !== (params.archivadas === "si")) return false;
    if (!searchTerms(String(params.q ?? "")).every((term) => row.searchText.includes(term))) return false;
    if (leaveOut !== "desarrollo" && list("desarrollo").length > 0 && !list("desarrollo").includes(row.dev)) return false;
    if (leaveOut !== "objetivo" && list("objetivo").length > 0 && !list("objetivo").includes(row.mo)) return false;
    const mechanisms = list("mecanismo");
    if (mechanisms.length > 0) {
      if (params.modo === "todos") {
        if (!mechanisms.every((m) => row.mechanisms.has(m))) return false;
      } else if (leaveOut !== "mecanismo" && !mechanisms.some((m) => row.mechanisms.has(m))) return false;
    }
    if (leaveOut !== "estado" && list("estado").length > 0 && !list("estado").includes(row.status)) return false;
    if (leaveOut !== "responsable" && list("responsable").length > 0 && !list("responsable").includes(row.lead)) return false;
    if (params.desactualizadas === "si" && !(row.lastUpdateOn === null || row.lastUpdateOn < staleCutoff(today))) return false;
    return true;
  }

  function naiveFacets(params: Params) {
    const tally = (facet: Facet, key: (row: NaiveRow) => string[]) => {
      const counts: Record<string, number> = {};
      for (const row of rows) {
        if (!keeps(row, params, facet)) continue;
        for (const k of key(row)) counts[k] = (counts[k] ?? 0) + 1;
      }
      return counts;
    };
    return {
      developmentObjectives: tally("desarrollo", (r) => [r.dev]),
      managementObjectives: tally("objetivo", (r) => [r.mo]),
      mechanisms: tally("mecanismo", (r) => [...r.mechanisms]),
      statuses: tally("estado", (r) => [r.status]),
      secretariats: tally("responsable", (r) => [r.lead]),
    };
  }

  /** The table's page of 100 is the first 100 expected ids, its count theirs, and its facets the naive ones. */
  async function expectTable(query: InitiativeQuery, params: Params, expected: number[]) {
    const label = JSON.stringify(params);
    const { page, facets } = await searchTable(database.db, query);
    expect(page.count, label).toBe(expected.length);
    expect(
      page.data.map((r) => r.id),
      label,
    ).toEqual(expected.slice(0, 100));
    // The indicator, milestone and report facets have their own comparison (indicator-filters.test.ts).
    const { indicatorStatuses: _i, lateMilestones: _l, reportStates: _r, reportPeriod: _p, ...base } = facets;
    expect(base, label).toEqual(naiveFacets(params));
    return facets;
  }

  function randomParams(): Params {
    const params: Params = {};
    const words = rows.flatMap((r) => r.searchText.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
    if (random() < 0.4) params.q = random() < 0.5 ? pick(words) : pick(words).slice(1, 4);
    if (random() < 0.3) params.desarrollo = some([...new Set(rows.map((r) => r.dev))], 2);
    if (random() < 0.3) params.objetivo = some([...new Set(rows.map((r) => r.mo))], 3);
    if (random() < 0.5) params.mecanismo = some([...new Set(rows.flatMap((r) => [...r.mechanisms]))], 2);
    if (random() < 0.3) params.modo = "todos";
    if (random() < 0.3) params.estado = some([...new Set(rows.map((r) => r.status))], 2);
    if (random() < 0.3) params.responsable = some([...new Set(rows.map((r) => r.lead))], 2);
    if (random() < 0.2) params.desactualizadas = "si";
    if (random() < 0.1) params.archivadas = "si";
    return params;
  }

  it("200 combinaciones al azar: mismas iniciativas, mismo orden por nombre y mismos conteos por opción", async () => {
    let nonEmpty = 0;
    for (let n = 0; n < 200; n++) {
      const params = randomParams();
      const dir = random() < 0.5 ? "asc" : "desc";
      const { query } = parseInitiativeQuery({ ...params, orden: "nombre", dir, por: "100" });
      const expected = rows
        .filter((row) => keeps(row, params, null))
        .sort((a, b) => {
          const byName = a.foldedName < b.foldedName ? -1 : a.foldedName > b.foldedName ? 1 : 0;
          return (dir === "desc" ? -byName : byName) || a.position - b.position || a.id - b.id;
        })
        .map((row) => row.id);
      const label = JSON.stringify(params);
      expect(await matchingInitiativeIds(database.db, query), label).toEqual(expected);
      const facets = await expectTable(query, params, expected);
      expect(await countFacets(database.db, query), label).toEqual(facets);
      if (expected.length > 0) nonEmpty++;
    }
    // Random filters mostly match nothing if they are too narrow: the comparison must have had rows to compare.
    expect(nonEmpty).toBeGreaterThan(60);
  });

  it("términos de una y dos letras, sin índice que los acelere: mismas iniciativas en orden de relevancia y mismos conteos", async () => {
    const letters = [...new Set(rows.flatMap((r) => [...r.searchText.replace(/[^\p{L}\p{N}]+/gu, "")]))];
    for (let n = 0; n < 60; n++) {
      const params = { ...randomParams(), q: some(letters, 2).join("") + (random() < 0.3 ? ` ${pick(letters)}` : "") };
      const { query } = parseInitiativeQuery({ ...params, por: "100" });
      const terms = searchTerms(params.q);
      const inName = (row: NaiveRow) => terms.filter((t) => row.foldedName.includes(t)).length;
      const expected = rows
        .filter((row) => keeps(row, params, null))
        .sort(
          (a, b) =>
            inName(b) - inName(a) ||
            a.searchText.indexOf(terms[0]!) - b.searchText.indexOf(terms[0]!) ||
            a.position - b.position ||
            a.id - b.id,
        )
        .map((row) => row.id);
      await expectTable(query, params, expected);
    }
  });
});
