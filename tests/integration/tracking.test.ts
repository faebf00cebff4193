import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { updateInitiative } from "@/lib/initiatives/save-initiative";
import { snapshotInitiative } from "@/lib/initiatives/get-initiative-snapshot";
import { countFacets, searchInitiatives } from "@/lib/initiatives/search-initiatives";
import { serializeDocument } from "@/lib/matrix/document";
import { exportMatrix } from "@/lib/matrix/export-matrix";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { mergeMechanisms } from "@/lib/mechanisms/manage-mechanisms";
import { addDays, todayInQuito } from "@/lib/tracking/days";
import { createCounterpart } from "@/lib/tracking/manage-catalogues";
import { createInstrument } from "@/lib/tracking/manage-instruments";
import { postProgressUpdate } from "@/lib/tracking/post-progress-update";
import { setOwnership } from "@/lib/tracking/set-ownership";
import { TrackingConflictError } from "@/lib/tracking/tracking-conflict";
import { createPrismaClient } from "@/lib/db/client";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("seguimiento de iniciativas en PostgreSQL", () => {
  let database: TestDatabase;
  let planner: { id: number; email: string; name: string };
  const today = todayInQuito();
  const version = async (id: number) => (await database.db.initiative.findUniqueOrThrow({ where: { id } })).trackingVersion;
  const query = (params: Record<string, string | string[]>) => parseInitiativeQuery(params).query;

  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
    ({ user: planner } = await createUser(
      database.db,
      { email: "planifica@quito.gob.ec", name: "Planificadora", role: "PLANNER", password: "sol de verano en el parque" },
      null,
    ));
  });
  afterAll(() => database?.drop());

  it("la migración siembra las secretarías de la introducción y ninguna iniciativa tiene responsable", async () => {
    const names = (await database.db.secretariat.findMany()).map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["Secretaría de Salud", "Secretaría General", "Secretaría de Movilidad", "Secretaría de Inclusión Social"]),
    );
    expect(names).toHaveLength(12);
    expect(await database.db.initiative.count({ where: { leadSecretariatId: { not: null } } })).toBe(0);
  });

  it("un avance cambia estado, avance y frescura en la misma transacción que su auditoría", async () => {
    const before = await version(2);
    await postProgressUpdate(
      database.db,
      {
        initiativeId: 2,
        trackingVersion: before,
        occurredOn: today,
        note: "Convenio en revisión jurídica",
        status: "EN_EJECUCION",
        progress: 35,
      },
      planner,
    );
    const initiative = await database.db.initiative.findUniqueOrThrow({ where: { id: 2 }, include: { progressUpdates: true } });
    expect(initiative).toMatchObject({ status: "EN_EJECUCION", progress: 35, trackingVersion: before + 1 });
    expect(initiative.lastUpdateOn?.toISOString().slice(0, 10)).toBe(today);
    expect(initiative.progressUpdates).toHaveLength(1);
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { action: "progress.create", entityId: "2" } });
    expect(event.userEmail).toBe("planifica@quito.gob.ec");

    // A note without status or figure keeps both, and a back-dated note does not make it look older.
    await postProgressUpdate(
      database.db,
      { initiativeId: 2, trackingVersion: before + 1, occurredOn: addDays(today, -200), note: "Nota atrasada" },
      planner,
    );
    const after = await database.db.initiative.findUniqueOrThrow({ where: { id: 2 } });
    expect(after).toMatchObject({ status: "EN_EJECUCION", progress: 35 });
    expect(after.lastUpdateOn?.toISOString().slice(0, 10)).toBe(today);

    // A back-dated note with its own figures joins the timeline, but the newest note stays the current state.
    await postProgressUpdate(
      database.db,
      {
        initiativeId: 2,
        trackingVersion: before + 2,
        occurredOn: addDays(today, -30),
        note: "Informe de octubre",
        status: "POR_INICIAR",
        progress: 10,
      },
      planner,
    );
    const backdated = await database.db.initiative.findUniqueOrThrow({ where: { id: 2 }, include: { progressUpdates: true } });
    expect(backdated).toMatchObject({ status: "EN_EJECUCION", progress: 35, trackingVersion: before + 3 });
    expect(backdated.progressUpdates).toHaveLength(3);
  });

  it("un avance sobre una versión vieja se rechaza y no escribe nada", async () => {
    const stale = await version(3);
    await postProgressUpdate(database.db, { initiativeId: 3, trackingVersion: stale, occurredOn: today, note: "Primero" }, planner);
    await expect(
      postProgressUpdate(
        database.db,
        { initiativeId: 3, trackingVersion: stale, occurredOn: today, note: "Segundo", progress: 90 },
        planner,
      ),
    ).rejects.toBeInstanceOf(TrackingConflictError);
    expect(await database.db.progressUpdate.count({ where: { initiativeId: 3 } })).toBe(1);
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: 3 } })).progress).toBeNull();
  });

  it("de muchos avances simultáneos sobre la misma versión gana exactamente uno", async () => {
    const stale = await version(4);
    const clients = Array.from({ length: 6 }, () => createPrismaClient(database.url));
    try {
      const results = await Promise.allSettled(
        clients.map((db, n) =>
          postProgressUpdate(
            db,
            { initiativeId: 4, trackingVersion: stale, occurredOn: today, note: `Intento ${n}`, progress: n * 10 },
            planner,
          ),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected" && r.reason instanceof AppError && r.reason.code === "conflict")).toHaveLength(
        5,
      );
      expect(await database.db.progressUpdate.count({ where: { initiativeId: 4 } })).toBe(1);
    } finally {
      await Promise.all(clients.map((db) => db.$disconnect()));
    }
  });

  it("responsables, filtros y conteos de la tabla: estado, responsable, sin responsable y desactualizadas", async () => {
    const salud = await database.db.secretariat.findUniqueOrThrow({ where: { slug: "salud" } });
    const educacion = await database.db.secretariat.findUniqueOrThrow({ where: { slug: "educacion" } });
    await setOwnership(
      database.db,
      { initiativeId: 2, trackingVersion: await version(2), leadSecretariatId: salud.id, supportingSecretariatIds: [educacion.id] },
      planner,
    );
    await expect(
      setOwnership(
        database.db,
        { initiativeId: 2, trackingVersion: 1, leadSecretariatId: educacion.id, supportingSecretariatIds: [] },
        planner,
      ),
    ).rejects.toBeInstanceOf(TrackingConflictError);

    const bySalud = await searchInitiatives(database.db, query({ responsable: "salud" }));
    expect(bySalud.data.map((r) => r.id)).toEqual([2]);
    expect(bySalud.data[0]).toMatchObject({
      status: "EN_EJECUCION",
      progress: 35,
      leadSecretariat: { slug: "salud" },
      lastUpdateOn: today,
    });
    expect((await searchInitiatives(database.db, query({ responsable: "ninguna" }))).count).toBe(113);
    expect((await searchInitiatives(database.db, query({ estado: "en-ejecucion" }))).data.map((r) => r.id)).toEqual([2]);
    // Initiatives 2, 3 and 4 were updated today; the other 111 never were.
    expect((await searchInitiatives(database.db, query({ desactualizadas: "si" }))).count).toBe(111);

    const facets = await countFacets(database.db, query({ responsable: "salud" }));
    expect(facets.secretariats).toMatchObject({ salud: 1, ninguna: 113 });
    expect(facets.statuses).toMatchObject({ "en-ejecucion": 1 });
    expect(facets.managementObjectives).toEqual({ "1.1": 1 });
  });

  it("un instrumento se firma bajo un mecanismo del propio objetivo; editar la iniciativa lo conserva y quitar su objetivo se rechaza", async () => {
    const objective = await database.db.articulationObjective.findFirstOrThrow({
      where: { initiativeId: 5 },
      orderBy: { position: "asc" },
      include: { mechanisms: true },
    });
    const own = objective.mechanisms[0]!.mechanismId;
    const foreign = await database.db.mechanism.findFirstOrThrow({
      where: { id: { notIn: objective.mechanisms.map((m) => m.mechanismId) } },
    });
    const counterpart = await createCounterpart(
      database.db,
      { name: "Universidad Central del Ecuador", type: "universidades-academia" },
      planner,
    );
    const base = {
      articulationObjectiveId: objective.id,
      counterpartId: counterpart.id,
      title: "Convenio marco",
      signedOn: addDays(today, -300),
    };
    await expect(createInstrument(database.db, { ...base, mechanismId: foreign.id, endsOn: addDays(today, 30) }, planner)).rejects.toThrow(
      /mecanismos de este objetivo/,
    );
    await createInstrument(database.db, { ...base, mechanismId: own, endsOn: addDays(today, 30) }, planner);

    expect((await searchInitiatives(database.db, query({ vencen: "si" }))).data.map((r) => r.id)).toEqual([5]);

    const { snapshot, version: v } = (await snapshotInitiative(database.db, 5))!;
    const objectives = snapshot.articulationObjectives.map((o) => ({
      id: o.id,
      text: o.text,
      mechanismIds: o.mechanisms.map((m) => m.id),
    }));
    // Reword the objective and add another before it: the instrument follows its objective.
    const edited = [
      { text: "Un objetivo nuevo al principio", mechanismIds: [] },
      { ...objectives[0]!, text: `${objectives[0]!.text} (revisado)` },
      ...objectives.slice(1),
    ];
    await updateInitiative(
      database.db,
      { id: 5, version: v, name: snapshot.name, managementObjectiveCode: snapshot.managementObjectiveCode, articulationObjectives: edited },
      planner,
    );
    const kept = await database.db.instrument.findFirstOrThrow({ include: { articulationObjective: true } });
    expect(kept.articulationObjective).toMatchObject({ id: objective.id, position: 1 });
    expect(kept.articulationObjective.text).toMatch(/\(revisado\)$/);

    const now = (await snapshotInitiative(database.db, 5))!;
    const withoutIt = now.snapshot.articulationObjectives
      .filter((o) => o.id !== objective.id)
      .map((o) => ({ id: o.id, text: o.text, mechanismIds: o.mechanisms.map((m) => m.id) }));
    await expect(
      updateInitiative(
        database.db,
        {
          id: 5,
          version: now.version,
          name: now.snapshot.name,
          managementObjectiveCode: now.snapshot.managementObjectiveCode,
          articulationObjectives: withoutIt,
        },
        planner,
      ),
    ).rejects.toThrow(/instrumentos firmados/);
    expect(await database.db.articulationObjective.count({ where: { initiativeId: 5 } })).toBe(now.snapshot.articulationObjectives.length);

    // Keeping the objective but taking away the mechanism its instrument is signed under is refused too, and writes nothing.
    const withoutType = now.snapshot.articulationObjectives.map((o) => ({
      id: o.id,
      text: o.text,
      mechanismIds: o.mechanisms.map((m) => m.id).filter((id) => o.id !== objective.id || id !== own),
    }));
    await expect(
      updateInitiative(
        database.db,
        {
          id: 5,
          version: now.version,
          name: now.snapshot.name,
          managementObjectiveCode: now.snapshot.managementObjectiveCode,
          articulationObjectives: withoutType,
        },
        planner,
      ),
    ).rejects.toThrow(/es de tipo .*no se puede quitar/);
    expect(
      await database.db.articulationObjectiveMechanism.count({ where: { articulationObjectiveId: objective.id, mechanismId: own } }),
    ).toBe(1);
    expect((await snapshotInitiative(database.db, 5))!.version).toBe(now.version);
  });

  it("exportar con seguimiento → importar en una base vacía → exportar da los mismos bytes", async () => {
    const first = serializeDocument(await exportMatrix(database.db));
    const parsed = JSON.parse(first);
    const two = parsed.initiatives.find((i: { id: number }) => i.id === 2);
    expect(two.tracking).toMatchObject({
      status: "EN_EJECUCION",
      progress: 35,
      leadSecretariat: "Secretaría de Salud",
      supportingSecretariats: ["Secretaría de Educación"],
    });
    expect(two.tracking.updates).toHaveLength(3);
    const five = parsed.initiatives.find((i: { id: number }) => i.id === 5);
    expect(five.articulationObjectives[1].instruments).toEqual([
      expect.objectContaining({ counterpart: "Universidad Central del Ecuador", title: "Convenio marco", endsOn: addDays(today, 30) }),
    ]);
    expect(parsed.counterparts).toEqual([{ name: "Universidad Central del Ecuador", type: "universidades-academia" }]);

    const file = path.join(mkdtempSync(path.join(tmpdir(), "seguimiento-")), "matriz.json");
    writeFileSync(file, first);
    const empty = await createTestDatabase();
    try {
      await importMatrix(empty.db, readMatrixFile(file).document);
      expect(serializeDocument(await exportMatrix(empty.db))).toBe(first);
      // Importing the same file again changes nothing.
      const report = await importMatrix(empty.db, readMatrixFile(file).document);
      expect(report.trackingReplaced).toBe(0);
      expect(report.instrumentsReplaced).toBe(0);

      // A document listing initiative 5's objectives in another order, without instruments:
      // each objective keeps its own instrument, matched by its text, not its position.
      const reordered = readMatrixFile(file).document;
      const target = reordered.initiatives.find((i) => i.id === 5)!;
      target.articulationObjectives = [...target.articulationObjectives].reverse().map(({ instruments: _, ...o }) => o);
      await importMatrix(empty.db, reordered);
      const signed = await empty.db.instrument.findFirstOrThrow({ include: { articulationObjective: true, mechanism: true } });
      expect(signed.articulationObjective.text).toBe(five.articulationObjectives[1].text);
      expect(signed.articulationObjective.position).toBe(target.articulationObjectives.length - 2);

      // Taking away the mechanism the instrument is signed under is refused, and leaves the database as it was.
      const before = serializeDocument(await exportMatrix(empty.db));
      const stripped = structuredClone(reordered);
      const objective = stripped.initiatives
        .find((i) => i.id === 5)!
        .articulationObjectives.find((o) => o.text === signed.articulationObjective.text)!;
      objective.mechanisms = objective.mechanisms.filter((name) => name !== signed.mechanism.name);
      await expect(importMatrix(empty.db, stripped)).rejects.toThrow(/es de tipo .*no se puede quitar/);
      expect(serializeDocument(await exportMatrix(empty.db))).toBe(before);
    } finally {
      await empty.drop();
    }
  });

  it("cada conteo de opción coincide con lo que la tabla muestra al elegirla, con cualquier combinación de filtros", async () => {
    const queries: Record<string, string | string[]>[] = [
      {},
      { q: "salud" },
      { objetivo: "1.1" },
      { desarrollo: "2", estado: "por-iniciar" },
      { responsable: ["salud", "ninguna"], q: "estrategia" },
      { mecanismo: ["convenios", "acuerdos"], modo: "todos", objetivo: ["1.1", "1.2"] },
      { mecanismo: "convenios", estado: ["en-ejecucion", "por-iniciar"], desactualizadas: "si" },
    ];
    const count = async (params: Record<string, string | string[]>) => (await searchInitiatives(database.db, query(params))).count;
    for (const params of queries) {
      const facets = await countFacets(database.db, query(params));
      const checks: [Record<string, number>, string, string[]][] = [
        [facets.developmentObjectives, "desarrollo", ["1", "2", "3"]],
        [facets.managementObjectives, "objetivo", ["1.1", "2.1", "3.2"]],
        [facets.statuses, "estado", ["por-iniciar", "en-ejecucion", "concluida"]],
        [facets.secretariats, "responsable", ["salud", "ninguna", "general"]],
        [facets.mechanisms, "mecanismo", ["convenios", "acuerdos", "alianzas-estrategicas"]],
      ];
      for (const [got, key, options] of checks) {
        for (const option of options) {
          const selected = [params[key] ?? []].flat();
          const value = key === "mecanismo" && params.modo === "todos" ? [...new Set([...selected, option])] : [option];
          expect(got[option] ?? 0, `${JSON.stringify(params)} → ${key}=${option}`).toBe(await count({ ...params, [key]: value }));
        }
      }
    }
  });

  it("fusionar mecanismos traslada también los instrumentos firmados", async () => {
    const instrument = await database.db.instrument.findFirstOrThrow({ include: { mechanism: true } });
    const target = await database.db.mechanism.findFirstOrThrow({ where: { id: { not: instrument.mechanismId } } });
    await mergeMechanisms(database.db, { sourceId: instrument.mechanismId, targetId: target.id }, planner);
    expect((await database.db.instrument.findUniqueOrThrow({ where: { id: instrument.id } })).mechanismId).toBe(target.id);
  });
});
