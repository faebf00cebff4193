/** Polls until `done` accepts what `attempt` returns (a failed attempt counts as not yet), or fails naming the last value. */
export async function until<T>(what: string, attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  while (Date.now() - start < timeoutMs) {
    last = await attempt().catch(() => undefined as T);
    if (last !== undefined && done(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: no ocurrió en ${timeoutMs / 1000} s (último: ${JSON.stringify(last)?.slice(0, 300)})`);
}
