import path from "node:path";
import type { Db } from "@/lib/db/client";
import { PROJECT_ROOT } from "@/lib/project-root";
import { importMatrix, type ImportReport } from "./import-matrix";
import { readMatrixFile } from "./read-matrix-file";

export const SEED_SOURCE = path.join(PROJECT_ROOT, "seeds/apendice-12-insercion-estrategica.txt");

/** Loads the published Apéndice 12 when the database holds no matrix yet. */
export async function seedMatrixIfEmpty(
  db: Db,
): Promise<{ report: ImportReport; resolutions: { line: number; message: string }[] } | null> {
  if ((await db.initiative.count()) > 0) return null;
  const { document, resolutions } = readMatrixFile(SEED_SOURCE);
  return { report: await importMatrix(db, document), resolutions };
}
