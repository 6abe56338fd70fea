// Kysely's view of the notifications outbox (migration 0006_notifications), merged into the DB
// interface of platform/db/schema.ts by module augmentation, as accounts/accounts.tables.ts does.
import type { EmailStatus, NotificationKind } from './model.ts';

export interface NotificationTable {
  id: string; // UUID v7
  user_id: string; // the recipient
  kind: NotificationKind;
  subject: string;
  body: string;
  link: string; // a path inside Concord, e.g. /texts/<id>
  item_id: string | null;
  dedupe_key: string | null; // unique per user when set
  created_at: string;
  read_at: string | null;
  email_status: EmailStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  claimed_by: string | null; // the dispatcher run holding the row
  claimed_until: string | null; // ...until then; afterwards another may take it
}

declare module '../platform/db/schema.ts' {
  interface DB {
    notifications: NotificationTable;
  }
}
