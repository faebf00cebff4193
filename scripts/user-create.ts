import { parseArgs } from "node:util";
import { z } from "zod";
import { createUserSchema } from "@/lib/users/user-schemas";
import { createUser } from "@/lib/users/manage-users";
import { runCli } from "./run";

const USAGE =
  'Uso: npm run user:create -- --email correo@quito.gob.ec --name "Nombre Apellido" --role ADMIN|PLANNER|VIEWER [--password CONTRASEÑA]';

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } },
    strict: true,
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const parsed = createUserSchema.safeParse({ ...values, role: values.role?.toUpperCase() });
if (!parsed.success) {
  for (const [field, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) {
    console.error(`--${field}: ${(messages as string[]).join(" ")}`);
  }
  console.error(USAGE);
  process.exit(2);
}

await runCli(async (db) => {
  const { user, generatedPassword } = await createUser(db, parsed.data, null);
  console.log(`Usuario creado: ${user.email} (${user.name}), perfil ${user.role}.`);
  if (generatedPassword) {
    console.log(`Contraseña temporal (se muestra una sola vez; se pedirá cambiarla al ingresar): ${generatedPassword}`);
  }
});
