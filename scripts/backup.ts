import path from "node:path";
import { describeCounts } from "@/lib/backup/backup-schema";
import { createBackup } from "@/lib/backup/create-backup";
import { defaultBackupPath, writeBackupFile } from "@/lib/backup/write-backup-file";
import { env } from "@/lib/config";
import { t } from "@/lib/i18n";
import { runCli } from "./run";

/** `npm run backup [-- ruta.json]`: writes the file; says what it wrote on stderr. A relative path is the caller's, not npm's. */
const now = new Date();
const file = process.argv[2] ? path.resolve(env.INIT_CWD, process.argv[2]) : defaultBackupPath(now);

await runCli(
  async (db) => {
    const backup = await createBackup(db, now);
    writeBackupFile(file, backup);
    console.error(t.cli.backup.written(file));
    console.error(`  ${describeCounts(backup.counts)}.`);
    console.error(`  ${t.cli.backup.schema(backup.migrations.length, backup.migrations.at(-1), backup.appVersion)}`);
  },
  { readsMatrix: true },
);
