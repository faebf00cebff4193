import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTestDatabase, type TestDatabase } from "../support/database";

const run = promisify(execFile);

/** A command as the operator runs it; resolves with its exit code and output. */
async function cli(script: string, args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], { cwd: PROJECT_ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function withoutDatabaseUrl(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  return env;
}

describe("comandos de operación", () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase();
  });
  afterAll(() => empty.drop());

  it("en producción, sin DATABASE_URL, se niegan a usar un PostgreSQL embebido", async () => {
    const result = await cli("user-create", ["--email", "jefa@quito.gob.ec", "--name", "Jefa", "--role", "ADMIN"], withoutDatabaseUrl({ NODE_ENV: "production" }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("falta DATABASE_URL");
    expect(result.stdout).toBe("");
  });

  it("matrix:export sobre una base sin matriz se detiene con qué ejecutar, sin imprimir un documento vacío", async () => {
    const result = await cli("matrix-export", [], { ...process.env, DATABASE_URL: empty.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("npm run matrix:import");
    expect(result.stdout).toBe("");
    expect(await empty.db.initiative.count()).toBe(0);
  });
});
