// The contract of the importer's writer (record-writer.ts): the rows it reads and writes and the one
// interface both engines' implementations keep, in a file of its own so that neither implementation
// imports the other.
import type { Selectable } from 'kysely';
import type { AuditChainStore } from '../kernel/audit/audited-write.ts';
import type { RecordItemTable, RecordSourceTable } from '../kernel/db/schema.ts';

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
