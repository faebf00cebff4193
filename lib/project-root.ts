import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The repository's root, for commands that read seeds or migrations or write into `.data/`:
 * the nearest folder above this module with the portal's package.json and Prisma schema, so
 * that it is the same from the sources, from a bundle in dist/ and from Next's build output.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "prisma/schema.prisma"))) return dir;
    if (dir === path.dirname(dir)) return path.resolve(start, "..");
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
