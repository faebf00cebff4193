import { createPrismaClient, type Db } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/local-database";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";

/**
 * A command that reads the matrix never answers with an empty one: the embedded
 * development database is seeded as `npm run dev` does; a server's is not touched.
 */
async function ensureMatrix(db: Db, embedded: boolean) {
  if (embedded) {
    const seeded = await seedMatrixIfEmpty(db);
    if (seeded) console.error("La base de desarrollo estaba vacía: se cargó la matriz del Apéndice 12.");
    return;
  }
  if ((await db.initiative.count()) === 0) {
    throw new Error("la base no tiene la matriz cargada. Ejecute primero «npm run matrix:import» con el mismo DATABASE_URL.");
  }
}

/**
 * Runs a command-line task against the portal's database (DATABASE_URL, or the
 * embedded one), migrated, and exits with a clear Spanish message on failure.
 * Everything but the task's own output goes to stderr.
 */
export async function runCli(task: (db: Db) => Promise<void>, options: { readsMatrix?: boolean } = {}) {
  let exitCode = 0;
  const database = await openDatabase().catch((error: Error) => {
    console.error(`Error: ${error.message}`);
    process.exit(1);
  });
  const db = createPrismaClient(database.url);
  try {
    if (options.readsMatrix) await ensureMatrix(db, database.embedded);
    await task(db);
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    for (const problem of (error as { problems?: string[] }).problems ?? []) console.error(`  - ${problem}`);
    exitCode = 1;
  } finally {
    await db.$disconnect();
    await database.close();
  }
  process.exit(exitCode);
}
