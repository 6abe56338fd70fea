// What storing an imported page needs from the database, behind one small interface with one
// implementation per engine: Kysely (below; both databases, used on PostgreSQL) and prepared statements
// on SQLite (record-writer.sqlite.ts), where Kysely's building and compiling of ~15 queries a page cost
// more than SQLite's own work in the import benchmark. Only SQL lives here; the rules (idempotency,
// revisions, links, language versions) live in one place, import/store-page.ts.
import type { Selectable } from 'kysely';
import type { AuditChainStore, Tx } from '../audit/audited-write.ts';
import { kyselyAuditChain } from '../audit/audited-write.ts';
import { sqliteAuditChain } from '../audit/audit-chain.sqlite.ts';
import type { Database } from '../platform/db/connect.ts';
import type { RecordItemTable, RecordSourceTable } from '../platform/db/schema.ts';
import * as repo from './record.repository.ts';
import { sqliteRecordWriter } from './record-writer.sqlite.ts';

export type ItemRow = Selectable<RecordItemTable>;
export type SourceRow = Selectable<RecordSourceTable>;
type Awaitable<T> = T | Promise<T>;

export interface RevisionInput {
  itemId: string;
  revision: number;
  fingerprint: string;
  content: string;
  source: string;
  at: string;
}

export interface SourceInput {
  source: string;
  itemId: string;
  fingerprint: string;
  at: string;
}

/** The reads and writes of storing one page, inside the caller's transaction. */
export interface RecordWriter {
  /** The audit chain in the same transaction. */
  readonly audit: AuditChainStore;
  findSource(source: string): Awaitable<SourceRow | undefined>;
  findItemById(id: string): Awaitable<ItemRow | undefined>;
  /** The earliest item with this identity key. */
  findItemByIdentity(identityKey: string): Awaitable<ItemRow | undefined>;
  revisionFingerprint(itemId: string, revision: number): Awaitable<string | undefined>;
  nextSeq(): Awaitable<number>;
  slugTaken(slug: string): Awaitable<boolean>;
  /** Inserts the item; the search index follows by itself (a trigger on SQLite, a generated column on PostgreSQL). */
  insertItem(row: ItemRow): Awaitable<void>;
  /** Updates every field but id, seq and first_published_at; the search index follows. */
  updateItem(row: ItemRow): Awaitable<void>;
  insertRevision(revision: RevisionInput): Awaitable<void>;
  /** A source seen for the first time (an insert: an upsert cost three times as much on SQLite). */
  insertSource(source: SourceInput): Awaitable<void>;
  /** A source seen before: it now gives this item and fingerprint. */
  updateSource(source: SourceInput): Awaitable<void>;
}

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
