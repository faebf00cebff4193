import { openDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrate";
import { t } from "@/lib/i18n";

/** `npm run db:deploy`: applies pending migrations and nothing else. */
try {
  const database = await openDatabase({ migrate: false });
  const { applied, total } = await applyMigrations(database.url, { log: (line) => console.log(line) });
  console.log(applied.length === 0 ? t.cli.migrations.upToDate(total) : t.cli.migrations.applied(applied.length));
  await database.close();
} catch (error) {
  console.error(t.appErrors.cliLine((error as Error).message));
  process.exit(1);
}
