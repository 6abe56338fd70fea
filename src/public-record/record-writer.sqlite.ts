// The importer's writer on SQLite: the same statements as the Kysely writer (record-writer.ts), prepared
// once per connection and run synchronously. Measured on the import benchmark: storing a page took
// 0.68 ms of CPU through Kysely (query building and compiling, promises) against about 0.3 ms here.
import type SQLite from 'better-sqlite3';
import { sqliteAuditChain } from '../kernel/audit/audit-chain.sqlite.ts';
import type { ItemRow, RecordWriter, SourceRow } from './record-writer-contract.ts';

const ITEM_COLUMNS = [
  'id',
  'seq',
  'slug',
  'identity_key',
  'version_group',
  'kind',
  'kind_slug',
  'title',
  'date',
  'date_start',
  'year',
  'month',
  'updated',
  'collection',
  'place_city',
  'place_country',
  'speaker',
  'speaker_slug',
  'occasion',
  'reference',
  'language',
  'body',
  'flags',
  'revision',
  'published',
  'first_published_at',
  'last_updated_at',
] as const satisfies readonly (keyof ItemRow)[];
// Every column but the ones an update keeps (see record.repository.ts updateItem).
const UPDATED_COLUMNS = ITEM_COLUMNS.filter((c) => c !== 'id' && c !== 'seq' && c !== 'first_published_at');

const writers = new WeakMap<SQLite.Database, RecordWriter>();

/** The writer of this connection; use only inside a transaction that Kysely holds open on it. */
export function sqliteRecordWriter(connection: SQLite.Database): RecordWriter {
  let writer = writers.get(connection);
  if (writer === undefined) {
    const findSource = connection.prepare<[string], SourceRow>('select * from record_sources where source = ?');
    const findById = connection.prepare<[string], ItemRow>('select * from record_items where id = ?');
    const findByIdentity = connection.prepare<[string], ItemRow>(
      'select * from record_items where identity_key = ? order by seq limit 1',
    );
    const fingerprint = connection.prepare<[string, number], { fingerprint: string }>(
      'select fingerprint from record_revisions where item_id = ? and revision = ?',
    );
    const maxSeq = connection.prepare<[], { max: number | null }>('select max(seq) as max from record_items');
    const slug = connection.prepare<[string], { id: string }>('select id from record_items where slug = ?');
    const insertItem = connection.prepare(
      `insert into record_items (${ITEM_COLUMNS.join(', ')}) values (${ITEM_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    const updateItem = connection.prepare(
      `update record_items set ${UPDATED_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} where id = @id`,
    );
    const insertRevision = connection.prepare(
      'insert into record_revisions (item_id, revision, fingerprint, content, source, created_at) values (?, ?, ?, ?, ?, ?)',
    );
    const insertSource = connection.prepare(
      'insert into record_sources (source, item_id, fingerprint, imported_at) values (?, ?, ?, ?)',
    );
    const updateSource = connection.prepare(
      'update record_sources set item_id = ?, fingerprint = ?, imported_at = ? where source = ?',
    );
    writer = {
      audit: sqliteAuditChain(connection),
      findSource: (source) => findSource.get(source),
      findItemById: (id) => findById.get(id),
      findItemByIdentity: (key) => findByIdentity.get(key),
      revisionFingerprint: (itemId, revision) => fingerprint.get(itemId, revision)?.fingerprint,
      nextSeq: () => (maxSeq.get()?.max ?? 0) + 1,
      slugTaken: (candidate) => slug.get(candidate) !== undefined,
      insertItem: (row) => void insertItem.run(row),
      updateItem: (row) => void updateItem.run(row),
      insertRevision: (r) => void insertRevision.run(r.itemId, r.revision, r.fingerprint, r.content, r.source, r.at),
      insertSource: (s) => void insertSource.run(s.source, s.itemId, s.fingerprint, s.at),
      updateSource: (s) => void updateSource.run(s.itemId, s.fingerprint, s.at, s.source),
    };
    writers.set(connection, writer);
  }
  return writer;
}
