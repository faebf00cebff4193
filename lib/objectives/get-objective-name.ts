import "server-only";
import { currentUserMay } from "@/lib/auth/current-user";
import { getReadDb } from "@/lib/db/client";

export type ObjectiveKind = "development" | "management";

/**
 * What the browser tab needs of an objective ("1" or "1.1"): its kind and code;
 * null when there is no such objective or the visitor may not read it (the page then redirects or refuses).
 */
export async function getObjectiveName(code: string): Promise<{ kind: ObjectiveKind; code: string } | null> {
  if (!(await currentUserMay("matrix:read"))) return null;
  const db = getReadDb();
  if (/^\d{1,2}\.\d{1,2}$/.test(code)) {
    const found = await db.managementObjective.findUnique({ where: { code }, select: { code: true } });
    return found && { kind: "management", code: found.code };
  }
  if (/^\d{1,2}$/.test(code)) {
    const found = await db.developmentObjective.findUnique({ where: { code }, select: { code: true } });
    return found && { kind: "development", code: found.code };
  }
  return null;
}
