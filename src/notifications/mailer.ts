// E-mail over SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. The dispatcher needs only
// `send`; tests and the benchmark may pass any Mailer. A failed send says whether waiting may help.
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Why a send failed, as the dispatcher acts on it. */
export type MailFailure =
  /** The mail server is unreachable or misbehaving (down, timeout, authentication): retry this and the rest later. */
  | { kind: 'server'; message: string }
  /** This message was refused for a reason that may pass (4xx: mailbox busy, greylisting): retry it later. */
  | { kind: 'temporary'; message: string }
  /** The server refused this message for good (5xx on the address or content): do not retry. */
  | { kind: 'permanent'; message: string };

const SERVER_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EAUTH',
  'ETLS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPROTOCOL',
  'EHOSTUNREACH',
]);

/** Classifies a nodemailer error (never includes credentials: the message is nodemailer's or the server's reply). */
export function classifyMailError(error: unknown): MailFailure {
  const e = error as { code?: string; responseCode?: number; message?: string };
  const message = (e.message ?? String(error)).slice(0, 500);
  if (e.code && SERVER_CODES.has(e.code)) return { kind: 'server', message };
  if (
    typeof e.responseCode === 'number' &&
    e.responseCode >= 500 &&
    e.responseCode < 600 &&
    (e.code === 'EENVELOPE' || e.code === 'EMESSAGE')
  )
    return { kind: 'permanent', message };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 500)
    return { kind: 'temporary', message };
  return { kind: 'server', message };
}

/** A Mailer that sends through the SMTP server of `smtpUrl` (smtp://user:pass@host:587, smtps://… for TLS from the start). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    async send(message) {
      await transport.sendMail({ to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

/** The SMTP URL without its password, for logs. */
export function describeSmtp(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'an unreadable SMTP_URL';
  }
}
