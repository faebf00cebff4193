import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { env } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { TIME_ZONE } from "@/lib/i18n/format";
import { logger } from "@/lib/logger";
import { type MailSettings, mailSettings } from "@/lib/mail/mail-settings";
import { createMailTransport, type MailTransport } from "@/lib/mail/mail-transport";
import { sendReminders, sendWeeklyDigest } from "@/lib/notifications/accountability-events";
import type { CreatedNotifications } from "@/lib/notifications/create-notifications";
import { DeliveryFailedError, deliverEmail, markQueued, unqueuedDeliveries } from "@/lib/notifications/deliver-email";
import { todayInQuito } from "@/lib/tracking/days";

/** pg-boss keeps its tables in this schema of the portal's database, apart from Prisma's (ADR 0110). */
export const JOB_SCHEMA = "pgboss";

export const QUEUES = {
  /** One job per outbox e-mail: sends it, retried with back-off while the SMTP server fails. */
  sendEmail: "email-send",
  /** Every minute: hands the outbox's e-mails that have no job yet to `sendEmail` (those written by a request, outside a worker). */
  dispatchEmails: "email-dispatch",
  /** Reporters' reminders before and after a period's due date; hourly in the working day, so a missed hour costs nothing. */
  reminders: "reminders",
  /** The planners' digest of overdue reports, on Monday mornings. */
  weeklyDigest: "weekly-digest",
} as const;

/** Cron schedules, in Quito's time; pg-boss fires each once per slot across every instance. */
const SCHEDULES = {
  [QUEUES.dispatchEmails]: "* * * * *",
  [QUEUES.reminders]: "0 7-19 * * *",
  [QUEUES.weeklyDigest]: "0 7 * * 1",
} as const;

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
  /** Days before a due date when reporters are first reminded (REMINDER_DAYS_BEFORE). */
  reminderDaysBefore: number;
  /** Quito's today for the scheduled jobs; tests move it. */
  today?: () => string;
}

export interface JobWorkers {
  boss: PgBoss;
  /** What the every-minute job does: queues the outbox's unqueued e-mails now; returns how many. */
  dispatchEmails(): Promise<number>;
  /** What the hourly job does: writes the reminders due today and queues their e-mails. */
  runReminders(): Promise<CreatedNotifications>;
  /** What the Monday job does. */
  runWeeklyDigest(): Promise<CreatedNotifications>;
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

  const today = options.today ?? (() => todayInQuito());
  const email = mail ? { portalUrl: mail.portalUrl } : null;
  async function runReminders() {
    const created = await sendReminders(db, { today: today(), daysBefore: options.reminderDaysBefore, email });
    if (mail) await dispatchEmails();
    return created;
  }
  async function runWeeklyDigest() {
    const created = await sendWeeklyDigest(db, { today: today(), email });
    if (mail) await dispatchEmails();
    return created;
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
  await boss.createQueue(QUEUES.reminders, { name: QUEUES.reminders, retryLimit: 2, retryDelay: 60, expireInSeconds: 600 });
  await boss.createQueue(QUEUES.weeklyDigest, { name: QUEUES.weeklyDigest, retryLimit: 2, retryDelay: 60, expireInSeconds: 600 });
  await boss.work(QUEUES.reminders, polling, async () => {
    const { notificationIds } = await runReminders();
    logger.info({ notifications: notificationIds.length }, "reminders written");
  });
  await boss.work(QUEUES.weeklyDigest, polling, async () => {
    const { notificationIds } = await runWeeklyDigest();
    logger.info({ notifications: notificationIds.length }, "weekly digest written");
  });
  for (const [queue, cron] of Object.entries(SCHEDULES)) {
    // Without e-mail there is nothing to dispatch: no job every minute for nobody.
    if (queue === QUEUES.dispatchEmails && !mail) await boss.unschedule(queue);
    else await boss.schedule(queue, cron, {}, { tz: TIME_ZONE });
  }

  return {
    boss,
    dispatchEmails,
    runReminders,
    runWeeklyDigest,
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      transport?.close();
    },
  };
}

/**
 * An instance's workers from its environment (SMTP_URL, MAIL_FROM,
 * REMINDER_DAYS_BEFORE), started in the background: a database that is down
 * when the portal starts delays them (retried every 15 s) instead of stopping
 * the portal, which answers 503 meanwhile anyway. JOBS_DISABLED=1 starts none.
 */
export function runJobWorkers(options: { databaseUrl: string; db: Db }): { stop(): Promise<void> } {
  if (env.JOBS_DISABLED) return { stop: async () => {} };
  let stopped = false;
  let workers: JobWorkers | null = null;
  let timer: NodeJS.Timeout | null = null;
  const attempt = async () => {
    try {
      const started = await startJobWorkers({ ...options, mail: mailSettings(), reminderDaysBefore: env.REMINDER_DAYS_BEFORE });
      if (stopped) await started.stop();
      else workers = started;
      logger.info({ email: mailSettings() !== null }, "background jobs started");
    } catch (error) {
      logger.warn({ err: error }, "background jobs not started: retrying in 15 s");
      if (!stopped) timer = setTimeout(() => void attempt(), 15_000).unref();
    }
  };
  void attempt();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await workers?.stop();
    },
  };
}
