import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { addDays, dayToDate } from "@/lib/tracking/days";
import { computeDashboard } from "@/lib/tracking/get-dashboard";
import { computeObjectiveReport } from "@/lib/tracking/get-objective-report";
import { createTestDatabase, type TestDatabase } from "../support/database";

// The modules are marked server-only, for Next's bundles; the functions under test take this test's client.
vi.mock("server-only", () => ({}));

const TODAY = "2026-06-15";

describe("tablero de seguimiento", () => {
  let database: TestDatabase;
  // In 1.1: a fresh one, a stale one, one never updated and without owner, one exactly at the 90-day limit.
  type Row = { id: number; name: string };
  let fresh: Row;
  let old: Row;
  let never: Row;
  let atLimit: Row;
  // In development objective 2: a stale one, and an archived one that must not count anywhere.
  let other: Row;
  let archived: Row;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await importMatrix(db, readMatrixFile(SEED_SOURCE).document);
    const lead = (await db.secretariat.findFirst({ orderBy: { id: "asc" } }))!;
    // Everything starts owned and up to date, so only what the test sets shows up in the lists.
    await db.initiative.updateMany({ data: { leadSecretariatId: lead.id, lastUpdateOn: dayToDate(TODAY) } });

    const select = { id: true, name: true } as const;
    [fresh, old, never, atLimit] = (await db.initiative.findMany({
      where: { managementObjective: { code: "1.1" } },
      orderBy: { position: "asc" },
      take: 4,
      select,
    })) as [Row, Row, Row, Row];
    [other, archived] = (await db.initiative.findMany({
      where: { managementObjective: { developmentObjective: { code: "2" } } },
      orderBy: { position: "asc" },
      take: 2,
      select,
    })) as [Row, Row];

    const set = (id: number, data: Parameters<typeof db.initiative.update>[0]["data"]) => db.initiative.update({ where: { id }, data });
    await set(fresh.id, { status: "EN_EJECUCION", progress: 40, lastUpdateOn: dayToDate(addDays(TODAY, -10)) });
    await set(old.id, { status: "CONCLUIDA", progress: 100, lastUpdateOn: dayToDate(addDays(TODAY, -100)) });
    await set(never.id, { lastUpdateOn: null, leadSecretariatId: null });
    await set(atLimit.id, { lastUpdateOn: dayToDate(addDays(TODAY, -90)) });
    await set(other.id, { status: "SUSPENDIDA", progress: 20, lastUpdateOn: dayToDate(addDays(TODAY, -91)) });
    await set(archived.id, { archivedAt: new Date(), status: "CANCELADA", progress: 90, lastUpdateOn: null, leadSecretariatId: null });

    await db.progressUpdate.create({
      data: {
        initiativeId: fresh.id,
        occurredOn: dayToDate(addDays(TODAY, -10)),
        note: "Mesa técnica instalada.",
        progress: 40,
        authorName: "Ana",
        authorEmail: "ana@quito.gob.ec",
      },
    });

    const counterpart = await db.counterpart.create({ data: { name: "Universidad Central del Ecuador", type: "universidades-academia" } });
    const instrument = async (initiativeId: number, title: string, endsOn: string) => {
      const objective = (await db.articulationObjective.findFirst({
        where: { initiativeId },
        orderBy: { position: "asc" },
        include: { mechanisms: true },
      }))!;
      const mechanismId = objective.mechanisms[0]?.mechanismId ?? (await db.mechanism.findFirstOrThrow()).id;
      await db.instrument.create({
        data: {
          articulationObjectiveId: objective.id,
          mechanismId,
          counterpartId: counterpart.id,
          title,
          signedOn: dayToDate("2025-01-10"),
          endsOn: dayToDate(endsOn),
        },
      });
    };
    await instrument(fresh.id, "Convenio en 30 días", addDays(TODAY, 30));
    await instrument(fresh.id, "Convenio en 91 días", addDays(TODAY, 91));
    await instrument(fresh.id, "Convenio vencido ayer", addDays(TODAY, -1));
    await instrument(other.id, "Acuerdo que vence hoy", TODAY);
    await instrument(other.id, "Acuerdo en 90 días", addDays(TODAY, 90));
    await instrument(archived.id, "Convenio de una archivada", addDays(TODAY, 5));
  });
  afterAll(() => database?.drop());

  it("lista las desactualizadas (sin avance o con el último antes de 90 días), las nunca actualizadas primero", async () => {
    const { stale } = await computeDashboard(database.db, TODAY);
    expect(stale.count).toBe(3);
    expect(stale.neverUpdated).toBe(1);
    expect(stale.first).toEqual([
      { id: never.id, name: never.name, lastUpdateOn: null },
      { id: old.id, name: old.name, lastUpdateOn: addDays(TODAY, -100) },
      { id: other.id, name: other.name, lastUpdateOn: addDays(TODAY, -91) },
    ]);
  });

  it("cuenta las iniciativas sin secretaría responsable, sin las archivadas", async () => {
    const { unowned } = await computeDashboard(database.db, TODAY);
    expect(unowned).toEqual({ count: 1, first: [{ id: never.id, name: never.name }] });
  });

  it("lista los instrumentos que vencen entre hoy y hoy + 90 días, por fecha de fin", async () => {
    const { endingSoon } = await computeDashboard(database.db, TODAY);
    expect(endingSoon.instruments.map((i) => [i.title, i.endsOn, i.initiative.id])).toEqual([
      ["Acuerdo que vence hoy", TODAY, other.id],
      ["Convenio en 30 días", addDays(TODAY, 30), fresh.id],
      ["Acuerdo en 90 días", addDays(TODAY, 90), other.id],
    ]);
    expect(endingSoon.initiatives).toBe(2);
    expect(endingSoon.instruments[0]!.counterpart).toEqual({ name: "Universidad Central del Ecuador", type: "universidades-academia" });
    expect(endingSoon.instruments[0]!.type).toEqual(expect.any(String));
  });

  it("agrega el avance ignorando los nulos y cuenta los estados por objetivo, en orden del documento", async () => {
    const dashboard = await computeDashboard(database.db, TODAY);
    expect(dashboard.development.map((d) => d.code)).toEqual(["1", "2", "3"]);
    expect(dashboard.overall.total).toBe(113);
    expect(dashboard.overall.rollup).toEqual({ average: 53.3, counted: 3, ignored: 110, coverage: 2.7, sufficient: false });
    expect(dashboard.minCoverage).toBe(50);

    const one = dashboard.development[0]!;
    const management = one.management.find((m) => m.code === "1.1")!;
    expect(one.management[0]!.code).toBe("1.1");
    expect(management.rollup).toMatchObject({ average: 70, counted: 2, ignored: management.total - 2 });
    expect(one.rollup).toMatchObject({ average: 70, counted: 2 });
    expect(management.byStatus).toEqual({ POR_INICIAR: management.total - 2, EN_EJECUCION: 1, CONCLUIDA: 1, SUSPENDIDA: 0, CANCELADA: 0 });

    const two = dashboard.development[1]!;
    expect(two.rollup).toMatchObject({ average: 20, counted: 1 });
    expect(two.byStatus.SUSPENDIDA).toBe(1);
    expect(two.byStatus.CANCELADA).toBe(0);
    expect(two.total).toBe(two.management.reduce((n, m) => n + m.total, 0));
    expect(dashboard.development[2]!.rollup).toMatchObject({ average: null, counted: 0 });
  });

  it("cuenta las iniciativas vigentes que usan cada mecanismo, las más usadas primero", async () => {
    const { mechanisms } = await computeDashboard(database.db, TODAY);
    expect(mechanisms.length).toBeGreaterThan(0);
    expect(mechanisms.map((m) => m.initiatives)).toEqual(mechanisms.map((m) => m.initiatives).sort((a, b) => b - a));
    const top = (await database.db.mechanism.findUniqueOrThrow({ where: { slug: mechanisms[0]!.slug } })).id;
    expect(mechanisms[0]!.initiatives).toBe(
      await database.db.initiative.count({ where: { archivedAt: null, mechanismSet: { mechanismIds: { has: top } } } }),
    );
  });

  it("el informe de un objetivo trae sus iniciativas vigentes en orden, con responsables, último avance e instrumentos", async () => {
    const report = (await computeObjectiveReport(database.db, "1.1"))!;
    expect(report.kind).toBe("management");
    expect(report.parent?.code).toBe("1");
    const [group] = report.groups;
    expect(group!.initiatives.slice(0, 4).map((i) => i.id)).toEqual([fresh.id, old.id, never.id, atLimit.id]);
    const first = group!.initiatives[0]!;
    expect(first).toMatchObject({
      status: "EN_EJECUCION",
      progress: 40,
      lastUpdateOn: addDays(TODAY, -10),
      latestUpdate: { note: "Mesa técnica instalada.", authorName: "Ana" },
    });
    expect(first.lead).toEqual(expect.any(String));
    expect(first.instruments.map((i) => i.title)).toEqual(["Convenio en 30 días", "Convenio en 91 días", "Convenio vencido ayer"]);
    expect(group!.initiatives.find((i) => i.id === never.id)).toMatchObject({ lead: null, latestUpdate: null, lastUpdateOn: null });
    expect(report.rollup).toMatchObject({ average: 70, counted: 2 });
    expect(report.byStatus).toMatchObject({ EN_EJECUCION: 1, CONCLUIDA: 1 });

    const development = (await computeObjectiveReport(database.db, "2"))!;
    expect(development.kind).toBe("development");
    expect(development.groups.flatMap((g) => g.initiatives.map((i) => i.id))).not.toContain(archived.id);
    expect(development.total).toBe(development.groups.reduce((n, g) => n + g.initiatives.length, 0));
    expect(await computeObjectiveReport(database.db, "9.9")).toBeNull();
    expect(await computeObjectiveReport(database.db, "9")).toBeNull();
  });
});
