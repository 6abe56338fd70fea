// Every write goes through `auditedWrite`: one database transaction that changes the data and appends
// its audit events to the hash chain, so a change and its record commit together or not at all.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { AuditEventTable, DB } from '../db/schema.ts';
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

/** What a create-or-update wrote: the item as it now is, and whether anything changed (a no-op writes nothing). */
export type WriteOutcome<T> = { item: T; changed: boolean };

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
  return database.db.transaction().execute((tx) => auditedWork(tx, database, ctx, work, options));
}

/**
 * The same unit of work inside a transaction the caller owns (e.g. one savepoint per page of an import
 * batch). The caller commits; a rollback to the caller's savepoint also rolls back the events.
 */
export async function auditedWork<T>(
  tx: Tx,
  database: Pick<Database, 'dialect' | 'hooks'>,
  ctx: WriteContext,
  work: (tx: Tx, audit: AuditRecorder) => Promise<T>,
  options: { allowNoEvent?: boolean } = {},
): Promise<T> {
  return auditedWorkOn(
    kyselyAuditChain(tx, database.dialect),
    ctx,
    async (audit) => {
      // Derived data follows the write in its own transaction: the write hooks (e.g. workspace search,
      // registered by the composition root) see every audited object before commit, so a rolled-back
      // write leaves their data as it was.
      const touched: AuditEventInput[] = [];
      const result = await work(tx, { record: (event) => (touched.push(event), audit.record(event)) });
      for (const hook of database.hooks.afterWrite) await hook(tx, touched);
      return result;
    },
    options,
  );
}

/**
 * Where the chain is stored, inside the caller's transaction. The Kysely implementation below serves
 * both databases; the importer uses a prepared-statement one on SQLite (audit-chain.sqlite.ts). The
 * rules — lock first, events appended last, hashes chained — are all here, in auditedWorkOn.
 */
export interface AuditChainStore {
  /** Takes the chain's write lock before anything else is read or written (see kyselyAuditChain). */
  lockHead(): void | Promise<void>;
  readHead(): { seq: number; hash: string } | Promise<{ seq: number; hash: string }>;
  /** Inserts the rows and moves the head to the last of them. */
  append(rows: AuditEventRow[], head: { seq: number; hash: string }): void | Promise<void>;
}

/** auditedWork over any chain store. */
export async function auditedWorkOn<T>(
  store: AuditChainStore,
  ctx: WriteContext,
  work: (audit: AuditRecorder) => Promise<T>,
  options: { allowNoEvent?: boolean } = {},
): Promise<T> {
  await store.lockHead();
  const events: AuditEventInput[] = [];
  const result = await work({ record: (event) => events.push(event) });
  if (events.length === 0 && !options.allowNoEvent) {
    throw new Error('auditedWrite: the work changed data without recording an audit event');
  }
  if (events.length > 0) {
    const rows = chainRows(await store.readHead(), ctx, events);
    const last = rows[rows.length - 1]!;
    await store.append(rows, { seq: last.seq, hash: last.hash });
  }
  return result;
}

// Taking the lock first serialises all writers: on SQLite the UPDATE takes the write lock at once (a
// deferred transaction that reads first could fail to upgrade); on PostgreSQL the row lock orders
// writers across app servers, which keeps the chain a single line.
export function kyselyAuditChain(tx: Tx, dialect: Database['dialect']): AuditChainStore {
  return {
    async lockHead() {
      if (dialect === 'sqlite') await sql`update audit_head set seq = seq where id = 1`.execute(tx);
      else await sql`select seq from audit_head where id = 1 for update`.execute(tx);
    },
    readHead: () => tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow(),
    async append(rows, head) {
      if (dialect === 'postgres') {
        // One round trip: PostgreSQL runs a data-modifying WITH whether or not it is referenced.
        await tx
          .with('appended', (db) => db.insertInto('audit_events').values(rows))
          .updateTable('audit_head')
          .set(head)
          .where('id', '=', 1)
          .execute();
        return;
      }
      await tx.insertInto('audit_events').values(rows).execute();
      await tx.updateTable('audit_head').set(head).where('id', '=', 1).execute();
    },
  };
}

/** A row of audit_events as stored. */
export type AuditEventRow = AuditEventTable;

/** The stored rows of `events`, chained after `head` (pure). */
export function chainRows(
  head: { seq: number; hash: string },
  ctx: WriteContext,
  events: AuditEventInput[],
): AuditEventRow[] {
  let { seq, hash } = head;
  const occurredAt = ctx.now.toISOString();
  return events.map((event) => {
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
}
