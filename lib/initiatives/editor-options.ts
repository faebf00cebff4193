import "server-only";
import type { Db } from "@/lib/db/client";

/** What the edit form chooses from: every management objective and the whole mechanism vocabulary. */
export async function getEditorOptions(db: Db) {
  const [objectives, mechanisms] = await Promise.all([
    db.managementObjective.findMany({ orderBy: { position: "asc" }, select: { code: true, title: true } }),
    db.mechanism.findMany({ select: { id: true, name: true } }),
  ]);
  return { objectives, mechanisms: mechanisms.sort((a, b) => a.name.localeCompare(b.name, "es")) };
}
