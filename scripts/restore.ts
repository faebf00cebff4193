import path from "node:path";
import { describeCounts } from "@/lib/backup/backup-schema";
import { readBackupFile } from "@/lib/backup/read-backup-file";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { env } from "@/lib/config";
import { t } from "@/lib/i18n";
import { runCli } from "./run";

if (process.argv.length !== 3) {
  console.error(t.cli.restore.usage);
  process.exit(2);
}
// A relative path is the caller's, not npm's (npm runs scripts from the project root).
const file = path.resolve(env.INIT_CWD, process.argv[2]!);

await runCli(async (db) => {
  const backup = readBackupFile(file);
  const { counts } = await restoreBackup(db, backup);
  console.log(t.cli.restore.restored(file, backup.createdAt, backup.appVersion));
  console.log(`  ${describeCounts(counts)}.`);
  if (counts.users > 0) console.log(t.cli.restore.usersWithoutPassword(counts.users));
});
