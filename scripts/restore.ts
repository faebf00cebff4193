import path from "node:path";
import { describeCounts } from "@/lib/backup/backup-schema";
import { readBackupFile } from "@/lib/backup/read-backup-file";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { env } from "@/lib/config";
import { runCli } from "./run";

const USAGE = "Uso: npm run restore -- archivo.json (en una base vacía, recién migrada)";

if (process.argv.length !== 3) {
  console.error(USAGE);
  process.exit(2);
}
// A relative path is the caller's, not npm's (npm runs scripts from the project root).
const file = path.resolve(env.INIT_CWD, process.argv[2]!);

await runCli(async (db) => {
  const backup = readBackupFile(file);
  const { counts } = await restoreBackup(db, backup);
  console.log(
    `Respaldo restaurado desde ${file} (escrito el ${backup.createdAt.toISOString()} por la versión ${backup.appVersion} del portal).`,
  );
  console.log(`  ${describeCounts(counts)}.`);
  if (counts.users > 0) {
    console.log(
      `Las cuentas restauradas (${counts.users}) no tienen contraseña utilizable: el respaldo no lleva contraseñas. ` +
        `Emita una contraseña temporal a un administrador con \`npm run user:reset-password -- --email correo@quito.gob.ec\` ` +
        `y, desde /admin/usuarios («Restablecer contraseña»), a las demás cuentas.`,
    );
  }
});
