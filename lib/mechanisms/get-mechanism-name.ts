import "server-only";
import { currentUserMay } from "@/lib/auth/current-user";
import { getReadDb } from "@/lib/db/client";
import { MECHANISM_SLUG } from "@/lib/matrix/mechanism-names";

/** The slug in an address («/mecanismos/convenios»), or null for anything that cannot be one (the page answers 404). */
export const parseMechanismSlug = (segment: string) => (MECHANISM_SLUG.test(segment) ? segment : null);

/** The name for the browser tab; null when there is no such mechanism or the visitor may not read it (the page then redirects or refuses). */
export async function getMechanismName(segment: string): Promise<string | null> {
  const slug = parseMechanismSlug(segment);
  if (slug === null || !(await currentUserMay("matrix:read"))) return null;
  return (await getReadDb().mechanism.findUnique({ where: { slug }, select: { name: true } }))?.name ?? null;
}
