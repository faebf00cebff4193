import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import { TIME_ZONE } from "@/lib/i18n/format";
import { logger } from "@/lib/logger";
import type { MailSettings } from "@/lib/mail/mail-settings";
import { createMailTransport, type MailTransport } from "@/lib/mail/mail-transport";
import { DeliveryFailedError, deliverEmail, markQueued, unqueuedDeliveries } from "@/lib/notifications/deliver-email";

/** pg-boss keeps its tables in this schema of the portal's database, apart from Prisma's (ADR 0110). */
export const JOB_SCHEMA = "pgboss";

export const QUEUES = {
  /** One job per outbox e-mail: sends it, retried with back-off while the SMTP server fails. */
  sendEmail: "email-send",
  /** Every minute: hands the outbox's e-mails that have no job yet to `sendEmail` (those written by a request, outside a worker). */
  dispatchEmails: "email-dispatch",
} as const;

/** Cron schedules, in Quito's time; pg-boss fires each once per slot across every instance. */
const SCHEDULES: { queue: string; cron: string }[] = [{ queue: QUEUES.dispatchEmails, cron: "* * * * *" }];

export interface JobWorkerOptions {
  databaseUrl: string;
  db: Db;
  /** Null: e-mail is off, nothing is sent (the outbox stays empty). */
  mail: MailSettings | null;
  /** Seconds before the first retry of an e-mail (30); each retry waits about twice as long. */
  retryDelaySeconds?: number;
  /** Retries of an e-mail before it is FAILED (10: about nine hours of back-off from 30 s). */
  retryLimit?: number;
  /** How often an idle worker looks for jobs (2 s). */
  pollingIntervalSeconds?: number;
  /** The transport to use instead of one for `mail.smtpUrl`. */
  transport?: MailTransport;
}

export interface JobWorkers {
  boss: PgBoss;
  /** What the every-minute job does: queues the outbox's unqueued e-mails now; returns how many. */
  dispatchEmails(): Promise<number>;
  stop(): Promise<void>;
}

/** A job id derived from the delivery: two dispatchers queuing the same e-mail at once insert one job. */
function deliveryJobId(deliveryId: number): string {
  const hex = createHash("sha256").update(`email-delivery:${deliveryId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Starts this instance's background workers on the portal's PostgreSQL (pg-boss,
 * ADR 0110): every instance runs them, pg-boss hands each job to one of them,
 * jobs are rows and survive restarts, and failed ones are retried with back-off.
 */
export async function startJobWorkers(options: JobWorkerOptions): Promise<JobWorkers> {
  const { db, mail } = options;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOB_SCHEMA,
    application_name: "matriz-pmdot-jobs",
    max: 3,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();

  const retry = { retryLimit: options.retryLimit ?? 10, retryDelay: options.retryDelaySeconds ?? 30, retryBackoff: true };
  await boss.createQueue(QUEUES.sendEmail, { name: QUEUES.sendEmail, ...retry, expireInSeconds: 300 });
  await boss.createQueue(QUEUES.dispatchEmails, { name: QUEUES.dispatchEmails, retryLimit: 0, expireInSeconds: 120 });

  async function dispatchEmails(): Promise<number> {
    let queued = 0;
    for (const deliveryId of await unqueuedDeliveries(db)) {
      const jobId =
        (await boss.send(QUEUES.sendEmail, { deliveryId }, { id: deliveryJobId(deliveryId), ...retry })) ?? deliveryJobId(deliveryId);
      await markQueued(db, deliveryId, jobId);
      queued++;
    }
    return queued;
  }

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  const transport = mail ? (options.transport ?? createMailTransport(mail.smtpUrl)) : null;
  if (mail && transport) {
    await boss.work<{ deliveryId: number }>(QUEUES.sendEmail, { ...polling, includeMetadata: true }, async ([job]) => {
      if (!job) return;
      try {
        const outcome = await deliverEmail(db, job.data.deliveryId, transport, {
          from: mail.from,
          lastAttempt: job.retryCount >= job.retryLimit,
        });
        logger.info({ deliveryId: job.data.deliveryId, outcome }, "e-mail delivery");
      } catch (error) {
        if (error instanceof DeliveryFailedError) logger.warn({ deliveryId: job.data.deliveryId, error: error.message }, "e-mail not sent");
        throw error;
      }
    });
    await boss.work(QUEUES.dispatchEmails, polling, async () => {
      await dispatchEmails();
    });
  }
  for (const { queue, cron } of SCHEDULES) await boss.schedule(queue, cron, {}, { tz: TIME_ZONE });

  return {
    boss,
    dispatchEmails,
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      transport?.close();
    },
  };
}
