// Notifications: what they are about, how their e-mail goes, and when a failed e-mail is tried again.
// Pure: time is passed in.

export const NOTIFICATION_KINDS = ['procedure_opened', 'silence_broken', 'deadline_soon', 'adopted', 'failed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** pending: to be sent (or retried); sent; failed_permanently: the mail server refused the address; not_applicable: no mail to send. */
export const EMAIL_STATUSES = ['pending', 'sent', 'failed_permanently', 'not_applicable'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export interface Notification {
  id: string;
  userId: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  link: string;
  itemId: string | null;
  createdAt: string;
  readAt: string | null;
  emailStatus: EmailStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

export interface Backoff {
  /** Pause after the first failure. */
  baseMs: number;
  /** Longest pause between attempts: a server down for days is tried at least this often. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000 };

/** When to try again after `attempts` failed attempts: base × 2^(attempts−1), at most max. No attempt limit: mail is delayed, never dropped. */
export function nextAttemptAt(now: Date, attempts: number, backoff: Backoff = DEFAULT_BACKOFF): Date {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return new Date(now.getTime() + Math.min(backoff.baseMs * 2 ** exponent, backoff.maxMs));
}

/** The dedupe key of "deadline within 24 hours" for one procedure and one deadline (an extension gives a new key). */
export function deadlineSoonKey(procedureId: string, deadline: string): string {
  return `deadline_soon:${procedureId}:${new Date(deadline).toISOString()}`;
}

/** Whether a deadline falls in the 24 hours after `now` (and has not passed). */
export function deadlineWithin24Hours(now: Date, deadline: string): boolean {
  const at = Date.parse(deadline);
  return at > now.getTime() && at <= now.getTime() + 24 * 3_600_000;
}
