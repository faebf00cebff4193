import "server-only";
import { authorize } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";

/** What the edit form chooses from: every management objective and the whole mechanism vocabulary. */
export async function getEditorOptions() {
  await authorize("matrix:edit", "abrir formulario de iniciativa");
  const db = getDb();
  const [objectives, mechanisms] = await Promise.all([
    db.managementObjective.findMany({ orderBy: { position: "asc" }, select: { code: true, title: true } }),
    db.mechanism.findMany({ select: { id: true, name: true } }),
  ]);
  return { objectives, mechanisms: mechanisms.sort((a, b) => a.name.localeCompare(b.name, "es")) };
}
