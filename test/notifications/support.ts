// Notification tests: a demo database, the demo accounts' ids, and queuing notices as a write would.
import { auditedWrite } from '../../src/kernel/audit/audited-write.ts';
import type { Database } from '../../src/kernel/db/connect.ts';
import { enqueueNotifications, type NotificationInput } from '../../src/notifications/notifications.service.ts';
import type { Resource } from '../../src/kernel/access/can.ts';

export const DEMO_EMAILS = {
  secretariat: 'secretariat@demo.concord',
  chair: 'chair@demo.concord',
  headRu: 'head.ru@demo.concord',
  headPl: 'head.pl@demo.concord',
  auditor: 'auditor@demo.concord',
} as const;

export async function userIds(database: Database): Promise<Record<keyof typeof DEMO_EMAILS, string>> {
  const rows = await database.db.selectFrom('users').select(['id', 'email']).execute();
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return Object.fromEntries(Object.entries(DEMO_EMAILS).map(([k, email]) => [k, byEmail.get(email)!])) as Record<
    keyof typeof DEMO_EMAILS,
    string
  >;
}

export async function formatMembers(database: Database, format: string): Promise<string[]> {
  return (
    await database.db.selectFrom('format_members').select('member_code').where('format_code', '=', format).execute()
  ).map((r) => r.member_code);
}

export const textOf = (members: readonly string[]): Resource => ({
  type: 'text',
  formatMembers: members,
  part: 'draft',
});

/** Queues a notice inside an audited write, as the texts service does in its transaction. */
export async function queue(
  database: Database,
  input: Omit<NotificationInput, 'at'> & { at?: Date },
  now = new Date('2026-01-01T09:00:00Z'),
) {
  return auditedWrite(database, { actor: 'system:test', requestId: null, now }, async (tx, audit) => {
    const result = await enqueueNotifications(tx, { ...input, at: input.at ?? now });
    audit.record({ action: 'council.updated', objectType: 'test', objectId: 'notice', summary: {} });
    return result;
  });
}

export async function rowsOf(database: Database) {
  return database.db.selectFrom('notifications').selectAll().orderBy('created_at').orderBy('id').execute();
}
