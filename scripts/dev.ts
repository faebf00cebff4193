import { spawn } from "node:child_process";
import { env } from "@/lib/config";
import { createPrismaClient } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/local-database";
import { t } from "@/lib/i18n";
import { PROJECT_ROOT } from "@/lib/project-root";
import { formatImportReport } from "@/lib/matrix/format-import-report";
import { SEED_SOURCE, seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { createDemoUsersIfNone } from "@/lib/users/manage-users";
import { createDemoIndicatorsIfNone } from "@/lib/indicators/demo-indicators";
import { runJobWorkers } from "@/lib/jobs/job-workers";
import { ensureDevAuthSecret } from "./dev-secret";

/**
 * `npm run dev`: database (embedded unless DATABASE_URL), migrations, the
 * matrix on first run, then `next dev`. Stops the embedded database on exit.
 */
let port: number;
try {
  port = env.PORT;
} catch (error) {
  console.error(t.appErrors.cliLine((error as Error).message));
  process.exit(1);
}
const database = await openDatabase({ log: (line) => console.log(line) }).catch((error: Error) => {
  console.error(t.appErrors.cliLine(error.message));
  process.exit(1);
});

const db = createPrismaClient(database.url);
try {
  const seeded = await seedMatrixIfEmpty(db);
  if (seeded) console.log(formatImportReport(SEED_SOURCE, seeded.report, seeded.resolutions));
  const demo = await createDemoUsersIfNone(db);
  if (demo.length > 0) {
    console.log(`\n${t.cli.dev.demoAccounts}`);
    for (const user of demo) console.log(`  ${user.role.padEnd(9)} ${user.email.padEnd(34)} ${user.password}`);
    console.log(`  ${t.cli.dev.adminTwoFactor}`);
    console.log("");
  }
  const indicators = await createDemoIndicatorsIfNone(db);
  if (indicators > 0) console.log(t.cli.dev.demoIndicators(indicators));
} catch (error) {
  console.error(t.cli.dev.prepareFailed((error as Error).message));
  await db.$disconnect();
  await database.close();
  process.exit(1);
}
await db.$disconnect();

const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "--port", String(port)], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? ensureDevAuthSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
console.log(t.cli.dev.portalAt(`http://localhost:${port}`));
// The background jobs (reminders, e-mail) run in this process, beside `next dev`, as in a production instance.
const jobsDb = createPrismaClient(database.url);
const jobs = runJobWorkers({ databaseUrl: database.url, db: jobsDb });

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await jobs.stop().catch(() => {});
  await jobsDb.$disconnect();
  await database.close();
  process.exit(code);
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
next.on("exit", (code) => void stop(code ?? 0));
