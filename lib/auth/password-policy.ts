import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { FIELD_LIMITS } from "@/lib/text/field-limits";

export const PASSWORD_MIN_LENGTH = 12;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#")),
  );
  return common;
}

/** "Password2024!" is as guessable as "password": compare the word without what is usually bolted on. */
function variants(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  return core.length >= 4 ? [lower, core] : [lower];
}

function isMonotonous(password: string): boolean {
  const chars = [...password];
  if (new Set(chars).size <= 2) return true;
  const codes = chars.map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]!));
  return steps.size === 1 && [...steps][0]! !== 0 && Math.abs([...steps][0]!) === 1;
}

/**
 * NIST 800-63B / ASVS 2.1: length, no composition rules, no known-common passwords,
 * nothing derived from the user's own e-mail. Returns the Spanish reason, or null.
 */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.`;
  if (length > FIELD_LIMITS.password) return `La contraseña no puede superar ${FIELD_LIMITS.password} caracteres.`;
  if (isMonotonous(password)) return "La contraseña es demasiado predecible (caracteres repetidos o en secuencia).";
  if (variants(password).some((v) => commonPasswords().has(v))) {
    return "Esa contraseña es de las más usadas y fáciles de adivinar. Elija otra, por ejemplo una frase de varias palabras.";
  }
  const lower = password.toLowerCase();
  const personal = [context.email?.split("@")[0], ...(context.name?.split(/\s+/) ?? [])]
    .map((w) => w?.toLowerCase())
    .filter((w): w is string => !!w && w.length >= 4);
  if (personal.some((word) => lower.includes(word))) return "La contraseña no debe contener su nombre ni su correo.";
  return null;
}

/** The zod rule shared by every form that sets a password. */
export const passwordSchema = z.string({ error: "Escriba una contraseña." }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
