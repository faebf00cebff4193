import "server-only";
import type { Db } from "@/lib/db/client";

export type ObjectiveKind = "development" | "management";

/** The objective code in an address («1», «1.1»), or null for anything else, a malformed escape included (the page answers 404). */
export function parseObjectiveCode(segment: string): string | null {
  let code: string;
  try {
    code = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return /^\d{1,2}(\.\d{1,2})?$/.test(code) ? code : null;
}

/** What the browser tab needs of the address's objective: its kind and code; null when there is no such objective. */
export async function getObjectiveName(db: Db, segment: string): Promise<{ kind: ObjectiveKind; code: string } | null> {
  const code = parseObjectiveCode(segment);
  if (code === null) return null;
  const found = code.includes(".")
    ? await db.managementObjective.findUnique({ where: { code }, select: { code: true } })
    : await db.developmentObjective.findUnique({ where: { code }, select: { code: true } });
  return found && { kind: code.includes(".") ? "management" : "development", code: found.code };
}
