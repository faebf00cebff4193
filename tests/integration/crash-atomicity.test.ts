import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { InitiativeSnapshot } from "@/lib/initiatives/initiative-schema";
import { snapshotInitiative } from "@/lib/initiatives/get-initiative-snapshot";
import { serializeDocument } from "@/lib/matrix/document";
import { exportMatrix } from "@/lib/matrix/export-matrix";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { PROJECT_ROOT } from "@/lib/project-root";
import { initiativeSearchText } from "@/lib/text/search-text";
import { createUser } from "@/lib/users/manage-users";
import { generateSyntheticMatrix } from "@/seeds/synthetic-matrix";
import { createTestDatabase, type TestDatabase } from "../support/database";

/**
 * «The process is killed in the middle of an import or an edit: after restart
 * the database is exactly as before that operation or exactly after it, never
 * between.» The real CLI and the real save function run in child processes
 * that are SIGKILLed (no handler, no cleanup) while their transactions are open.
 */

// The advisory lock importMatrix takes first in its transaction (lib/matrix/import-matrix.ts): held ⇔ the import transaction is open.
const IMPORT_LOCK = 72_707_370;
const SYNTHETIC_INITIATIVES = 200;

/** Tags the child's connections, so pg_stat_activity and pg_locks tell them apart from the test's own. */
const tagged = (url: string, tag: string) => {
  const u = new URL(url);
  u.searchParams.set("application_name", tag);
  return u.toString();
};

interface Child {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  done: boolean;
  stdout: string;
  stderr: string;
  kill(): void;
}

const running = new Set<Child>();

/** Runs a TypeScript entry point the way the operator's npm script does (tsx), against DATABASE_URL. */
function runChild(script: string, args: string[], databaseUrl: string): Child {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const handle: Child = {
    done: false,
    stdout: "",
    stderr: "",
    exited: new Promise((resolve) =>
      child.on("exit", (code, signal) => {
        running.delete(handle);
        handle.done = true;
        resolve({ code, signal });
      }),
    ),
    kill: () => child.kill("SIGKILL"),
  };
  running.add(handle);
  child.stdout.on("data", (chunk) => (handle.stdout += chunk));
  child.stderr.on("data", (chunk) => (handle.stderr += chunk));
  return handle;
}

/** Polls until the condition holds; fails early (with its stderr) if the child exits first. */
async function until(what: string, condition: () => Promise<boolean>, child?: Child, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (child?.done) throw new Error(`El proceso terminó antes de: ${what}.\n${child.stderr}`);
    if (Date.now() > deadline) throw new Error(`Tiempo agotado esperando: ${what}.`);
    await sleep(10);
  }
}

describe("un proceso matado a mitad de una operación deja la base antes o después, nunca entre", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "matriz-crash-"));
  const file = path.join(scratch, "matriz-grande.json");
  let monitor: pg.Client;
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    await seedMatrixIfEmpty(database.db);
    return database;
  };

  const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await monitor.query<T>(text, values)).rows;
  const backends = async (tag: string) =>
    (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`, [tag]))[0]!.n;
  const holdsImportLock = async (tag: string) =>
    (
      await sql(
        `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a USING (pid)
         WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted AND a.application_name = $2`,
        [IMPORT_LOCK, tag],
      )
    ).length > 0;
  /** A backend of the child's has a transaction id: its transaction has written. */
  const hasWritten = async (tag: string) =>
    (await sql(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND backend_xid IS NOT NULL`, [tag])).length > 0;
  /** Cumulative counters of the monitor's database; a killed backend flushes its own when it exits, and rolled-back rows count too. */
  const counters = async (database: TestDatabase) =>
    (
      await sql<{ rollbacks: number; rows: number }>(
        `SELECT (SELECT xact_rollback FROM pg_stat_database WHERE datname = $1)::int AS rollbacks,
                (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables)::int AS rows`,
        [database.name],
      )
    )[0]!;
  /** The counters once a killed backend has flushed them: it leaves pg_stat_activity a moment before, so wait (up to 2 s) for the expected change. */
  const countersAfter = async (database: TestDatabase, start: { rollbacks: number; rows: number }, key: "rollbacks" | "rows") => {
    const deadline = Date.now() + 2_000;
    let now = await counters(database);
    while (now[key] === start[key] && Date.now() < deadline) {
      await sleep(20);
      now = await counters(database);
    }
    return now;
  };
  /** Kills the child and waits until PostgreSQL has ended every backend it had (and so rolled back or committed its transaction). */
  const kill = async (child: Child, tag: string) => {
    child.kill();
    const exit = await child.exited;
    await until(`el fin de las conexiones de ${tag}`, async () => (await backends(tag)) === 0);
    return exit;
  };

  /** The whole matrix as the export writes it (the import's contract), plus the audit trail's size. */
  const fingerprint = async (db: Db) =>
    createHash("sha256")
      .update(serializeDocument(await exportMatrix(db)))
      .update(`\nauditoría: ${await db.auditEvent.count()}`)
      .digest("hex");

  beforeAll(async () => {
    const t0 = Date.now();
    const source = await fresh();
    await generateSyntheticMatrix(source.db, SYNTHETIC_INITIATIVES);
    const document = await exportMatrix(source.db);
    writeFileSync(file, serializeDocument(document));
    console.log(`documento de ${document.initiatives.length} iniciativas preparado en ${Date.now() - t0} ms`);
  });
  afterAll(async () => {
    // A failed assertion can leave a child running.
    for (const child of running) child.kill();
    await monitor?.end();
    await Promise.all(databases.map((d) => d.drop()));
    rmSync(scratch, { recursive: true, force: true });
  });

  // The counters are per database (pg_stat_user_tables), so the monitor connects to the one it reads; activity and locks are cluster-wide.
  const connectMonitor = async (database: TestDatabase) => {
    await monitor?.end();
    monitor = new pg.Client({ connectionString: tagged(database.url, "crash-monitor") });
    await monitor.connect();
  };

  it("matrix:import matado con SIGKILL en distintos momentos: la base queda como antes o como después", { timeout: 240_000 }, async () => {
    const [measured, target] = await Promise.all([fresh(), fresh()]);

    // One uninterrupted run on an identical database: the "after" state, and how long the import transaction writes.
    await connectMonitor(measured);
    const started = Date.now();
    const reference = runChild("scripts/matrix-import.ts", [file], tagged(measured.url, "crash-measure"));
    await until("la transacción de la importación", () => holdsImportLock("crash-measure"), reference);
    const opened = Date.now();
    await until("la primera escritura", () => hasWritten("crash-measure"), reference);
    const written = Date.now();
    // Timed to the exit, not by polling: polling all along would compete with the import for the CPU.
    expect(await reference.exited, reference.stderr).toEqual({ code: 0, signal: null });
    const writingMs = Date.now() - written;
    const timing = `arranque ${opened - started} ms, lectura ${written - opened} ms, escritura ${writingMs} ms`;
    const after = await fingerprint(measured.db);
    // The export of the imported database is the document itself: "after" is the complete import.
    expect(
      createHash("sha256")
        .update(serializeDocument(await exportMatrix(measured.db)))
        .digest("hex"),
    ).toBe(createHash("sha256").update(readFileSync(file, "utf8")).digest("hex"));

    await connectMonitor(target);
    const before = await fingerprint(target.db);
    expect(before).not.toBe(after);
    const label = (state: string) => (state === before ? "antes" : state === after ? "después" : "ENTRE");

    // Kill points: while the CLI starts (migration check), as soon as the transaction opens, then spread over its writes.
    const points: ("arranque" | "transacción" | number)[] = ["arranque", "transacción", 0, 0.4, 0.8];
    const rounds: { at: string; exit: string; state: string; rowsUndone: number; midImport: boolean }[] = [];
    for (const [n, point] of points.entries()) {
      const tag = `crash-import-${n}`;
      const start = await counters(target);
      const child = runChild("scripts/matrix-import.ts", [file], tagged(target.url, tag));
      if (point === "arranque") await until("la primera conexión del comando", async () => (await backends(tag)) > 0, child);
      else await until("la transacción de la importación", () => holdsImportLock(tag), child);
      const inTransaction = point !== "arranque";
      if (typeof point === "number") {
        await until("la primera escritura", () => hasWritten(tag), child);
        await sleep(point * writingMs);
      }
      const exit = await kill(child, tag);
      const state = await fingerprint(target.db);
      const end = typeof point === "number" && state === before ? await countersAfter(target, start, "rows") : await counters(target);
      const round = {
        at: typeof point === "number" ? `escritura + ${Math.round(point * writingMs)} ms` : point,
        exit: exit.signal ?? `código ${exit.code}`,
        state: label(state),
        // Rows written and then undone by the rollback: how far into the transaction the kill landed.
        rowsUndone: state === before ? end.rows - start.rows : 0,
        midImport: exit.signal === "SIGKILL" && inTransaction && state === before,
      };
      rounds.push(round);
      expect([before, after], JSON.stringify(round)).toContain(state);
      // Finished before the kill: further rounds would import an already imported document (nothing to interrupt).
      if (state === after) break;
    }
    console.log(`importación sin interrupción: ${timing}; rondas:\n${rounds.map((r) => JSON.stringify(r)).join("\n")}`);
    // Not vacuous: the kill really landed inside the transaction, after it had written rows that are now gone.
    expect(rounds.filter((r) => r.midImport).length).toBeGreaterThanOrEqual(2);
    expect(rounds.some((r) => r.midImport && r.rowsUndone > 0)).toBe(true);

    // The next run (the "restart") completes the import.
    const last = runChild("scripts/matrix-import.ts", [file], tagged(target.url, "crash-import-final"));
    expect(await last.exited, last.stderr).toEqual({ code: 0, signal: null });
    expect(await fingerprint(target.db)).toBe(after);
  });

  it("ediciones matadas con SIGKILL: cada iniciativa queda en una versión completa, con su auditoría", { timeout: 180_000 }, async () => {
    const database = await fresh();
    await connectMonitor(database);
    const { user } = await createUser(
      database.db,
      { email: "editora@quito.gob.ec", name: "Editora", role: "PLANNER", password: "una frase larga para editar" },
      null,
    );
    const ids = (await database.db.initiative.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((i) => i.id);
    const initial = new Map<number, { snapshot: InitiativeSnapshot; version: number }>();
    for (const id of ids) initial.set(id, (await snapshotInitiative(database.db, id))!);
    const auditBefore = await database.db.auditEvent.count();

    let acknowledged = 0;
    let killedMidEdit = false;
    // A kill between two transactions proves nothing: repeat (on the state left behind) until one lands inside an edit.
    for (let attempt = 0; attempt < 3 && !killedMidEdit; attempt++) {
      const tag = `crash-edits-${attempt}`;
      const start = await counters(database);
      const child = runChild("tests/support/edit-loop.ts", [user.email, "4"], tagged(database.url, tag));
      // Enough committed edits that the checks below are not vacuous (about a second on an idle 2-core machine).
      await until("40 ediciones confirmadas", async () => child.stdout.split("\n").length > 40, child);
      // Kill right when a transaction of the child has written (has a transaction id).
      await until("una edición con escrituras en curso", () => hasWritten(tag), child);
      const exit = await kill(child, tag);
      expect(exit.signal).toBe("SIGKILL");
      const lines = child.stdout.split("\n").filter((l) => l.startsWith("ok "));
      acknowledged += lines.length;
      const rolledBack = (await countersAfter(database, start, "rollbacks")).rollbacks - start.rollbacks;
      killedMidEdit = rolledBack > 0;
      console.log(
        `ediciones, intento ${attempt + 1}: ${lines.length} confirmadas antes de matar, ${rolledBack} transacción(es) deshecha(s)`,
      );

      // Every edit the child saw committed is stored (nothing lost)…
      const ackedVersion = new Map<number, number>();
      for (const line of lines) {
        const [, id, version] = line.split(" ").map(Number);
        ackedVersion.set(id!, Math.max(ackedVersion.get(id!) ?? 0, version!));
      }
      for (const [id, version] of ackedVersion)
        expect((await snapshotInitiative(database.db, id))!.version).toBeGreaterThanOrEqual(version);
    }
    expect(acknowledged).toBeGreaterThanOrEqual(40);
    expect(killedMidEdit).toBe(true);

    // …and every initiative is at a complete version: content, version, derived columns and audit trail agree.
    const events = await database.db.auditEvent.findMany({ where: { entityType: "Initiative" }, orderBy: { id: "asc" } });
    expect(events.length).toBe((await database.db.auditEvent.count()) - auditBefore);
    // The last commits of a killed child may land without reaching its stdout; at most one per worker per attempt.
    expect(events.length).toBeGreaterThanOrEqual(acknowledged);
    expect(events.length).toBeLessThanOrEqual(acknowledged + 4 * 3);
    let edited = 0;
    for (const id of ids) {
      const stored = (await snapshotInitiative(database.db, id))!;
      const start = initial.get(id)!;
      const trail = events
        .filter((e) => e.entityId === String(id))
        .map((e) => ({
          action: e.action,
          ...(e.data as unknown as { before: InitiativeSnapshot; after: InitiativeSnapshot; version: number }),
        }));
      if (trail.length > 0) edited += 1;
      expect(stored.version - start.version, `iniciativa ${id}`).toBe(trail.length);
      let expected = start;
      for (const event of trail) {
        expect(event.action).toBe("initiative.update");
        expect(event.before, `iniciativa ${id}`).toEqual(expected.snapshot);
        expect(event.version, `iniciativa ${id}`).toBe(expected.version + 1);
        expected = { snapshot: event.after, version: event.version };
      }
      expect(stored, `iniciativa ${id}`).toEqual(expected);

      const row = await database.db.initiative.findUniqueOrThrow({
        where: { id },
        include: { articulationObjectives: { orderBy: { position: "asc" } }, mechanismSet: true },
      });
      expect(row.articulationObjectives.map((o) => o.position)).toEqual(row.articulationObjectives.map((_, k) => k));
      const objectives = stored.snapshot.articulationObjectives;
      expect(row.searchText).toBe(
        initiativeSearchText(
          stored.snapshot.name,
          objectives.map((o) => o.text),
          objectives.flatMap((o) => o.mechanisms.map((m) => m.name)),
        ),
      );
      expect(row.mechanismSet?.mechanismIds).toEqual(
        [...new Set(objectives.flatMap((o) => o.mechanisms.map((m) => m.id)))].sort((a, b) => a - b),
      );
    }
    expect(edited).toBeGreaterThanOrEqual(30);
  });
});
