import "@/lib/validation/spanish-zod";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/local-database";
import { AppError, EXIT_CODE } from "@/lib/errors/app-error";
import { t } from "@/lib/i18n";
import { formatImportReport } from "@/lib/matrix/format-import-report";
import { SEED_SOURCE, seedMatrixIfEmpty } from "@/lib/matrix/seed";

/**
 * Runs a command-line task against the portal's database (DATABASE_URL, or the
 * embedded one), migrated, and exits with a clear Spanish message on failure.
 * Everything but the task's own output goes to stderr. An AppError exits with
 * its code's status (lib/errors/app-error.ts: 65 bad input, 66 nothing to read,
 * 77 refused, 75 try again…); any other failure with 1.
 *
 * A task that reads the matrix never answers from an empty database: the
 * embedded one is seeded as `npm run dev` does, any other stops and says what to run.
 */
export async function runCli(task: (db: Db) => Promise<void>, options: { readsMatrix?: boolean } = {}) {
  let exitCode = 0;
  const database = await openDatabase().catch((error: Error) => {
    console.error(t.appErrors.cliLine(error.message));
    process.exit(1);
  });
  const db = createPrismaClient(database.url);
  try {
    if (options.readsMatrix) {
      if (database.embedded) {
        const seeded = await seedMatrixIfEmpty(db);
        if (seeded) console.error(formatImportReport(SEED_SOURCE, seeded.report, seeded.resolutions));
      } else if ((await db.initiative.count()) === 0) {
        throw new AppError("not_found", t.cli.emptyMatrix);
      }
    }
    await task(db);
  } catch (error) {
    console.error(t.appErrors.cliLine((error as Error).message));
    for (const problem of (error as { problems?: string[] }).problems ?? []) console.error(`  - ${problem}`);
    exitCode = error instanceof AppError ? EXIT_CODE[error.code] : 1;
  } finally {
    await db.$disconnect();
    await database.close();
  }
  process.exit(exitCode);
}
