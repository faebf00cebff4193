import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readsFromPrimary } from "./read-routing";
import { env } from "@/lib/config";

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";

interface Clients {
  primary?: PrismaClient;
  replica?: PrismaClient | null;
  routed?: PrismaClient;
}
const globalForPrisma = globalThis as unknown as { prismaClients?: Clients };
globalForPrisma.prismaClients ??= {};
const clients = globalForPrisma.prismaClients;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

/** The primary: writes, transactions, sessions and sign-in throttling (which must never read stale rows). */
export function getPrimaryDb(): PrismaClient {
  if (!clients.primary) {
    const url = env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL no está definida.");
    clients.primary = createPrismaClient(url);
  }
  return clients.primary;
}

function getReplica(): PrismaClient | null {
  if (clients.replica === undefined) {
    const url = env.DATABASE_REPLICA_URL;
    clients.replica = url ? createPrismaClient(url) : null;
  }
  return clients.replica;
}

/**
 * The process-wide client, created on first use (so that builds need no
 * database). With DATABASE_REPLICA_URL, Prisma's read-replicas extension sends
 * model reads outside transactions to the replica, and everything else to the
 * primary; a request that wrote reads from the primary (lib/db/read-routing.ts).
 */
export function getDb(): PrismaClient {
  const replica = getReplica();
  if (!replica || readsFromPrimary()) return getPrimaryDb();
  // The extended client has the same model API; the cast keeps one Db type for every lib function.
  clients.routed ??= getPrimaryDb().$extends(readReplicas({ replicas: [replica] })) as unknown as PrismaClient;
  return clients.routed;
}

/** For read-only raw SQL (search, counts, dashboard), which the extension would otherwise send to the primary. */
export function getReadDb(): PrismaClient {
  const replica = getReplica();
  return replica && !readsFromPrimary() ? replica : getPrimaryDb();
}

/** Closes every pool, for a graceful shutdown. */
export async function disconnectDatabases() {
  await Promise.allSettled([clients.primary?.$disconnect(), clients.replica?.$disconnect()]);
}
