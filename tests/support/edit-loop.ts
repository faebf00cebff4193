/**
 * Child process for tests/integration/crash-atomicity.test.ts: saves initiative
 * edits through updateInitiative (what the edit form's server action calls) as
 * fast as it can until it is killed. Prints "ok <id> <version>" after each commit.
 *
 *   DATABASE_URL=… node --import tsx tests/support/edit-loop.ts <actor e-mail> <workers>
 */
import { createPrismaClient } from "@/lib/db/client";
import type { UpdateInitiativeInput } from "@/lib/initiatives/initiative-schema";
import { updateInitiative } from "@/lib/initiatives/save-initiative";
import { snapshotInitiative } from "@/lib/initiatives/get-initiative-snapshot";

const [email = "", workers = "4"] = process.argv.slice(2);
const db = createPrismaClient(process.env.DATABASE_URL!);
const actor = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true } });
const ids = (await db.initiative.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((i) => i.id);
const mechanisms = (await db.mechanism.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((m) => m.id);

/** Varies every part the save writes: the name, adds, removes, reorders and rewrites articulation objectives and their mechanisms. */
async function edit(id: number, n: number) {
  const { snapshot, version } = (await snapshotInitiative(db, id))!;
  let objectives = snapshot.articulationObjectives.map((o) => ({ id: o.id, text: o.text, mechanismIds: o.mechanisms.map((m) => m.id) }));
  if (n % 3 === 0)
    objectives.push({ id: undefined, text: `Objetivo añadido en la edición ${n}`, mechanismIds: [mechanisms[n % mechanisms.length]!] });
  else if (n % 3 === 1 && objectives.length > 1) objectives = objectives.slice(0, -1);
  else
    objectives = [...objectives.slice(1), objectives[0]!].map((o, k) =>
      k === 0
        ? {
            ...o,
            text: `${o.text.replace(/ \(rev\. \d+\)$/, "")} (rev. ${n})`,
            mechanismIds: o.mechanismIds.slice(1).concat(mechanisms[n % mechanisms.length]!),
          }
        : o,
    );
  const input: UpdateInitiativeInput = {
    id,
    version,
    name: `${snapshot.name.replace(/ · edición \d+$/, "")} · edición ${n}`,
    managementObjectiveCode: snapshot.managementObjectiveCode,
    articulationObjectives: objectives,
  };
  const saved = await updateInitiative(db, input, actor);
  process.stdout.write(`ok ${id} ${saved.version}\n`);
}

// Workers take disjoint initiatives, so they never conflict with each other and every transaction commits.
const count = Number(workers);
await Promise.all(
  Array.from({ length: count }, async (_, worker) => {
    const mine = ids.filter((_, k) => k % count === worker);
    for (let n = 0; ; n++) await edit(mine[n % mine.length]!, n);
  }),
);
