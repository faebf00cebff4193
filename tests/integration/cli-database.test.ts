import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTestDatabase, type TestDatabase } from "../support/database";

const run = promisify(execFile);

/** A command as an operator runs it, with exactly the environment given (plus PATH); its exit code and output. */
async function cli(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("los comandos y su base de datos", () => {
  let empty: TestDatabase;
  let scratch: string;

  beforeAll(async () => {
    empty = await createTestDatabase();
    scratch = mkdtempSync(path.join(os.tmpdir(), "pmdot-cli-"));
  });
  afterAll(async () => {
    await empty.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("matrix:export y backup sobre una base sin matriz se detienen diciendo qué ejecutar, sin un documento vacío", async () => {
    for (const [script, args] of [
      ["matrix-export", []],
      ["backup", [path.join(scratch, "respaldo.json")]],
    ] as const) {
      const result = await cli(script, [...args], { DATABASE_URL: empty.url });
      // EX_NOINPUT: an AppError "not_found", so a script can tell it from a crash.
      expect(result.code, script).toBe(66);
      expect(result.stdout, script).toBe("");
      expect(result.stderr, script).toContain("no tiene la matriz");
      expect(result.stderr, script).toContain("npm run matrix:import");
    }
    expect(existsSync(path.join(scratch, "respaldo.json"))).toBe(false);
  });

  it("en una copia nueva, matrix:export siembra el PostgreSQL embebido como npm run dev", async () => {
    const result = await cli("matrix-export", [], {
      EMBEDDED_PG_DIR: path.join(scratch, "postgres"),
      EMBEDDED_PG_PORT: String(await freePort()),
    });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { initiatives: unknown[] }).initiatives).toHaveLength(114);
  });

  it("en producción, sin DATABASE_URL, un comando se niega con una línea en lugar de usar el PostgreSQL embebido", async () => {
    const dataDir = path.join(scratch, "no-debe-existir");
    for (const [script, args] of [
      ["user-create", ["--email", "nadie@quito.gob.ec", "--name", "Nadie", "--role", "ADMIN"]],
      ["db-deploy", []],
      ["matrix-export", []],
    ] as const) {
      const result = await cli(script, [...args], {
        NODE_ENV: "production",
        EMBEDDED_PG_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(result.code, script).toBe(1);
      expect(result.stdout, script).toBe("");
      expect(result.stderr.trim().split("\n"), script).toEqual([
        expect.stringMatching(/^Error: Falta DATABASE_URL\. En producción .* embebido/),
      ]);
    }
    expect(existsSync(dataDir)).toBe(false);
  });
});
