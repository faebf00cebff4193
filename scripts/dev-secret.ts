import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/project-root";

const FILE = path.join(PROJECT_ROOT, ".data/auth-secret");

/** Development only: a random signing secret kept in the git-ignored .data/ folder, never committed. */
export function ensureDevAuthSecret(): string {
  if (existsSync(FILE)) return readFileSync(FILE, "utf8").trim();
  mkdirSync(path.dirname(FILE), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}
