import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "@/lib/config";

/**
 * Whether this request must read from the primary. A replica lags a little, so
 * a request that wrote, and the requests of the same browser for a few seconds
 * after (the WROTE_COOKIE), read their own writes from the primary.
 */
interface ReadRouting {
  primary: boolean;
}

export const WROTE_COOKIE = "pmdot-escribio";

/** How long after a write a browser keeps reading from the primary: the replica lag the operators accept. */
export const replicaLagSeconds = () => Math.max(1, env.DATABASE_REPLICA_MAX_LAG_SECONDS || 10);

const KEY = Symbol.for("matriz-pmdot.read-routing");
// The custom server and Next's server bundle each load this module: they must share one store.
const holder = globalThis as { [KEY]?: AsyncLocalStorage<ReadRouting> };
holder[KEY] ??= new AsyncLocalStorage<ReadRouting>();
const storage = holder[KEY];

export function runWithReadRouting<T>(primary: boolean, fn: () => T): T {
  return storage.run({ primary }, fn);
}

export function readsFromPrimary(): boolean {
  return storage.getStore()?.primary ?? false;
}

/** The rest of this request reads from the primary. */
export function noteWrite() {
  const store = storage.getStore();
  if (store) store.primary = true;
}

export function cookieSaysWrote(cookieHeader: string | undefined): boolean {
  return !!cookieHeader && cookieHeader.split(";").some((part) => part.trim().startsWith(`${WROTE_COOKIE}=`));
}
