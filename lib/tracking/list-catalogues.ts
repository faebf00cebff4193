import "server-only";
import type { Db } from "@/lib/db/client";

/** The secretariat and counterpart catalogues with how often each entry is used, for the admin page. */
export async function listCatalogues(db: Db) {
  const [secretariats, counterparts] = await Promise.all([
    db.secretariat.findMany({ include: { _count: { select: { leads: true, supports: true } } } }),
    db.counterpart.findMany({ include: { _count: { select: { instruments: true } } } }),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "es");
  return {
    secretariats: secretariats
      .map((s) => ({ id: s.id, name: s.name, version: s.version, uses: s._count.leads + s._count.supports }))
      .sort(byName),
    counterparts: counterparts
      .map((c) => ({ id: c.id, name: c.name, type: c.type, version: c.version, uses: c._count.instruments }))
      .sort(byName),
  };
}
