import type { Db } from "@/lib/db/client";
import { refreshDerivedColumns } from "@/lib/initiatives/derived-columns";

/**
 * A large synthetic matrix for benchmarks: the real objectives and mechanisms,
 * and `count` initiatives whose names and articulation objectives recombine
 * the real ones' words (so searches hit and miss as they would on real data).
 * Deterministic for a given seed. Inserts in batches with unnest(), in one transaction.
 */
export async function generateSyntheticMatrix(db: Db, count: number, options: { seed?: number; onProgress?: (done: number) => void } = {}) {
  let state = options.seed ?? 7;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;

  const [objectives, mechanisms, sample] = await Promise.all([
    db.managementObjective.findMany({ select: { id: true } }),
    db.mechanism.findMany({ select: { id: true, name: true } }),
    db.articulationObjective.findMany({ select: { text: true, initiative: { select: { name: true } } } }),
  ]);
  if (objectives.length === 0 || mechanisms.length === 0)
    throw new Error("Importe primero la matriz real: el generador reutiliza sus objetivos y mecanismos.");
  const nameWords = sample.flatMap((s) => s.initiative.name.split(/\s+/));
  const textWords = sample.flatMap((s) => s.text.split(/\s+/));
  const phrase = (words: string[], min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min)) }, () => pick(words)).join(" ");

  const start = ((await db.initiative.aggregate({ _max: { id: true, position: true } }))._max.position ?? 0) + 1;
  const batch = 2_000;
  await db.$transaction(
    async (tx) => {
      for (let offset = 0; offset < count; offset += batch) {
        const size = Math.min(batch, count - offset);
        const names: string[] = [];
        const positions: number[] = [];
        const objectiveIds: number[] = [];
        const aoInitiative: number[] = [];
        const aoPosition: number[] = [];
        const aoText: string[] = [];
        const aoMechanisms: number[][] = [];
        const pending: { text: string; mechanisms: number[] }[][] = [];
        for (let k = 0; k < size; k++) {
          const name = phrase(nameWords, 4, 12);
          const aos = Array.from({ length: 1 + Math.floor(random() * random() * 4) }, () => ({
            text: phrase(textWords, 8, 30),
            mechanisms: [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(mechanisms)))],
          }));
          names.push(name);
          positions.push(start + offset + k);
          objectiveIds.push(pick(objectives).id);
          pending.push(aos.map((a) => ({ text: a.text, mechanisms: a.mechanisms.map((m) => m.id) })));
        }
        const ids = await tx.$queryRaw<{ id: number }[]>`
          INSERT INTO "Initiative" (name, position, "managementObjectiveId", "updatedAt")
          SELECT n, p, o, now() FROM unnest(${names}::text[], ${positions}::int[], ${objectiveIds}::int[]) AS t(n, p, o)
          RETURNING id`;
        ids.forEach(({ id }, k) => {
          pending[k]!.forEach((ao, position) => {
            aoInitiative.push(id);
            aoPosition.push(position);
            aoText.push(ao.text);
            aoMechanisms.push(ao.mechanisms);
          });
        });
        const aoIds = await tx.$queryRaw<{ id: number }[]>`
          INSERT INTO "ArticulationObjective" ("initiativeId", position, text, "updatedAt")
          SELECT *, now() FROM unnest(${aoInitiative}::int[], ${aoPosition}::int[], ${aoText}::text[])
          RETURNING id`;
        const linkAo: number[] = [];
        const linkMechanism: number[] = [];
        const linkPosition: number[] = [];
        aoIds.forEach(({ id }, k) => {
          aoMechanisms[k]!.forEach((mechanismId, position) => {
            linkAo.push(id);
            linkMechanism.push(mechanismId);
            linkPosition.push(position);
          });
        });
        await tx.$executeRaw`
          INSERT INTO "ArticulationObjectiveMechanism" ("articulationObjectiveId", "mechanismId", position)
          SELECT * FROM unnest(${linkAo}::int[], ${linkMechanism}::int[], ${linkPosition}::int[])`;
        await refreshDerivedColumns(
          tx,
          ids.map((r) => r.id),
        );
        options.onProgress?.(offset + size);
      }
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  // What autovacuum does on a live server: statistics for the planner, and the visibility map for index-only scans.
  for (const table of ["Initiative", "ArticulationObjective", "ArticulationObjectiveMechanism"])
    await db.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
}
