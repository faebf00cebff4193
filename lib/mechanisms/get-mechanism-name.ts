import "server-only";
import { currentUserMay } from "@/lib/auth/current-user";
import { getReadDb } from "@/lib/db/client";

/** The name for the browser tab; null when there is no such mechanism or the visitor may not read it (the page then redirects or refuses). */
export async function getMechanismName(slug: string): Promise<string | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug) || !(await currentUserMay("matrix:read"))) return null;
  return (await getReadDb().mechanism.findUnique({ where: { slug }, select: { name: true } }))?.name ?? null;
}
