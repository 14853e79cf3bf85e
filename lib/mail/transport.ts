// The SMTP transport (nodemailer), from KEYHOLD_SMTP_URL: off when it is unset. One per process, pooled.
import nodemailer, { type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { env } from "@/lib/config/env";

const globalForMail = globalThis as unknown as { keyholdMail?: { url: string; transport: Transporter } };

export const mailEnabled = () => env().KEYHOLD_SMTP_URL !== undefined;

/** This process's transport; throws when email is off (check mailEnabled first). */
export function mailTransport(): Transporter {
  const url = env().KEYHOLD_SMTP_URL;
  if (!url) throw new Error("Email is off: KEYHOLD_SMTP_URL is not set");
  if (globalForMail.keyholdMail?.url !== url) {
    // Bounded waits: a stuck server fails the send (and the job is retried) rather than holding a worker.
    // (The URL's own query options, e.g. ?tls.rejectUnauthorized=false, are kept.)
    const transport = nodemailer.createTransport({ connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000, ...parseConnectionUrl(url) });
    globalForMail.keyholdMail = { url, transport };
  }
  return globalForMail.keyholdMail.transport;
}

export type MailSettings = { enabled: false } | { enabled: true; host: string; port: number; secure: boolean; from: string };

/** What the settings page shows: the server and sender, never the credentials. */
export function mailSettings(): MailSettings {
  const { KEYHOLD_SMTP_URL: url, KEYHOLD_MAIL_FROM: from } = env();
  if (!url) return { enabled: false };
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  return { enabled: true, host: parsed.hostname, port: Number(parsed.port || (secure ? 465 : 587)), secure, from };
}
