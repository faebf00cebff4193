import "server-only";
import type { Db } from "@/lib/db/client";
import { MECHANISM_SLUG } from "@/lib/matrix/mechanism-names";

/** The slug in an address («/mecanismos/convenios»), or null for anything that cannot be one (the page answers 404). */
export const parseMechanismSlug = (segment: string) => (MECHANISM_SLUG.test(segment) ? segment : null);

/** The name for the browser tab; null when there is no such mechanism. */
export async function getMechanismName(db: Db, segment: string): Promise<string | null> {
  const slug = parseMechanismSlug(segment);
  if (slug === null) return null;
  return (await db.mechanism.findUnique({ where: { slug }, select: { name: true } }))?.name ?? null;
}
