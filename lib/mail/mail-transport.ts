import nodemailer from "nodemailer";

/** What sending needs from nodemailer. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; headers?: Record<string, string> }): Promise<unknown>;
  close(): void;
}

/**
 * An SMTP transport for SMTP_URL. Short timeouts: a server that does not answer
 * fails the attempt (the queue retries later) well within the lease that keeps
 * other workers off the message (lib/notifications/deliver-email.ts).
 */
export function createMailTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}
