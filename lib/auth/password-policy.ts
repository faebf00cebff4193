import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { FIELD_LIMITS } from "@/lib/text/field-limits";
import { t } from "@/lib/i18n";

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
  if (length < PASSWORD_MIN_LENGTH) return t.validation.password.short(PASSWORD_MIN_LENGTH);
  if (length > FIELD_LIMITS.password) return t.validation.password.long(FIELD_LIMITS.password);
  if (isMonotonous(password)) return t.validation.password.monotonous;
  if (variants(password).some((v) => commonPasswords().has(v))) {
    return t.validation.password.common;
  }
  const lower = password.toLowerCase();
  const personal = [context.email?.split("@")[0], ...(context.name?.split(/\s+/) ?? [])]
    .map((w) => w?.toLowerCase())
    .filter((w): w is string => !!w && w.length >= 4);
  if (personal.some((word) => lower.includes(word))) return t.validation.password.personal;
  return null;
}

/** The zod rule shared by every form that sets a password. */
export const passwordSchema = z.string({ error: t.validation.password.required }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
