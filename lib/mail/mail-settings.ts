import { env } from "@/lib/config";

/** Where e-mail goes out and what it links to; null when SMTP_URL is not set (e-mail off, in-app notifications only). */
export interface MailSettings {
  smtpUrl: string;
  from: string;
  portalUrl: string;
}

/** The portal's public address, for the links in e-mails. */
export function portalUrl(): string {
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

export function mailSettings(): MailSettings | null {
  const smtpUrl = env.SMTP_URL;
  return smtpUrl ? { smtpUrl, from: env.MAIL_FROM, portalUrl: portalUrl() } : null;
}
