import path from "node:path";

/** The repository's root, for commands that read seeds or write into `.data/`. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
