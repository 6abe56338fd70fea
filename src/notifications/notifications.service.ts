// Writing notifications. `enqueueNotifications` runs inside the caller's transaction (the audited
// write of the change it announces): it fans the notice out to every enabled account that `can` read
// the item, so a notice about an item of the Allies' format never reaches a partner's delegate, and
// a rolled-back change notifies nobody. `scanDeadlinesSoon` queues "deadline within 24 hours" once
// per procedure and deadline, however often and on however many servers it runs.
import { can, userActor, type Actor, type Resource } from '../kernel/access/can.ts';
import { auditedWrite, type Tx, type WriteContext } from '../kernel/audit/audited-write.ts';
import type { Executor } from '../kernel/db/executor.ts';
import type { Database } from '../kernel/db/connect.ts';
import { uuidv7 } from '../kernel/ids.ts';
import { notFound } from '../kernel/errors.ts';
import { deadlineSoonKey, deadlineWithin24Hours, type Notification, type NotificationKind } from './model.ts';
import {
  activeRecipients,
  findNotification,
  insertNotifications,
  markRead,
  type Recipient,
} from './notifications.repository.ts';
import type { NotificationTable } from '../kernel/db/schema-notifications.ts';

export interface NotificationInput {
  kind: NotificationKind;
  /** The item the notice is about, as `can` sees it, e.g. { type: 'text', formatMembers, part: 'draft' }. */
  resource: Resource;
  /** One line, shown in the list and as the e-mail's subject (at most 200 characters). */
  subject: string;
  /** A few sentences; plain text (at most 4,000 characters). No secrets: it is e-mailed. */
  body: string;
  /** A path inside Concord, e.g. /texts/0193…; e-mails make it absolute with PUBLIC_URL. */
  link: string;
  /** When the change happened (the writer's `now`). */
  at: Date | string;
  itemId?: string | null;
  /** Once per user and key: a second notice with the same key is skipped. */
  dedupeKey?: string | null;
}

function recipientActor(r: Recipient): Actor {
  return userActor(r);
}

function check(input: NotificationInput): void {
  if (input.subject.trim() === '' || input.subject.length > 200)
    throw new Error('notification subject must be 1 to 200 characters');
  if (input.body.length > 4000) throw new Error('notification body must be at most 4,000 characters');
  if (!input.link.startsWith('/') || input.link.startsWith('//'))
    throw new Error('notification link must be a path inside Concord, starting with a single /');
}

/**
 * Queues one notification per enabled account that may read `input.resource`, inside `tx`.
 * Answers how many accounts may read it and how many rows were written (fewer when deduplicated).
 */
export async function enqueueNotifications(
  tx: Tx | Executor,
  input: NotificationInput,
): Promise<{ recipients: number; inserted: number }> {
  check(input);
  const at = typeof input.at === 'string' ? new Date(input.at).toISOString() : input.at.toISOString();
  const recipients = (await activeRecipients(tx)).filter((r) => can(recipientActor(r), 'read', input.resource));
  const rows: NotificationTable[] = recipients.map((r) => ({
    id: uuidv7(),
    user_id: r.id,
    kind: input.kind,
    subject: input.subject,
    body: input.body,
    link: input.link,
    item_id: input.itemId ?? null,
    dedupe_key: input.dedupeKey ?? null,
    created_at: at,
    read_at: null,
    // Every account has an address; the dispatcher sends when SMTP is configured (README).
    email_status: r.email ? 'pending' : 'not_applicable',
    attempts: 0,
    next_attempt_at: r.email ? at : null,
    last_error: null,
    sent_at: null,
    claimed_by: null,
    claimed_until: null,
  }));
  const inserted = rows.length === 0 ? 0 : await insertNotifications(tx, rows);
  return { recipients: recipients.length, inserted };
}

/** A procedure whose deadline may be near: what the notice says and who may read it. */
export interface DeadlineCandidate {
  procedureId: string;
  /** The deadline in force (ISO-8601 instant). */
  deadline: string;
  resource: Resource;
  subject: string;
  body: string;
  link: string;
  itemId?: string | null;
}

/** Candidates as a list, or a query for those whose deadline falls in (from, to]. */
export type DeadlineSource =
  readonly DeadlineCandidate[] | ((window: { from: Date; to: Date }) => Promise<readonly DeadlineCandidate[]>);

/**
 * Queues "deadline within 24 hours" for every candidate whose deadline falls in the 24 hours after
 * `now`. Idempotent: the dedupe key is the procedure and its deadline (an extended deadline is a new
 * occasion), unique per recipient in the outbox, so repeated scans and concurrent servers queue each
 * notice once. Answers the number of rows written.
 */
export async function scanDeadlinesSoon(database: Database, now: Date, source: DeadlineSource): Promise<number> {
  const candidates =
    typeof source === 'function' ? await source({ from: now, to: new Date(now.getTime() + 24 * 3_600_000) }) : source;
  let written = 0;
  for (const candidate of candidates) {
    if (!deadlineWithin24Hours(now, candidate.deadline)) continue;
    const dedupeKey = deadlineSoonKey(candidate.procedureId, candidate.deadline);
    // Already queued (by this or another server): skip without taking the write lock.
    const queued = await database.db
      .selectFrom('notifications')
      .select('id')
      .where('dedupe_key', '=', dedupeKey)
      .limit(1)
      .executeTakeFirst();
    if (queued) continue;
    const ctx: WriteContext = { actor: 'system:deadlines', requestId: null, now };
    written += await auditedWrite(
      database,
      ctx,
      async (tx, audit) => {
        const { inserted } = await enqueueNotifications(tx, {
          kind: 'deadline_soon',
          resource: candidate.resource,
          subject: candidate.subject,
          body: candidate.body,
          link: candidate.link,
          at: now,
          itemId: candidate.itemId ?? candidate.procedureId,
          dedupeKey,
        });
        if (inserted > 0) {
          audit.record({
            action: 'notification.deadline_soon_queued',
            objectType: 'procedure',
            objectId: candidate.procedureId,
            summary: { deadline: new Date(candidate.deadline).toISOString(), recipients: inserted },
          });
        }
        return inserted;
      },
      { allowNoEvent: true },
    );
  }
  return written;
}

/** Marks one of the user's notifications read (audited); reading it twice changes nothing. */
export async function markNotificationRead(
  database: Database,
  ctx: WriteContext,
  userId: string,
  id: string,
): Promise<Notification> {
  return auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      const found = await findNotification(tx, id, userId);
      if (!found) throw notFound('notification', id);
      if (found.readAt !== null) return found;
      const readAt = ctx.now.toISOString();
      await markRead(tx, id, userId, readAt);
      audit.record({
        action: 'notification.read',
        objectType: 'notification',
        objectId: id,
        summary: { kind: found.kind },
      });
      return { ...found, readAt };
    },
    { allowNoEvent: true },
  );
}
