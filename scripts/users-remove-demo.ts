import { t } from "@/lib/i18n";
import { runCli } from "./run";

await runCli(async (db) => {
  const { count } = await db.user.deleteMany({ where: { isDemo: true } });
  console.log(count === 0 ? t.cli.users.noDemo : t.cli.users.demoRemoved(count));
});
