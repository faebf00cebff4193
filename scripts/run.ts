import { createPrismaClient, type Db } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/local-database";

/**
 * Runs a command-line task against the portal's database (DATABASE_URL, or the
 * embedded one), migrated, and exits with a clear Spanish message on failure.
 * Everything but the task's own output goes to stderr.
 */
export async function runCli(task: (db: Db) => Promise<void>) {
  let exitCode = 0;
  const database = await openDatabase().catch((error: Error) => {
    console.error(`Error: ${error.message}`);
    process.exit(1);
  });
  const db = createPrismaClient(database.url);
  try {
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
