// Plain JavaScript: this must run where tsx, a development dependency, is not installed.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * `npm run <command>` for the operator commands: the JavaScript that `npm run build` put in
 * dist/ in production (NODE_ENV=production, or no tsx because development dependencies were
 * pruned), the TypeScript sources through tsx in development.
 */
const [name, ...args] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, "..");
const hasTsx = (() => {
  try {
    createRequire(import.meta.url).resolve("tsx/esm/api");
    return true;
  } catch {
    return false;
  }
})();
const built = process.env.NODE_ENV === "production" || !hasTsx;
const file = built ? path.join(root, "dist/scripts", `${name}.js`) : path.join(root, "scripts", `${name}.ts`);
if (!existsSync(file)) {
  console.error(
    built ? `Error: falta ${path.relative(root, file)}: compile el portal con «npm run build».` : `Error: no existe el comando ${name}.`,
  );
  process.exit(1);
}
if (!built) (await import("tsx/esm/api")).register();
// The command reads its own arguments from process.argv, as if started directly.
process.argv = [process.argv[0] ?? "node", file, ...args];
await import(pathToFileURL(file).href);
