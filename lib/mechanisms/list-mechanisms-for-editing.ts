import "server-only";
import type { Db } from "@/lib/db/client";

export interface EditableMechanism {
  id: number;
  name: string;
  description: string | null;
  version: number;
  /** Articulation objectives that use it: what a merge moves. */
  uses: number;
}

/** The vocabulary for the admin page, by name; `db` is the primary: each row carries the version its form saves against. */
export async function listMechanismsForEditing(db: Db): Promise<EditableMechanism[]> {
  const rows = await db.mechanism.findMany({
    select: { id: true, name: true, description: true, version: true, _count: { select: { uses: true } } },
  });
  return rows.map(({ _count, ...m }) => ({ ...m, uses: _count.uses })).sort((a, b) => a.name.localeCompare(b.name, "es"));
}
