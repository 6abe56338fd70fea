// Kysely's view of the notifications outbox (migration 0006_notifications), part of the DB
// interface of schema.ts, which gathers every table type in kernel/db.

export interface NotificationTable {
  id: string; // UUID v7
  user_id: string; // the recipient
  /** One of notifications/model.ts's NOTIFICATION_KINDS (checked there: the kernel knows no domain). */
  kind: string;
  subject: string;
  body: string;
  link: string; // a path inside Concord, e.g. /texts/<id>
  item_id: string | null;
  dedupe_key: string | null; // unique per user when set
  created_at: string;
  read_at: string | null;
  /** One of notifications/model.ts's EMAIL_STATUSES. */
  email_status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  claimed_by: string | null; // the dispatcher run holding the row
  claimed_until: string | null; // ...until then; afterwards another may take it
}

export interface NotificationsTables {
  notifications: NotificationTable;
}
