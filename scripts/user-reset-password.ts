import { parseArgs } from "node:util";
import { z } from "zod";
import { t } from "@/lib/i18n";
import { resetPassword } from "@/lib/users/manage-users";
import { runCli } from "./run";

/** For an operator at the console: after a restore, or when no administrator can sign in. */
let email: string;
try {
  const { values } = parseArgs({ options: { email: { type: "string" } }, strict: true });
  email = z.email({ error: t.cli.users.emailInvalid }).parse(values.email?.trim().toLowerCase());
} catch (error) {
  const message = error instanceof z.ZodError ? error.issues.map((issue) => issue.message).join(" ") : (error as Error).message;
  console.error(`${message}\n${t.cli.users.resetUsage}`);
  process.exit(2);
}

await runCli(async (db) => {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) throw new Error(t.cli.users.unknownEmail(email));
  const password = await resetPassword(db, user.id, null);
  console.log(t.cli.users.passwordReset(user.email));
  console.log(t.cli.users.temporaryPassword(password));
});
