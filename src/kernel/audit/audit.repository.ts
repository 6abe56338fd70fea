// Reading the audit trail: pages of rows in chain order, and the full-chain verification.
import type { Database } from '../db/connect.ts';
import { ChainVerifier, type ChainVerdict, type ChainedAuditRecord } from './audit-chain.ts';

const PAGE = 1000;

/** Walks the whole chain in pages (constant memory) and returns the verdict. */
export async function verifyAuditChain(database: Database): Promise<ChainVerdict> {
  // Read the head and the rows in one transaction, so a concurrent write cannot make a sound chain look cut.
  return database.db.transaction().execute(async (tx) => {
    const head = await tx
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const rows = await tx
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const row of rows) {
        if (!verifier.push(toRecord(row))) return verifier.finish(head);
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.seq;
    }
    return verifier.finish(head);
  });
}

export type AuditEventView = ChainedAuditRecord;

/** The latest events, newest first, optionally for one object. */
export async function listAuditEvents(
  database: Database,
  options: { limit: number; beforeSeq?: number; objectType?: string; objectId?: string },
): Promise<AuditEventView[]> {
  let query = database.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(options.limit);
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
  if (options.objectType) query = query.where('object_type', '=', options.objectType);
  if (options.objectId) query = query.where('object_id', '=', options.objectId);
  return (await query.execute()).map(toRecord);
}

function toRecord(row: {
  seq: number;
  occurred_at: string;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  summary: string;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}): ChainedAuditRecord {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    summary: row.summary,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
