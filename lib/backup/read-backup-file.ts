import { readFileSync } from "node:fs";
import type { z } from "zod";
import { describeDocumentErrors } from "@/lib/matrix/document";
import { BackupError, SPANISH_ERRORS, backupHeaderSchema, backupSchema, type Backup } from "./backup-schema";

/** Problems listed in full up to this many; a file broken throughout would otherwise print thousands of lines. */
const MAX_PROBLEMS = 50;

/** Reads and validates a whole backup file; nothing is written anywhere. */
export function readBackupFile(file: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(
      code ? `No se puede leer el archivo ${file}: ${code}.` : `El archivo ${file} no es JSON válido: ${(error as Error).message}`,
    );
  }
  const invalid = (error: z.ZodError) => {
    const problems = describeDocumentErrors(error);
    const shown =
      problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), `… y ${problems.length - MAX_PROBLEMS} más.`] : problems;
    return new BackupError(`El archivo ${file} no es un respaldo válido (${problems.length} problema(s)); no se restauró nada.`, shown);
  };
  const header = backupHeaderSchema.safeParse(raw, SPANISH_ERRORS);
  if (!header.success) throw invalid(header.error);
  const result = backupSchema.safeParse(raw, SPANISH_ERRORS);
  if (!result.success) throw invalid(result.error);
  return result.data;
}
