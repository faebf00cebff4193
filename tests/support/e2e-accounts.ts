import type { Role } from "@/lib/auth/roles";

export interface E2EAccount {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** The Base32 TOTP secret the account is enrolled with, for the tests to compute its codes. */
  totpSecret?: string;
  /** Slugs of the secretariats the account belongs to (a REPORTER reports on their initiatives). */
  secretariats?: readonly string[];
}

/** The accounts `npm test` creates in the browser-test database, one per purpose. */
export const E2E_ACCOUNT_SPECS = {
  admin: { email: "admin.pruebas@quito.gob.ec", name: "Ana Administradora", role: "ADMIN" },
  planner: { email: "planificacion.pruebas@quito.gob.ec", name: "Pablo Planificador", role: "PLANNER" },
  viewer: { email: "consulta.pruebas@quito.gob.ec", name: "Vera Consulta", role: "VIEWER" },
  /** Reports for the Secretaría de Salud only. */
  reporter: { email: "reporte.salud.pruebas@quito.gob.ec", name: "Rita Reportera", role: "REPORTER", secretariats: ["salud"] },
  lockout: { email: "bloqueo.pruebas@quito.gob.ec", name: "Luis Bloqueo", role: "VIEWER" },
  disabled: { email: "desactivar.pruebas@quito.gob.ec", name: "Diana Desactivada", role: "VIEWER" },
  /** Enrols in the second factor itself during the tests. */
  mfaUser: { email: "dos.pasos.pruebas@quito.gob.ec", name: "Mónica Dos Pasos", role: "VIEWER" },
  /** An administrator without a second factor: the first sign-in must enrol. */
  mfaAdmin: { email: "admin.sin.mfa.pruebas@quito.gob.ec", name: "Álvaro Enrolado", role: "ADMIN" },
} as const satisfies Record<string, Omit<E2EAccount, "password">>;

export type E2EAccountName = keyof typeof E2E_ACCOUNT_SPECS;

export function e2eAccounts(): Record<E2EAccountName, E2EAccount> {
  const raw = process.env.E2E_ACCOUNTS;
  if (!raw) throw new Error("E2E_ACCOUNTS no está definida: ejecute las pruebas con «npm test».");
  return JSON.parse(raw);
}
