import { parseArgs } from "node:util";
import { z } from "zod";
import { resetPassword } from "@/lib/users/manage-users";
import { runCli } from "./run";

/** For an operator at the console: after a restore, or when no administrator can sign in. */
const USAGE = "Uso: npm run user:reset-password -- --email correo@quito.gob.ec";

let email: string;
try {
  const { values } = parseArgs({ options: { email: { type: "string" } }, strict: true });
  email = z.email({ error: "--email: escriba un correo válido." }).parse(values.email?.trim().toLowerCase());
} catch (error) {
  const message = error instanceof z.ZodError ? error.issues.map((issue) => issue.message).join(" ") : (error as Error).message;
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

await runCli(async (db) => {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) throw new Error(`No existe un usuario con el correo ${email}.`);
  const password = await resetPassword(db, user.id, null);
  console.log(`Contraseña de ${user.email} restablecida; sus sesiones se cerraron.`);
  console.log(`Contraseña temporal (se muestra una sola vez; se pedirá cambiarla al ingresar): ${password}`);
});
