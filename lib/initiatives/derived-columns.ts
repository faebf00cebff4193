import type { Db, Prisma } from "@/lib/db/client";
import { initiativeSearchText } from "@/lib/text/search-text";

const BATCH = 1_000;

/**
 * The columns the read engine filters on, derived from what is stored: the folded
 * search text and the set of mechanisms (its sorted distinct ids, numbered once in
 * "MechanismSet" and shared by every initiative with the same). This is the one place they
 * are computed: every writer (editor, matrix and bulk import, restore, mechanism
 * vocabulary, synthetic seed) calls it, in its transaction, after writing the
 * initiatives' articulation objectives.
 */
export async function refreshDerivedColumns(tx: Db | Prisma.TransactionClient, initiativeIds: number[]) {
  const ids = [...new Set(initiativeIds)];
  for (let start = 0; start < ids.length; start += BATCH) {
    const initiatives = await tx.initiative.findMany({
      where: { id: { in: ids.slice(start, start + BATCH) } },
      select: {
        id: true,
        name: true,
        articulationObjectives: {
          orderBy: { position: "asc" },
          select: { text: true, mechanisms: { orderBy: { position: "asc" }, select: { mechanism: { select: { id: true, name: true } } } } },
        },
      },
    });
    const searchTexts = initiatives.map((initiative) =>
      initiativeSearchText(
        initiative.name,
        initiative.articulationObjectives.map((o) => o.text),
        initiative.articulationObjectives.flatMap((o) => o.mechanisms.map((m) => m.mechanism.name)),
      ),
    );
    // Array literals: unnest cannot take an array of arrays of different lengths.
    const mechanismSets = initiatives.map((initiative) => {
      const mechanismIds = new Set(initiative.articulationObjectives.flatMap((o) => o.mechanisms.map((m) => m.mechanism.id)));
      return `{${[...mechanismIds].sort((a, b) => a - b).join(",")}}`;
    });
    await tx.$executeRaw`
      INSERT INTO "MechanismSet" ("mechanismIds") SELECT DISTINCT m::int[] FROM unnest(${mechanismSets}::text[]) AS t(m)
      ON CONFLICT ("mechanismIds") DO NOTHING`;
    await tx.$executeRaw`
      UPDATE "Initiative" AS i SET "searchText" = t.s, "mechanismSetId" = ms.id
      FROM unnest(${initiatives.map((i) => i.id)}::int[], ${searchTexts}::text[], ${mechanismSets}::text[]) AS t(id, s, m)
      JOIN "MechanismSet" ms ON ms."mechanismIds" = t.m::int[]
      WHERE i.id = t.id AND (i."searchText" IS DISTINCT FROM t.s OR i."mechanismSetId" IS DISTINCT FROM ms.id)`;
  }
}
