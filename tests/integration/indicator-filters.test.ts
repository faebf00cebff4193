import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownedInitiatives } from "@/lib/accountability/queries";
import { describeFilters, exportFileName } from "@/lib/initiatives/describe-filters";
import { saveView } from "@/lib/saved-views/saved-views";
import { type ReportState, reportState } from "@/lib/accountability/report-status";
import { Prisma } from "@/lib/generated/prisma/client";
import { getInitiativeIndicators } from "@/lib/indicators/get-initiative-indicators";
import { getIndicatorOverview } from "@/lib/indicators/indicator-overview";
import { INDICATOR_STATUSES, isMilestoneLate, PLAN_YEARS } from "@/lib/indicators/indicator-math";
import { indicatorStatusesSql } from "@/lib/indicators/indicator-status-sql";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { countFacets, matchingInitiativeIds, searchInitiatives, searchTable } from "@/lib/initiatives/search-initiatives";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { addDays, dateToDay, dayToDate, todayInQuito } from "@/lib/tracking/days";
import { STATUS_SLUGS, STATUSES } from "@/lib/tracking/statuses";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { prng } from "../support/prng";

/**
 * The table's indicator, late-milestone and report filters (ADR 0121) against a naive computation
 * over every initiative with lib/indicators' and lib/accountability's own functions: what each
 * initiative's page shows (getInitiativeIndicators), compared on the matched ids and every facet
 * count, under the default thresholds and under others.
 */
interface NaiveRow {
  id: number;
  position: number;
  mo: string;
  status: string;
  archived: boolean;
  indicatorStatuses: Set<string>;
  late: boolean;
  report: ReportState;
}

describe("filtros por semáforo de indicadores, hitos atrasados y reporte frente a un cálculo ingenuo", () => {
  let database: TestDatabase;
  let rows: NaiveRow[];
  let periodId: number;
  const random = prng(20261204);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const some = <T>(items: readonly T[], max: number) => [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(items))),
  ];
  const today = todayInQuito();
  /** A value with up to three decimals, sometimes zero or negative. */
  const value = (low: number, high: number) => Math.round((low + random() * (high - low)) * 1000) / 1000;
  const randomDay = (from: string, to: string) => {
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    return addDays(from, Math.floor(random() * (span + 1)));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await importMatrix(db, readMatrixFile(SEED_SOURCE).document);
    const initiatives = await db.initiative.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    expect(initiatives.length).toBeGreaterThan(20);
    // Due yesterday: an initiative without a report (or returned) is overdue.
    const period = await db.reportingPeriod.create({
      data: {
        name: "Trimestre de prueba",
        startsOn: dayToDate(addDays(today, -90)),
        endsOn: dayToDate(addDays(today, -5)),
        dueOn: dayToDate(addDays(today, random() < 0.5 ? -1 : 10)),
        open: true,
      },
    });
    periodId = period.id;

    for (const [n, { id }] of initiatives.entries()) {
      await db.initiative.update({
        where: { id },
        data: { status: pick(STATUSES), archivedAt: random() < 0.1 ? new Date() : null },
      });
      if (random() < 0.5)
        await db.periodReport.create({
          data: {
            periodId,
            initiativeId: id,
            status: pick(["SUBMITTED", "RETURNED", "APPROVED"] as const),
            progressStatus: "EN_EJECUCION",
            note: "Reporte de prueba",
            authorName: "Reportera",
            authorEmail: "reporta@quito.gob.ec",
            submittedAt: new Date(),
          },
        });
      if (random() < 0.4)
        for (let m = 0; m < 1 + Math.floor(random() * 3); m++)
          await db.milestone.create({
            data: {
              initiativeId: id,
              title: `Hito ${m + 1}`,
              plannedOn: dayToDate(randomDay(addDays(today, -400), addDays(today, 200))),
              state: pick(["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"] as const),
            },
          });
      // The first initiatives get the borders of the traffic light: exactly 90 % and 70 %, and just under.
      if (n < 5) {
        const indicator = await db.indicator.create({
          data: {
            initiativeId: id,
            name: `Borde ${n}`,
            unit: "%",
            direction: "HIGHER_IS_BETTER",
            baselineYear: 2024,
            baselineValue: 0,
            targets: { create: [{ year: 2024, value: 100 }] },
          },
        });
        await db.measurement.create({
          data: {
            indicatorId: indicator.id,
            measuredOn: dayToDate("2024-12-31"),
            value: [90, 70, 89.99, 69.99, 89.995][n]!,
            authorName: "Planificadora",
            authorEmail: "planifica@quito.gob.ec",
          },
        });
        continue;
      }
      if (random() < 0.35) continue;
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        const baseline = random() < 0.7;
        const baselineYear = 2020 + Math.floor(random() * 11);
        const years = random() < 0.1 ? [] : some(PLAN_YEARS, 5);
        const indicator = await db.indicator.create({
          data: {
            initiativeId: id,
            name: `Indicador ${k + 1}`,
            unit: "u",
            direction: random() < 0.5 ? "HIGHER_IS_BETTER" : "LOWER_IS_BETTER",
            baselineYear: baseline ? baselineYear : null,
            baselineValue: baseline ? value(-20, 120) : null,
            targets: { create: years.map((year) => ({ year, value: value(-10, 200) })) },
          },
        });
        const measured = random() < 0.15 ? 0 : 1 + Math.floor(random() * 4);
        const days = Array.from({ length: measured }, () => randomDay("2019-06-01", today));
        // Two measurements of one day: the one written last is the latest.
        if (days.length > 1 && random() < 0.3) days[1] = days[0]!;
        for (const day of days)
          await db.measurement.create({
            data: {
              indicatorId: indicator.id,
              measuredOn: dayToDate(day),
              value: value(-30, 220),
              authorName: "Planificadora",
              authorEmail: "planifica@quito.gob.ec",
            },
          });
      }
    }
  });
  afterAll(() => database?.drop());

  /** What each initiative's page shows, and its report state for the period. */
  async function naiveRows(): Promise<NaiveRow[]> {
    const { db } = database;
    const period = await db.reportingPeriod.findUniqueOrThrow({ where: { id: periodId } });
    const initiatives = await db.initiative.findMany({
      include: { managementObjective: true, periodReports: { where: { periodId } } },
    });
    return Promise.all(
      initiatives.map(async (i) => {
        const page = await getInitiativeIndicators(db, i.id, today);
        return {
          id: i.id,
          position: i.position,
          mo: i.managementObjective.code,
          status: STATUS_SLUGS[i.status],
          archived: i.archivedAt !== null,
          indicatorStatuses: new Set(page.indicators.map((x) => x.status)),
          late: page.milestones.some((m) => m.late),
          report: reportState({
            report: i.periodReports[0] ?? null,
            initiative: i,
            dueOn: period.dueOn.toISOString().slice(0, 10),
            today,
          }),
        };
      }),
    );
  }

  type Params = Record<string, string | string[]>;
  type Facet = "objetivo" | "estado" | "indicador" | "hitos" | "reporte";
  const list = (params: Params, key: string) => (params[key] === undefined ? [] : ([] as string[]).concat(params[key]!));

  function keeps(row: NaiveRow, params: Params, leaveOut: Facet | null) {
    if (row.archived !== (params.archivadas === "si")) return false;
    if (leaveOut !== "objetivo" && list(params, "objetivo").length > 0 && !list(params, "objetivo").includes(row.mo)) return false;
    if (leaveOut !== "estado" && list(params, "estado").length > 0 && !list(params, "estado").includes(row.status)) return false;
    const wanted = list(params, "indicador");
    if (leaveOut !== "indicador" && wanted.length > 0 && !wanted.some((s) => row.indicatorStatuses.has(s))) return false;
    if (leaveOut !== "hitos" && params.hitos === "atrasados" && !row.late) return false;
    if (leaveOut !== "reporte" && params.reporte !== undefined && row.report !== params.reporte) return false;
    return true;
  }

  function naiveFacets(params: Params) {
    const tally = (facet: Facet, key: (row: NaiveRow) => string[]) => {
      const counts: Record<string, number> = {};
      for (const row of rows) if (keeps(row, params, facet)) for (const k of key(row)) counts[k] = (counts[k] ?? 0) + 1;
      return counts;
    };
    return {
      statuses: tally("estado", (r) => [r.status]),
      indicatorStatuses: tally("indicador", (r) => [...r.indicatorStatuses]),
      lateMilestones: rows.filter((r) => keeps(r, params, "hitos") && r.late).length,
      reportStates: tally("reporte", (r) => [r.report]),
    };
  }

  function randomParams(): Params {
    const params: Params = {};
    if (random() < 0.6) params.indicador = some(INDICATOR_STATUSES, 2);
    if (random() < 0.4) params.hitos = "atrasados";
    if (random() < 0.3) params.reporte = pick(["pendiente", "enviado", "devuelto", "aprobado", "atrasado", "excluido"]);
    if (random() < 0.2) params.objetivo = some([...new Set(rows.map((r) => r.mo))], 4);
    if (random() < 0.3) params.estado = some([...new Set(rows.map((r) => r.status))], 2);
    if (random() < 0.1) params.archivadas = "si";
    return params;
  }

  async function compareAll(combinations: number) {
    rows = await naiveRows();
    // Every indicator, one by one: the SQL traffic light is the one its initiative's page shows.
    const sql = await database.db.$queryRaw<{ indicatorId: number; status: string }[]>(
      Prisma.sql`SELECT s."indicatorId", s.status FROM ${indicatorStatusesSql} s ORDER BY s."indicatorId"`,
    );
    const shown = (await Promise.all(rows.map((r) => getInitiativeIndicators(database.db, r.id, today))))
      .flatMap((page) => page.indicators.map((x) => ({ indicatorId: x.id, status: x.status as string })))
      .sort((a, b) => a.indicatorId - b.indicatorId);
    expect(sql).toEqual(shown);
    // The dashboard counts the same traffic lights (of the initiatives in force), ties of one day read alike.
    const current = new Set(rows.filter((r) => !r.archived).map((r) => r.id));
    const ofCurrent = (
      await database.db.$queryRaw<{ status: string }[]>(
        Prisma.sql`SELECT s.status FROM ${indicatorStatusesSql} s WHERE s."initiativeId" = ANY (${[...current]}::int[])`,
      )
    ).map((x) => x.status);
    const { counts } = await getIndicatorOverview(database.db, today);
    expect(counts).toEqual(Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, ofCurrent.filter((x) => x === s).length])));
    // Every status occurs, or the comparison proves little.
    for (const status of INDICATOR_STATUSES)
      expect(
        shown.some((x) => x.status === status),
        status,
      ).toBe(true);

    let nonEmpty = 0;
    for (let n = 0; n < combinations; n++) {
      const params = randomParams();
      const { query } = parseInitiativeQuery({ ...params, por: "100" });
      const expected = rows
        .filter((row) => keeps(row, params, null))
        .sort((a, b) => a.position - b.position || a.id - b.id)
        .map((row) => row.id);
      const label = JSON.stringify(params);
      expect(await matchingInitiativeIds(database.db, query), label).toEqual(expected);
      expect((await searchInitiatives(database.db, query)).count, label).toBe(expected.length);
      const { page, facets } = await searchTable(database.db, query);
      expect(page.count, label).toBe(expected.length);
      expect(
        page.data.map((r) => r.id),
        label,
      ).toEqual(expected.slice(0, 100));
      const { statuses, indicatorStatuses, lateMilestones, reportStates, reportPeriod } = facets;
      expect({ statuses, indicatorStatuses, lateMilestones, reportStates }, label).toEqual(naiveFacets(params));
      expect(reportPeriod).toEqual({ id: periodId, name: "Trimestre de prueba" });
      expect(await countFacets(database.db, query), label).toEqual(facets);
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(combinations / 4);
  }

  it("con los umbrales por omisión: mismos indicadores en cada estado, mismas iniciativas y mismos conteos", async () => {
    await compareAll(80);
    // The borders: exactly 90 % is on track, 70 % at risk, a hair under each falls to the next colour.
    const borders = await database.db.indicator.findMany({ where: { name: { startsWith: "Borde" } }, orderBy: { name: "asc" } });
    const statusOf = async (indicatorId: number) =>
      (await getInitiativeIndicators(database.db, borders.find((b) => b.id === indicatorId)!.initiativeId, today)).indicators.find(
        (x) => x.id === indicatorId,
      )!.status;
    expect(await Promise.all(borders.slice(0, 4).map((b) => statusOf(b.id)))).toEqual([
      "en-camino",
      "en-riesgo",
      "en-riesgo",
      "fuera-de-ruta",
    ]);
  });

  it("con otros umbrales el filtro cambia con la ficha, sin reescribir nada", async () => {
    await database.db.indicatorSettings.create({ data: { id: 1, onTrackPercent: 89.99, atRiskPercent: 55.5 } });
    await compareAll(50);
  });

  it("hitos atrasados: las mismas iniciativas que el tablero lista", async () => {
    const overview = await getIndicatorOverview(database.db, today);
    const dashboard = [...new Set(overview.lateMilestones.map((m) => m.initiative.id))].sort((a, b) => a - b);
    const { query } = parseInitiativeQuery({ hitos: "atrasados" });
    expect([...(await matchingInitiativeIds(database.db, query))].sort((a, b) => a - b)).toEqual(dashboard);
    expect(dashboard.length).toBeGreaterThan(0);
  });

  it("«Mis iniciativas» lista los hitos atrasados de las iniciativas de sus secretarías, y solo esos", async () => {
    const { db } = database;
    // One secretariat leads every other initiative with milestones: the rest are someone else's.
    const secretariat = await db.secretariat.findFirstOrThrow();
    const withMilestones = await db.initiative.findMany({
      where: { milestones: { some: {} } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    await db.initiative.updateMany({
      where: { id: { in: withMilestones.filter((_, n) => n % 2 === 0).map((i) => i.id) } },
      data: { leadSecretariatId: secretariat.id },
    });
    const user = await db.user.create({ data: { email: "reporta@quito.gob.ec", name: "Reportera", role: "REPORTER", passwordHash: "x" } });
    await db.userSecretariat.create({ data: { userId: user.id, secretariatId: secretariat.id } });
    const owned = await ownedInitiatives(db, user.id, null, today);
    expect(owned.length).toBeGreaterThan(0);
    for (const item of owned) {
      const milestones = await db.milestone.findMany({ where: { initiativeId: item.id }, orderBy: [{ plannedOn: "asc" }, { id: "asc" }] });
      const late = milestones
        .filter((m) => isMilestoneLate({ state: m.state, plannedOn: dateToDay(m.plannedOn) }, today))
        .map((m) => ({ id: m.id, title: m.title, plannedOn: dateToDay(m.plannedOn) }));
      expect(item.lateMilestones, item.name).toEqual(late);
    }
    expect(owned.some((o) => o.lateMilestones.length > 0)).toBe(true);
  });

  it("una vista guardada, la descripción de la exportación y su nombre de archivo llevan los filtros nuevos", async () => {
    const { db } = database;
    const user = await db.user.create({ data: { email: "vistas@quito.gob.ec", name: "Vistas", role: "PLANNER", passwordHash: "x" } });
    const view = await saveView(db, user.id, {
      name: "En riesgo con hitos atrasados",
      query: "indicador=en-riesgo&indicador=fuera-de-ruta&hitos=atrasados&reporte=atrasado&pagina=3",
    });
    expect(view.query).toBe("reporte=atrasado&indicador=en-riesgo&indicador=fuera-de-ruta&hitos=atrasados");
    const { query } = parseInitiativeQuery(new URLSearchParams(view.query));
    expect(await describeFilters(db, query)).toEqual([
      "Reporte: Atrasado",
      "Semáforo de indicadores (alguno): En riesgo, Fuera de ruta",
      "Con hitos atrasados",
    ]);
    expect(exportFileName(query, "2026-12-04", "csv")).toBe(
      "iniciativas-2026-12-04-reporte-atrasado-indicador-en-riesgo-indicador-fuera-de-ruta-hitos-atrasados.csv",
    );
  });
});
