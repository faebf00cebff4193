import pg from "pg";

/**
 * This instance's view of whether PostgreSQL answers, from a one-connection
 * probe at most once a second. While it does not, pages answer 503 at once
 * instead of each waiting for the pool to time out; once it answers again the
 * portal serves without a restart. Nothing here is shared state: each instance
 * checks its own path to the database.
 */
export function databaseAvailability(
  databaseUrl: string,
  options: { recheckMs?: number; timeoutMs?: number; onChange?: (up: boolean) => void } = {},
) {
  const recheckMs = options.recheckMs ?? 1_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: timeoutMs, idleTimeoutMillis: 10_000 });
  // A dropped idle connection must not crash the process; the next probe reconnects.
  pool.on("error", () => {});
  let up = true;
  let failures = 0;
  let checkedAt = 0;
  let probing: Promise<boolean> | null = null;

  function probe(): Promise<boolean> {
    probing ??= pool
      .query({ text: "SELECT 1", query_timeout: timeoutMs } as pg.QueryConfig)
      .then(
        () => true,
        () => false,
      )
      .then((answer) => {
        // One slow probe (a busy event loop at start-up) is not an outage: two failures in a row are.
        failures = answer ? 0 : failures + 1;
        const was = up;
        up = answer || (up && failures < 2);
        if (up !== was) options.onChange?.(up);
        checkedAt = Date.now();
        probing = null;
        return answer;
      });
    return probing;
  }

  return {
    /** Never waits while the database was last seen up; waits for one probe while it was seen down. */
    async isUp(): Promise<boolean> {
      if (Date.now() - checkedAt < recheckMs) return up;
      if (up) {
        void probe();
        return true;
      }
      return probe();
    },
    /** The last state seen, never waiting; a stale one starts a probe for the next caller. */
    lastKnown(): boolean {
      if (Date.now() - checkedAt >= recheckMs) void probe();
      return up;
    },
    close: () => pool.end(),
  };
}
