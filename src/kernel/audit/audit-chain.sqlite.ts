// The audit chain's storage on a raw SQLite connection, for the importer's hot path: the same three
// statements as the Kysely store in audited-write.ts, prepared once per connection. The rules (lock
// first, events last, hashes chained) stay in auditedWorkOn.
import type SQLite from 'better-sqlite3';
import type { AuditChainStore } from './audited-write.ts';

const stores = new WeakMap<SQLite.Database, AuditChainStore>();

/** The chain store of this connection; use only inside a transaction that Kysely holds open on it. */
export function sqliteAuditChain(connection: SQLite.Database): AuditChainStore {
  let store = stores.get(connection);
  if (store === undefined) {
    // The UPDATE takes SQLite's write lock at once, as lockChainHead does through Kysely.
    const lock = connection.prepare('update audit_head set seq = seq where id = 1');
    const head = connection.prepare<[], { seq: number; hash: string }>('select seq, hash from audit_head where id = 1');
    const insert = connection.prepare(
      'insert into audit_events (seq, occurred_at, actor, action, object_type, object_id, summary, request_id, prev_hash, hash) values (@seq, @occurred_at, @actor, @action, @object_type, @object_id, @summary, @request_id, @prev_hash, @hash)',
    );
    const move = connection.prepare('update audit_head set seq = ?, hash = ? where id = 1');
    store = {
      lockHead: () => void lock.run(),
      readHead: () => {
        const row = head.get();
        if (row === undefined) throw new Error('the audit chain has no head row; run the migrations');
        return row;
      },
      append: (rows, to) => {
        for (const row of rows) insert.run(row);
        move.run(to.seq, to.hash);
      },
    };
    stores.set(connection, store);
  }
  return store;
}
