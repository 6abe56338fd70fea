// Every write goes through `auditedWrite`: one database transaction that changes the data and appends
// its audit events to the hash chain, so a change and its record commit together or not at all.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/connect.ts';
import type { DB } from '../platform/db/schema.ts';
import type { AuditAction } from './audit-actions.ts';
import { canonicalJson, hashAuditRecord, type AuditRecord } from './audit-chain.ts';

/** Who is writing, from which request, and when (time is passed in, never read inside the domain). */
export interface WriteContext {
  actor: string; // e.g. 'admin-token', 'system:demo', later 'user:<id>'
  requestId: string | null;
  now: Date;
}

export interface AuditEventInput {
  action: AuditAction;
  objectType: string;
  objectId: string;
  summary: Record<string, unknown>;
}

/** Collects the audit events of one write; they are appended when the work is done. */
export interface AuditRecorder {
  record(event: AuditEventInput): void;
}

export type Tx = Transaction<DB>;

/**
 * Runs `work` in a transaction that first takes the chain's write lock, then appends the recorded
 * events. A write that records no event is a programming error and is rolled back.
 */
export async function auditedWrite<T>(
  database: Database,
  ctx: WriteContext,
  work: (tx: Tx, audit: AuditRecorder) => Promise<T>,
  options: { allowNoEvent?: boolean } = {},
): Promise<T> {
  return database.db.transaction().execute((tx) => auditedWork(tx, database.dialect, ctx, work, options));
}

/**
 * The same unit of work inside a transaction the caller owns (e.g. one savepoint per page of an import
 * batch). The caller commits; a rollback to the caller's savepoint also rolls back the events.
 */
export async function auditedWork<T>(
  tx: Tx,
  dialect: Database['dialect'],
  ctx: WriteContext,
  work: (tx: Tx, audit: AuditRecorder) => Promise<T>,
  options: { allowNoEvent?: boolean } = {},
): Promise<T> {
  await lockChainHead(tx, dialect);
  const events: AuditEventInput[] = [];
  const result = await work(tx, { record: (event) => events.push(event) });
  if (events.length === 0 && !options.allowNoEvent) {
    throw new Error('auditedWrite: the work changed data without recording an audit event');
  }
  if (events.length > 0) await appendEvents(tx, ctx, events);
  return result;
}

// Taking the lock first serialises all writers: on SQLite the UPDATE takes the write lock at once (a
// deferred transaction that reads first could fail to upgrade); on PostgreSQL the row lock orders
// writers across app servers, which keeps the chain a single line.
async function lockChainHead(tx: Tx, dialect: Database['dialect']): Promise<void> {
  if (dialect === 'sqlite') await sql`update audit_head set seq = seq where id = 1`.execute(tx);
  else await sql`select seq from audit_head where id = 1 for update`.execute(tx);
}

async function appendEvents(tx: Tx, ctx: WriteContext, events: AuditEventInput[]): Promise<void> {
  const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let { seq, hash } = head;
  const occurredAt = ctx.now.toISOString();
  const rows = events.map((event) => {
    seq += 1;
    const record: AuditRecord = {
      seq,
      occurredAt,
      actor: ctx.actor,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      summary: canonicalJson(event.summary),
      requestId: ctx.requestId,
    };
    const prevHash = hash;
    hash = hashAuditRecord(prevHash, record);
    return {
      seq: record.seq,
      occurred_at: record.occurredAt,
      actor: record.actor,
      action: record.action,
      object_type: record.objectType,
      object_id: record.objectId,
      summary: record.summary,
      request_id: record.requestId,
      prev_hash: prevHash,
      hash,
    };
  });
  await tx.insertInto('audit_events').values(rows).execute();
  await tx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
}
