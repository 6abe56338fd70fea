// All SQL of the notifications outbox. Inserts run inside the caller's transaction; the dispatcher's
// claims are conditional updates (plus FOR UPDATE SKIP LOCKED on PostgreSQL), so two app servers
// never hold the same row at once.
import type { Role } from '../kernel/access/can.ts';
import type { Executor } from '../kernel/db/executor.ts';
import type { Dialect } from '../kernel/db/connect.ts';
import type { EmailStatus, Notification, NotificationKind } from './model.ts';
import type { NotificationTable } from '../kernel/db/schema-notifications.ts';

export interface Recipient {
  id: string;
  email: string;
  roles: Role[];
  memberCode: string | null;
  headOfDelegation: boolean;
  clearance: string;
}

function toNotification(row: NotificationTable): Notification {
  return {
    id: row.id,
    userId: row.user_id,
    // The table's columns are plain text in the kernel; only this repository writes them, from these lists.
    kind: row.kind as NotificationKind,
    subject: row.subject,
    body: row.body,
    link: row.link,
    itemId: row.item_id,
    createdAt: row.created_at,
    readAt: row.read_at,
    emailStatus: row.email_status as EmailStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
  };
}

/** Every enabled account, with what `can` needs to know of it. */
export async function activeRecipients(db: Executor): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'roles', 'member_code', 'head_of_delegation', 'clearance'])
    .where('disabled', '=', 0)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    roles: JSON.parse(r.roles) as Role[],
    memberCode: r.member_code,
    headOfDelegation: r.head_of_delegation === 1,
    clearance: r.clearance,
  }));
}

const INSERT_CHUNK = 200;

/** Inserts outbox rows; a row whose (user, dedupe key) exists already is skipped. Answers how many were inserted. */
export async function insertNotifications(db: Executor, rows: NotificationTable[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const result = await db
      .insertInto('notifications')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** A user's notifications, newest first, and how many are unread. */
export async function notificationsOf(
  db: Executor,
  userId: string,
  options: { limit: number; unreadOnly: boolean },
): Promise<{ items: Notification[]; unread: number }> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  const { n } = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { items: rows.map(toNotification), unread: Number(n) };
}

/** One notification of this user, or null (someone else's reads as missing). */
export async function findNotification(db: Executor, id: string, userId: string): Promise<Notification | null> {
  const row = await db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? toNotification(row) : null;
}

export async function markRead(db: Executor, id: string, userId: string, now: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

/** A row leased to one dispatcher run, with the address to write to. */
export interface ClaimedMail {
  id: string;
  userId: string;
  email: string | null;
  subject: string;
  body: string;
  link: string;
  attempts: number;
  createdAt: string;
}

/**
 * Leases up to `limit` due rows (pending, next attempt due, not leased or lease lapsed) to `token`
 * until `leaseUntil`. On PostgreSQL rows another server is claiming are skipped (SKIP LOCKED); the
 * conditions are repeated in the outer WHERE so a row claimed meanwhile is never taken twice.
 */
export async function claimDue(
  db: Executor,
  dialect: Dialect,
  token: string,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<ClaimedMail[]> {
  const due = (eb: Executor) => {
    let q = eb
      .selectFrom('notifications')
      .select('id')
      .where('email_status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
      .orderBy('next_attempt_at')
      .limit(limit);
    if (dialect === 'postgres') q = q.forUpdate().skipLocked();
    return q;
  };
  const claimed = await db
    .updateTable('notifications')
    .set({ claimed_by: token, claimed_until: leaseUntil })
    .where('id', 'in', due(db))
    .where('email_status', '=', 'pending')
    .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
    .returning('id')
    .execute();
  if (claimed.length === 0) return [];
  const rows = await db
    .selectFrom('notifications')
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'notifications.user_id').on('users.disabled', '=', 0))
    .select([
      'notifications.id',
      'notifications.user_id',
      'users.email',
      'notifications.subject',
      'notifications.body',
      'notifications.link',
      'notifications.attempts',
      'notifications.created_at',
    ])
    .where('notifications.claimed_by', '=', token)
    .orderBy('notifications.next_attempt_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    email: r.email,
    subject: r.subject,
    body: r.body,
    link: r.link,
    attempts: r.attempts,
    createdAt: r.created_at,
  }));
}

const released = { claimed_by: null, claimed_until: null };

/** The mail went out. */
export async function markSent(db: Executor, id: string, token: string, now: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({
      ...released,
      email_status: 'sent',
      sent_at: now,
      last_error: null,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where('claimed_by', '=', token)
    .execute();
}

/** The attempt failed for a reason that may pass (server down, busy): try again at `retryAt`. */
export async function markRetry(
  db: Executor,
  id: string,
  token: string,
  retryAt: string,
  error: string,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({ ...released, next_attempt_at: retryAt, last_error: error, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('claimed_by', '=', token)
    .execute();
}

/** The mail cannot go: the server refused the address for good, or there is none to write to. */
export async function markNotSent(
  db: Executor,
  id: string,
  token: string,
  status: 'failed_permanently' | 'not_applicable',
  error: string,
  countAttempt: boolean,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({
      ...released,
      email_status: status,
      last_error: error,
      next_attempt_at: null,
      attempts: countAttempt ? eb('attempts', '+', 1) : eb.ref('attempts'),
    }))
    .where('id', '=', id)
    .where('claimed_by', '=', token)
    .execute();
}
