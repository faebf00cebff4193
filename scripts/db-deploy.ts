import { openDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrate";

/** `npm run db:deploy`: applies pending migrations and nothing else. */
try {
  const database = await openDatabase({ migrate: false });
  const { applied, total } = await applyMigrations(database.url, { log: (line) => console.log(line) });
  console.log(applied.length === 0 ? `La base está al día (${total} migraciones).` : `${applied.length} migración(es) aplicada(s).`);
  await database.close();
} catch (error) {
  console.error(`Error: ${(error as Error).message}`);
  process.exit(1);
}
