import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { restoreInitiativeVersion, setArchived, updateInitiative, VersionConflictError } from "@/lib/initiatives/save-initiative";
import { initiativeHistory } from "@/lib/initiatives/list-initiative-history";
import { snapshotInitiative } from "@/lib/initiatives/get-initiative-snapshot";
import { searchInitiatives } from "@/lib/initiatives/search-initiatives";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { createUser } from "@/lib/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("edición de iniciativas con control de versiones", () => {
  let database: TestDatabase;
  let actor: { id: number; email: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
    ({ user: actor } = await createUser(
      database.db,
      { email: "editor@quito.gob.ec", name: "Editora", role: "ADMIN", password: "una frase larga para editar" },
      null,
    ));
  });
  afterAll(() => database?.drop());

  const inputFrom = async (id: number) => {
    const { snapshot, version } = (await snapshotInitiative(database.db, id))!;
    return {
      id,
      version,
      name: snapshot.name,
      managementObjectiveCode: snapshot.managementObjectiveCode,
      articulationObjectives: snapshot.articulationObjectives.map((o) => ({ text: o.text, mechanismIds: o.mechanisms.map((m) => m.id) })),
    };
  };

  it("guarda un cambio, sube la versión, actualiza la búsqueda y lo registra con antes y después", async () => {
    const input = await inputFrom(1);
    const after = await updateInitiative(database.db, { ...input, name: "Estrategia de espacios saludables, revisión zafiro" }, actor);
    expect(after.version).toBe(input.version + 1);
    const found = await searchInitiatives(database.db, parseInitiativeQuery({ q: "revision zafiro" }).query);
    expect(found.data.map((r) => r.id)).toEqual([1]);
    const [event] = await initiativeHistory(database.db, 1);
    expect(event).toMatchObject({ action: "initiative.update", userEmail: "editor@quito.gob.ec", version: after.version });
    expect(event!.before!.name).toBe("Estrategia de espacios saludables");
    expect(event!.after.name).toBe("Estrategia de espacios saludables, revisión zafiro");
  });

  it("de muchas conexiones que guardan la misma versión a la vez, gana exactamente una", async () => {
    const input = await inputFrom(2);
    const clients = Array.from({ length: 8 }, () => createPrismaClient(database.url));
    try {
      const results = await Promise.allSettled(
        clients.map((client, n) => updateInitiative(client, { ...input, name: `${input.name} (${n})` }, actor)),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(refused).toHaveLength(7);
      for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
      const stored = (await snapshotInitiative(database.db, 2))!;
      expect(stored.version).toBe(input.version + 1);
      expect(await initiativeHistory(database.db, 2)).toHaveLength(1);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("una versión vieja se rechaza y trae lo guardado, sin escribir nada", async () => {
    const input = await inputFrom(3);
    await updateInitiative(database.db, { ...input, name: "Primera edición" }, actor);
    const error = await updateInitiative(database.db, { ...input, name: "Edición sobre versión vieja" }, actor).catch((e) => e);
    expect(error).toBeInstanceOf(VersionConflictError);
    expect((error as VersionConflictError).current.name).toBe("Primera edición");
    expect((await snapshotInitiative(database.db, 3))!.snapshot.name).toBe("Primera edición");
  });

  it("archivar saca la iniciativa de las vistas por defecto y se puede restaurar", async () => {
    const { version } = (await snapshotInitiative(database.db, 4))!;
    const archived = await setArchived(database.db, 4, version, true, actor);
    expect((await searchInitiatives(database.db, parseInitiativeQuery({}).query)).count).toBe(113);
    await setArchived(database.db, 4, archived.version, false, actor);
    expect((await searchInitiatives(database.db, parseInitiativeQuery({}).query)).count).toBe(114);
    expect((await initiativeHistory(database.db, 4)).map((e) => e.action)).toEqual(["initiative.unarchive", "initiative.archive"]);
  });

  it("restaurar una versión la guarda como una edición más, y lo que ya no cabe en las reglas se rechaza sin escribir", async () => {
    const first = await updateInitiative(database.db, { ...(await inputFrom(7)), name: "Versión primera para restaurar" }, actor);
    const [firstEvent] = await initiativeHistory(database.db, 7);
    const second = await updateInitiative(database.db, { ...(await inputFrom(7)), name: "Versión segunda" }, actor);
    expect(second.version).toBe(first.version + 1);

    await expect(
      restoreInitiativeVersion(database.db, { id: 7, version: first.version, eventId: firstEvent!.id }, actor),
    ).rejects.toBeInstanceOf(VersionConflictError);
    await expect(restoreInitiativeVersion(database.db, { id: 8, version: 1, eventId: firstEvent!.id }, actor)).rejects.toThrow(
      "no existe en el historial",
    );
    const restored = await restoreInitiativeVersion(database.db, { id: 7, version: second.version, eventId: firstEvent!.id }, actor);
    expect(restored.snapshot.name).toBe("Versión primera para restaurar");
    const [restoreEvent] = await initiativeHistory(database.db, 7);
    expect(restoreEvent).toMatchObject({ action: "initiative.restore", version: second.version + 1 });

    // A version saved before today's rules (here: a two-letter name written past the form) is not written back.
    await updateInitiative(database.db, { ...(await inputFrom(7)), name: "Xy" }, actor);
    const [shortEvent] = await initiativeHistory(database.db, 7);
    const { version } = (await snapshotInitiative(database.db, 7))!;
    await updateInitiative(database.db, { ...(await inputFrom(7)), name: "Nombre corregido" }, actor);
    await expect(restoreInitiativeVersion(database.db, { id: 7, version: version + 1, eventId: shortEvent!.id }, actor)).rejects.toThrow(
      "Esa versión no cumple las reglas actuales: Escriba el nombre de la iniciativa (al menos 3 caracteres).",
    );
    expect((await snapshotInitiative(database.db, 7))!.snapshot.name).toBe("Nombre corregido");
  });
});

describe("vocabulario de mecanismos", () => {
  let database: TestDatabase;
  let actor: { id: number; email: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
    ({ user: actor } = await createUser(
      database.db,
      { email: "vocabulario@quito.gob.ec", name: "Vocabulario", role: "ADMIN", password: "otra frase larga para probar" },
      null,
    ));
  });
  afterAll(() => database?.drop());

  const objectivesWith = async (mechanismId: number) =>
    (await database.db.articulationObjectiveMechanism.findMany({ where: { mechanismId }, select: { articulationObjectiveId: true } }))
      .map((l) => l.articulationObjectiveId)
      .sort((a, b) => a - b);

  it("fusionar un mecanismo en otro conserva cada uso, sin duplicados, y actualiza los datos derivados", async () => {
    const { mergeMechanisms } = await import("@/lib/mechanisms/manage-mechanisms");
    const source = await database.db.mechanism.findUniqueOrThrow({ where: { slug: "contratos" } });
    const target = await database.db.mechanism.findUniqueOrThrow({ where: { slug: "convenios" } });
    const fromSource = await objectivesWith(source.id);
    const fromTarget = await objectivesWith(target.id);
    const totalLinks = await database.db.articulationObjectiveMechanism.count();
    expect(fromSource.length).toBeGreaterThan(0);
    const overlap = fromSource.filter((id) => fromTarget.includes(id)).length;
    expect(overlap).toBeGreaterThan(0);

    const result = await mergeMechanisms(database.db, { sourceId: source.id, targetId: target.id }, actor);
    expect(result).toMatchObject({ links: fromSource.length, moved: fromSource.length - overlap });
    expect(await objectivesWith(target.id)).toEqual([...new Set([...fromTarget, ...fromSource])].sort((a, b) => a - b));
    expect(await database.db.articulationObjectiveMechanism.count()).toBe(totalLinks - overlap);
    expect(await database.db.mechanism.findUnique({ where: { id: source.id } })).toBeNull();
    const stale = await database.db.initiative.count({ where: { mechanismSet: { mechanismIds: { has: source.id } } } });
    expect(stale).toBe(0);
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: "mechanism.merge" } });
    expect(audit.userEmail).toBe("vocabulario@quito.gob.ec");
  });
});
