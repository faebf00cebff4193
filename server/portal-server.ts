import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import next from "next";
import { cookieSaysWrote, runWithReadRouting } from "@/lib/db/read-routing";
import { disconnectDatabases, getPrimaryDb } from "@/lib/db/client";
import { CLIENT_IP_HEADER, trustedClientIp, trustedProxyHops, USER_ID_HEADER } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { MAX_UPLOAD_BYTES } from "@/lib/import/upload-limit";
import { runJobWorkers } from "@/lib/jobs/job-workers";
import { logger } from "@/lib/logger";
import { databaseAvailability } from "./database-availability";
import { env } from "@/lib/config";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;
const QUIET_MS = 500;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)).unref());
const UNGATED = [/^\/_next\/static\//, /^\/icon\.svg$/, /^\/favicon\.ico$/];

export interface PortalServer {
  url: string;
  /** Stops accepting, lets requests in flight finish (up to the grace period), closes the pools. */
  shutdown(reason: string): Promise<void>;
}

// The one stylesheet of the pages written here, allowed by its hash: no inline style, no 'unsafe-inline'.
const PLAIN_PAGE_CSS =
  "body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1e293b}h1{color:#0c2d57}.id{color:#475569}";
const PLAIN_PAGE_CSS_HASH = createHash("sha256").update(PLAIN_PAGE_CSS).digest("base64");

/** Answers written here skip Next's header config: the same protections, and a CSP that allows no script at all. */
function setPlainSecurityHeaders(res: http.ServerResponse) {
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("referrer-policy", "strict-origin-when-cross-origin");
  res.setHeader("content-security-policy", `default-src 'none'; style-src 'sha256-${PLAIN_PAGE_CSS_HASH}'; frame-ancestors 'none'`);
}

/**
 * An answer of this server's own, before Next: JSON under /api/ (`error` is a
 * stable code), otherwise a small page in Spanish. Only our own constant strings
 * go into it, and the request id we generated or checked; nothing else from the request.
 */
function plainAnswer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  answer: { status: number; error: string; title: string; message: string; requestId: string },
) {
  res.statusCode = answer.status;
  setPlainSecurityHeaders(res);
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-request-id", answer.requestId);
  if ((req.url ?? "").startsWith("/api/")) {
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: answer.error, message: answer.message, requestId: answer.requestId }));
    return;
  }
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(
    `<!doctype html><html lang="es-EC"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${answer.title} · ${t.app.name}</title><style>${PLAIN_PAGE_CSS}</style></head><body><main><h1>${answer.title}</h1><p>${answer.message}</p><p class="id">${t.errors.requestId(answer.requestId)}</p></main></body></html>`,
  );
}

function unavailable(req: http.IncomingMessage, res: http.ServerResponse, requestId: string, message: string) {
  res.setHeader("retry-after", "10");
  plainAnswer(req, res, { status: 503, error: "unavailable", title: t.errors.unavailableTitle, message, requestId });
}

/**
 * The largest body accepted: an upload of MAX_UPLOAD_BYTES and the form around it.
 * Next's own limit for server actions (next.config.js) is above it, and answers an
 * English 500; refusing here, from Content-Length, answers before the body is read.
 * A body that does not declare its size is refused with 411 for the same reason.
 */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/** Whether the path (without its query) has a malformed percent-encoding, which Next answers with an English 500. */
function malformedPath(url: string) {
  try {
    decodeURIComponent(url.split("?")[0] ?? "");
    return false;
  } catch {
    return true;
  }
}

/**
 * The production server: Next's request handler behind a thin layer that gives
 * each request an id and a JSON access-log line, answers 503 while PostgreSQL
 * is unreachable or the instance is stopping, and shuts down gracefully.
 */
export async function startPortalServer(options: {
  port: number;
  hostname: string;
  dir: string;
  /** How long to keep accepting after SIGTERM while the health check fails. */
  drainMs?: number;
  /** How long requests in flight may take to finish after that. */
  graceMs?: number;
}): Promise<PortalServer> {
  const graceMs = options.graceMs ?? 25_000;
  const drainMs = options.drainMs ?? 2_000;
  // A write, not a read: proxy.ts (env.PMDOT_PORTAL_SERVER) learns from it that this server is in front.
  process.env.PMDOT_PORTAL_SERVER = "1";
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const availability = databaseAvailability(env.DATABASE_URL!);
  // A replica that stops answering is skipped (reads go to the primary) rather than failing every page.
  const replicaUrl = env.DATABASE_REPLICA_URL;
  const replica = replicaUrl
    ? databaseAvailability(replicaUrl, {
        onChange: (up) =>
          up
            ? logger.info("read replica answers again: reading from it")
            : logger.warn("read replica unreachable: reading from the primary"),
      })
    : null;
  let stopping = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;
  const behindProxy = trustedProxyHops() > 0;
  let warnedForwardedFor = false;

  const server = http.createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    // A request id from the balancer ties its log to ours; one from a client could pass for another request in the audit.
    const incoming = behindProxy ? req.headers["x-request-id"] : undefined;
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    if (!behindProxy && !warnedForwardedFor && req.headers["x-forwarded-for"]) {
      warnedForwardedFor = true;
      logger.warn(
        "requests carry X-Forwarded-For but TRUSTED_PROXY_HOPS is 0: behind a balancer, every user has its address, for the sign-in throttle and the audit alike. Set TRUSTED_PROXY_HOPS to the number of proxies in front.",
      );
    }
    req.headers["x-request-id"] = requestId;
    const ip = trustedClientIp(req.headers["x-forwarded-for"], req.socket.remoteAddress);
    if (ip) req.headers[CLIENT_IP_HEADER] = ip;
    else delete req.headers[CLIENT_IP_HEADER];
    let userId: string | undefined;
    const writeHead = res.writeHead;
    res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
      const user = this.getHeader(USER_ID_HEADER);
      if (user !== undefined) {
        userId = String(user);
        this.removeHeader(USER_ID_HEADER);
      }
      if (stopping) this.setHeader("connection", "close");
      return writeHead.apply(this, args);
    } as typeof writeHead;

    inFlight++;
    res.once("close", () => {
      inFlight--;
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      if (!path.startsWith("/_next/static/")) {
        logger.info(
          {
            requestId,
            userId: userId ? Number(userId) : undefined,
            method: req.method,
            path,
            status: res.statusCode,
            durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
            aborted: !res.writableFinished || undefined,
          },
          "request",
        );
      }
      if (inFlight === 0) idle?.();
    });

    const path = req.url ?? "/";
    if (malformedPath(path)) {
      return plainAnswer(req, res, {
        status: 400,
        error: "bad_request",
        title: t.security.badRequestTitle,
        message: t.security.badPath,
        requestId,
      });
    }
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
      // The rest of the body is not waited for: the connection closes once the answer is out.
      res.setHeader("connection", "close");
      return plainAnswer(req, res, {
        status: 413,
        error: "payload_too_large",
        title: t.security.bodyTooLargeTitle,
        message: t.security.bodyTooLarge,
        requestId,
      });
    }
    // A body without a declared size (chunked) could not be refused before it is read: browsers always declare it.
    if (req.headers["transfer-encoding"] !== undefined && req.headers["content-length"] === undefined) {
      res.setHeader("connection", "close");
      return plainAnswer(req, res, {
        status: 411,
        error: "length_required",
        title: t.security.lengthRequiredTitle,
        message: t.security.lengthRequired,
        requestId,
      });
    }
    // Requests already on an open connection are still served; only the balancer's health check is told to go elsewhere.
    if (stopping && path.startsWith("/api/health")) return unavailable(req, res, requestId, t.errors.shuttingDown);
    if (!UNGATED.some((pattern) => pattern.test(path)) && !(await availability.isUp())) {
      return unavailable(req, res, requestId, t.errors.unavailable);
    }
    try {
      const readFromPrimary = cookieSaysWrote(req.headers.cookie) || (replica !== null && !replica.lastKnown());
      await runWithReadRouting(readFromPrimary, () => handle(req, res));
    } catch (error) {
      logger.error({ err: error, requestId, path: path.split("?")[0] }, "request failed");
      if (!res.headersSent) {
        res.statusCode = 500;
        setPlainSecurityHeaders(res);
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.end(`${t.errors.generic} ${t.errors.requestId(requestId)}`);
      } else res.destroy();
    }
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  // Reminders and e-mail: every instance works the shared queue (ADR 0110).
  const jobs = runJobWorkers({ databaseUrl: env.DATABASE_URL!, db: getPrimaryDb() });
  const address = server.address() as AddressInfo;
  const url = `http://${options.hostname.includes(":") ? `[${options.hostname}]` : options.hostname}:${address.port}`;

  let shuttingDown: Promise<void> | null = null;
  async function shutdown(reason: string) {
    shuttingDown ??= (async () => {
      stopping = true;
      // First the balancer learns from /api/health that this instance is leaving, while it still serves;
      // closing the listener at once would reset connections still waiting in the accept queue.
      logger.info({ reason, inFlight, drainMs }, "shutting down: health check now fails, still serving");
      await sleep(drainMs);
      logger.info({ inFlight }, "shutting down: no new connections, finishing requests in flight");
      // net.Server's close stops accepting but, unlike http.Server's, keeps open connections: a request
      // already sent on one may not be parsed yet while the event loop renders others.
      const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      const deadline = Date.now() + graceMs;
      // Quiet means no request for a while, not just at one instant.
      while (Date.now() < deadline) {
        if (inFlight === 0) {
          await sleep(QUIET_MS);
          if (inFlight === 0) break;
        } else await Promise.race([new Promise<void>((resolve) => (idle = resolve)), sleep(deadline - Date.now())]);
      }
      if (inFlight > 0) logger.warn({ inFlight }, "grace period over: closing the remaining connections");
      server.closeAllConnections();
      await closed;
      // A job in progress (an e-mail being sent) finishes before the pools close.
      await jobs.stop().catch((error) => logger.warn({ err: error }, "background jobs did not stop cleanly"));
      await Promise.allSettled([app.close(), availability.close(), replica?.close(), disconnectDatabases()]);
      logger.info("stopped");
    })();
    return shuttingDown;
  }
  return { url, shutdown };
}
