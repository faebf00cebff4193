import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/project-root";
import { BackupError, type BackupFile } from "./backup-schema";

/** `respaldos/matriz-pmdot-2026-11-26T013034Z.json` under the project: sortable, and UTC like the file's own `createdAt`. */
export function defaultBackupPath(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "");
  return path.join(PROJECT_ROOT, "respaldos", `matriz-pmdot-${stamp}.json`);
}

/**
 * The file's text, in pieces: the header and the matrix indented like
 * `matrix:export`, then one table row per line, which keeps a large audit log
 * compact, readable and diffable, and never builds the whole file as one
 * string (V8 caps a string near 512 MB).
 */
export function* serializeBackup(backup: BackupFile): Generator<string> {
  const { tables, ...header } = backup;
  yield `${JSON.stringify(header, null, 2).slice(0, -2)},\n  "tables": {`;
  for (const [index, [name, rows]] of Object.entries(tables).entries()) {
    yield `${index === 0 ? "" : ","}\n    ${JSON.stringify(name)}: [`;
    for (const [row, value] of (rows as unknown[]).entries()) yield `${row === 0 ? "" : ","}\n      ${JSON.stringify(value)}`;
    yield rows.length === 0 ? "]" : "\n    ]";
  }
  yield "\n  }\n}\n";
}

/**
 * Writes a temporary file beside the target, flushes it to disk and renames it
 * into place, so a crash never leaves a half-written backup under the real
 * name. An existing backup is never overwritten.
 */
export function writeBackupFile(file: string, backup: BackupFile): void {
  if (existsSync(file)) throw new BackupError(`Ya existe ${file}; elija otro nombre.`);
  // Names, e-mails and the audit log's addresses: readable by the owner only.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, "wx", 0o600);
    try {
      let buffered = "";
      for (const piece of serializeBackup(backup)) {
        buffered += piece;
        if (buffered.length > 1 << 20) {
          writeAll(fd, buffered);
          buffered = "";
        }
      }
      writeAll(fd, buffered);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new BackupError(`No se pudo escribir ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

function writeAll(fd: number, text: string) {
  const bytes = Buffer.from(text, "utf8");
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}
