import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return name === "actions.ts" ? [full] : [];
  });
}

/** The source of the lib/ modules an actions file imports: where its domain functions, and their audit events, live. */
function librarySource(source: string): string {
  return [...source.matchAll(/from\s+"@\/(lib\/[^"]+)"/g)]
    .map((match) => [`${match[1]}.ts`, path.join(match[1]!, "index.ts")].find((file) => existsSync(path.join(root, file))))
    .filter((file): file is string => file !== undefined)
    .map((file) => readFileSync(path.join(root, file), "utf8"))
    .join("\n");
}

/**
 * What is wrong with one "use server" file: an export that is not a formAction
 * (it would skip the session, role and refusal audit), an action that does not
 * say which audit events it writes, or an event that none of the functions it
 * imports records.
 */
function problemsOf(file: string, source: string, library: string): string[] {
  const problems: string[] = [];
  if (!/^\s*["']use server["'];/.test(source)) problems.push(`${file}: not a "use server" file`);
  for (const line of source.split("\n").filter((l) => l.startsWith("export "))) {
    if (!/^export const \w+ = formAction[<(]/.test(line)) problems.push(`${file}: «${line.trim()}» is not created through formAction`);
  }
  const actions = source.split(/^(?=export const )/m).slice(1);
  for (const action of actions) {
    const name = /^export const (\w+)/.exec(action)![1];
    const audit = /^\s+audit: (null|\[([^\]]*)\]),/m.exec(action);
    if (!audit) {
      problems.push(`${file}: ${name} declares no audit events`);
      continue;
    }
    if (audit[1] === "null") continue;
    const events = [...(audit[2] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    if (events.length === 0) problems.push(`${file}: ${name} declares an empty list of audit events`);
    for (const event of events) {
      if (!library.includes(`"${event}"`)) problems.push(`${file}: ${name} declares "${event}", which no function it imports records`);
    }
  }
  return problems;
}

/**
 * Sign-in runs before there is a session, so it cannot go through formAction;
 * lib/auth/sign-in.ts and lib/auth/mfa.ts audit every outcome
 * (tests/integration/sign-in*.test.ts, mfa.test.ts).
 */
const BEFORE_A_SESSION = [path.join("app", "login", "actions.ts"), path.join("app", "login", "verificacion", "actions.ts")];

describe("every server action is audited", () => {
  const files = actionFiles(path.join(root, "app")).filter((file) => !BEFORE_A_SESSION.includes(path.relative(root, file)));

  it("finds the actions files", () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it("goes through the wrapper and names the audit events its domain functions write", () => {
    const problems = files.flatMap((full) => {
      const source = readFileSync(full, "utf8");
      return problemsOf(path.relative(root, full), source, librarySource(source));
    });
    expect(problems).toEqual([]);
  });

  it("catches an action that skips the wrapper, forgets its audit, or names an event nothing writes", () => {
    const source = [
      '"use server";',
      "export async function raw() {}",
      'export const a = formAction({\n  what: "a",\n  schema,\n  run: async () => ({ message: "" }),\n});',
      'export const b = formAction({\n  what: "b",\n  audit: ["thing.delete"],\n  schema,\n});',
    ].join("\n");
    expect(problemsOf("x.ts", source, 'recordAuditEvent(tx, { action: "thing.create" })')).toEqual([
      "x.ts: «export async function raw() {}» is not created through formAction",
      "x.ts: a declares no audit events",
      'x.ts: b declares "thing.delete", which no function it imports records',
    ]);
  });
});
