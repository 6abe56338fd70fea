// What storing an imported page needs from the database, behind one small interface with one
// implementation per engine: Kysely (below; both databases, used on PostgreSQL) and prepared statements
// on SQLite (record-writer.sqlite.ts), where Kysely's building and compiling of ~15 queries a page cost
// more than SQLite's own work in the import benchmark. Only SQL lives here; the rules (idempotency,
// revisions, links, language versions) live in one place, import/store-page.ts.
import type { Tx } from '../kernel/audit/audited-write.ts';
import { kyselyAuditChain } from '../kernel/audit/audited-write.ts';
import type { Database } from '../kernel/db/connect.ts';
import * as repo from './record.repository.ts';
import { sqliteRecordWriter } from './record-writer.sqlite.ts';
import type { RecordWriter } from './record-writer-contract.ts';

export type { RecordWriter };

/** The writer for this database inside `tx` (a transaction or savepoint opened through Kysely). */
export function recordWriter(database: Database, tx: Tx): RecordWriter {
  return database.sqlite ? sqliteRecordWriter(database.sqlite) : kyselyRecordWriter(tx, database.dialect);
}

/** The portable writer: the repository's Kysely queries. */
export function kyselyRecordWriter(tx: Tx, dialect: Database['dialect']): RecordWriter {
  return {
    audit: kyselyAuditChain(tx, dialect),
    findSource: (source) => repo.findSource(tx, source),
    findItemById: (id) => repo.findItemRowById(tx, id),
    findItemByIdentity: (key) => repo.findItemRowByIdentity(tx, key),
    revisionFingerprint: (itemId, revision) => repo.revisionFingerprint(tx, itemId, revision),
    nextSeq: () => repo.nextSeq(tx),
    slugTaken: (slug) => repo.slugTaken(tx, slug),
    insertItem: (row) => repo.insertItem(tx, row),
    updateItem: (row) => repo.updateItem(tx, row),
    insertRevision: (revision) => repo.insertRevision(tx, revision),
    insertSource: (source) => repo.insertSource(tx, source),
    updateSource: (source) => repo.updateSource(tx, source),
  };
}
