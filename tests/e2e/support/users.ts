import { randomBytes } from "node:crypto";
import { hashPassword } from "../../../lib/auth/password-hash";
import type { E2EAccount } from "../../support/e2e-accounts";
import { query } from "./db";

/** A viewer of its own for a test that ends, disables or counts its sessions, so no other test's account is touched. */
export async function createThrowawayAccount(prefix: string): Promise<E2EAccount & { id: number }> {
  const email = `${prefix}.${Date.now()}.${randomBytes(3).toString("hex")}@quito.gob.ec`;
  const password = `una frase de prueba ${randomBytes(6).toString("hex")}`;
  const [row] = await query<{ id: number }>(
    `INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, 'VIEWER', $3, now()) RETURNING id`,
    [email, "Sonia Sesiones", await hashPassword(password)],
  );
  return { id: row!.id, email, name: "Sonia Sesiones", role: "VIEWER", password };
}
