import { parseArgs } from "node:util";
import { z } from "zod";
import { createUserSchema } from "@/lib/users/user-schemas";
import { createUser } from "@/lib/users/manage-users";
import { findSecretariat } from "@/lib/accountability/memberships";
import { ActionError } from "@/lib/actions/action-error";
import { t } from "@/lib/i18n";
import { runCli } from "./run";

let values: Record<string, string | string[] | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      secretariat: { type: "string", multiple: true },
    },
    strict: true,
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${t.cli.users.createUsage}`);
  process.exit(2);
}

const { secretariat: secretariats = [], ...fields } = values as Record<string, string | undefined> & { secretariat?: string[] };
const parsed = createUserSchema.safeParse({ ...fields, role: fields.role?.toUpperCase() });
if (!parsed.success) {
  for (const [field, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) {
    console.error(`--${field}: ${(messages as string[]).join(" ")}`);
  }
  console.error(t.cli.users.createUsage);
  process.exit(2);
}

await runCli(async (db) => {
  const secretariatIds: number[] = [];
  for (const wanted of secretariats) {
    const found = await findSecretariat(db, wanted);
    if (!found) throw new ActionError(t.accountability.secretariatUnknown(wanted), "secretariat");
    secretariatIds.push(found.id);
  }
  const { user, generatedPassword } = await createUser(db, { ...parsed.data, secretariatIds }, null);
  console.log(t.cli.users.created(user.email, user.name, user.role));
  if (generatedPassword) console.log(t.cli.users.temporaryPassword(generatedPassword));
});
