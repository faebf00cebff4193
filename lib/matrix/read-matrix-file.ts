import { readFileSync } from "node:fs";
import { describeDocumentErrors, documentFromSource, matrixDocumentSchema, type MatrixDocument } from "./document";
import { MatrixSourceError, parseMatrixSource } from "./source-parser";

export class MatrixFileError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

export interface MatrixFile {
  document: MatrixDocument;
  /** Ambiguities the source parser resolved (empty for JSON). */
  resolutions: { line: number; message: string }[];
}

/** Reads either an exported JSON document or a text extraction of the source document. */
export function readMatrixFile(file: string): MatrixFile {
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (error) {
    throw new MatrixFileError(`No se puede leer el archivo ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}.`);
  }
  if (content.includes("\uFFFD")) throw new MatrixFileError(`El archivo ${file} no está en UTF-8.`);
  if (file.toLowerCase().endsWith(".json")) {
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch (error) {
      throw new MatrixFileError(`El archivo ${file} no es JSON válido: ${(error as Error).message}`);
    }
    const result = matrixDocumentSchema.safeParse(raw);
    if (!result.success) {
      const problems = describeDocumentErrors(result.error);
      throw new MatrixFileError(`El archivo ${file} no es una matriz válida (${problems.length} problema(s)).`, problems);
    }
    return { document: result.data, resolutions: [] };
  }
  try {
    const parsed = parseMatrixSource(content);
    return { document: documentFromSource(parsed), resolutions: parsed.resolutions };
  } catch (error) {
    if (error instanceof MatrixSourceError) throw new MatrixFileError(`${file}: ${error.message}`);
    throw error;
  }
}
