import type { Db } from "@/lib/db/client";
import type { MailTransport } from "@/lib/mail/mail-transport";

/** Longer than the SMTP transport's timeouts together (lib/mail/mail-transport.ts): no other worker sends while one may still be talking. */
const LEASE_SECONDS = 120;
const MAX_ERROR_LENGTH = 500;

export type DeliveryOutcome = "sent" | "skipped";

/** Thrown when the SMTP server refused or could not be reached; the queue retries the job. */
export class DeliveryFailedError extends Error {}

/**
 * Sends one e-mail of the outbox, at most once: the row is first leased with a
 * conditional update, so of two workers holding jobs for the same message only
 * one sends, and a message already SENT or FAILED is skipped. A failure keeps
 * it PENDING with the error (or FAILED on the last attempt) and throws, so the
 * queue retries with back-off. Only a crash between the SMTP server's
 * acceptance and the update below can send it again (after the lease).
 */
export async function deliverEmail(
  db: Db,
  deliveryId: number,
  transport: MailTransport,
  options: { from: string; lastAttempt: boolean },
): Promise<DeliveryOutcome> {
  const claimed = await db.$queryRaw<{ toAddress: string; subject: string; body: string; eventKey: string }[]>`
    UPDATE "EmailDelivery" AS d
    SET "claimedUntil" = now() + make_interval(secs => ${LEASE_SECONDS}), "attempts" = d."attempts" + 1, "updatedAt" = now()
    FROM "Notification" AS n
    WHERE d."id" = ${deliveryId} AND n."id" = d."notificationId" AND d."state" = 'PENDING'
      AND (d."claimedUntil" IS NULL OR d."claimedUntil" < now())
    RETURNING d."toAddress", d."subject", d."body", n."eventKey"`;
  const message = claimed[0];
  if (!message) return "skipped";
  try {
    await transport.sendMail({
      from: options.from,
      to: message.toAddress,
      subject: message.subject,
      text: message.body,
      headers: { "X-PMDOT-Event": message.eventKey },
    });
  } catch (error) {
    const reason = describeError(error);
    await db.emailDelivery.update({
      where: { id: deliveryId },
      data: { state: options.lastAttempt ? "FAILED" : "PENDING", lastError: reason, claimedUntil: null },
    });
    throw new DeliveryFailedError(reason);
  }
  await db.emailDelivery.update({
    where: { id: deliveryId },
    data: { state: "SENT", sentAt: new Date(), claimedUntil: null, lastError: null },
  });
  return "sent";
}

/** The SMTP server's answer or the network error, as an administrator can act on it (never the message's content). */
function describeError(error: unknown): string {
  const { code, responseCode, response, message } = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const detail = response ?? message ?? String(error);
  return [code, responseCode, detail]
    .filter((part) => part !== undefined && part !== "")
    .join(" ")
    .slice(0, MAX_ERROR_LENGTH);
}

/** The outbox's messages not yet handed to the queue, oldest first. */
export async function unqueuedDeliveries(db: Db, limit = 200): Promise<number[]> {
  const rows = await db.emailDelivery.findMany({
    where: { state: "PENDING", jobId: null },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Records the job that will send the message; a second dispatcher's job for it is then simply skipped when it runs. */
export async function markQueued(db: Db, deliveryId: number, jobId: string) {
  await db.emailDelivery.updateMany({ where: { id: deliveryId, jobId: null }, data: { jobId } });
}
