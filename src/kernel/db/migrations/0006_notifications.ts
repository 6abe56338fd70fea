// Notifications (issue 5): an outbox with one row per recipient. The row is written in the same
// transaction as the change it announces (so a rolled-back change notifies nobody), read in the app
// (read_at), and e-mailed by the dispatcher of any app server (email_status, attempts,
// next_attempt_at, last_error; claimed_by/claimed_until lease a row to one dispatcher at a time).
//
// dedupe_key makes a notification that must happen once per occasion idempotent: the unique index on
// (user_id, dedupe_key) lets "deadline within 24 hours" be queued by every server's scan, any number
// of times, and still reach each person once per procedure and deadline. NULL keys never collide.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('procedure_opened', 'silence_broken', 'deadline_soon', 'adopted', 'failed')`),
    )
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('email_status', 'text', (c) =>
      c.notNull().check(sql`email_status in ('pending', 'sent', 'failed_permanently', 'not_applicable')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_dedupe_idx')
    .on('notifications')
    .columns(['user_id', 'dedupe_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('notifications_mail_idx')
    .on('notifications')
    .columns(['email_status', 'next_attempt_at'])
    .execute();
}
