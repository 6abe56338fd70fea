// The public record: items (current revision), their revisions, the sources they were imported from,
// and full-text search — FTS5 with bm25 on SQLite, a generated tsvector with GIN on PostgreSQL.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('record_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // A dense integer key: FTS5 rows are addressed by it, so an update re-indexes one row, not a scan.
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('version_group', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('kind_slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('date_start', 'text')
    .addColumn('year', 'integer')
    .addColumn('month', 'integer')
    .addColumn('updated', 'text')
    .addColumn('collection', 'text')
    .addColumn('place_city', 'text')
    .addColumn('place_country', 'text')
    .addColumn('speaker', 'text')
    .addColumn('speaker_slug', 'text')
    .addColumn('occasion', 'text')
    .addColumn('reference', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_published_at', 'text', (c) => c.notNull())
    .addColumn('last_updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_items_identity_idx').on('record_items').column('identity_key').execute();
  await db.schema.createIndex('record_items_group_idx').on('record_items').column('version_group').execute();
  await db.schema.createIndex('record_items_date_idx').on('record_items').columns(['date_start', 'seq']).execute();
  await db.schema
    .createIndex('record_items_kind_idx')
    .on('record_items')
    .columns(['kind_slug', 'date_start'])
    .execute();
  await db.schema
    .createIndex('record_items_speaker_idx')
    .on('record_items')
    .columns(['speaker_slug', 'date_start'])
    .execute();
  await db.schema.createIndex('record_items_year_idx').on('record_items').columns(['year', 'month']).execute();

  await db.schema
    .createTable('record_revisions')
    .addColumn('item_id', 'text', (c) => c.notNull().references('record_items.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull()) // the item's stable fields as JSON
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_revisions_pk', ['item_id', 'revision'])
    .execute();

  await db.schema
    .createTable('record_sources')
    .addColumn('source', 'text', (c) => c.primaryKey()) // absolute path (or URL) of the imported page
    .addColumn('item_id', 'text', (c) => c.notNull().references('record_items.id').onDelete('cascade'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_sources_item_idx').on('record_sources').column('item_id').execute();

  if (dialect === 'sqlite') {
    // English stemming (porter) over unicode61 with diacritics folded; rowid = record_items.seq. An
    // external-content table: the text is read from record_items (for snippets), not stored twice, and
    // triggers keep the index in step with every insert, update and delete of an item — as the
    // generated column does on PostgreSQL — so no code path can forget it. (Measured on the import
    // benchmark: a third less written per page than a second copy of every body, and one statement
    // fewer per page.)
    await sql`create virtual table record_fts using fts5(title, speaker, occasion, body, content = 'record_items', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`create trigger record_items_fts_insert after insert on record_items begin
        insert into record_fts (rowid, title, speaker, occasion, body) values (new.seq, new.title, new.speaker, new.occasion, new.body);
      end`.execute(db);
    await sql`create trigger record_items_fts_update after update of seq, title, speaker, occasion, body on record_items begin
        insert into record_fts (record_fts, rowid, title, speaker, occasion, body) values ('delete', old.seq, old.title, old.speaker, old.occasion, old.body);
        insert into record_fts (rowid, title, speaker, occasion, body) values (new.seq, new.title, new.speaker, new.occasion, new.body);
      end`.execute(db);
    await sql`create trigger record_items_fts_delete after delete on record_items begin
        insert into record_fts (record_fts, rowid, title, speaker, occasion, body) values ('delete', old.seq, old.title, old.speaker, old.occasion, old.body);
      end`.execute(db);
  } else {
    await sql`alter table record_items add column search tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(speaker, '') || ' ' || coalesce(occasion, '')), 'B') ||
        setweight(to_tsvector('english', body), 'C')
      ) stored`.execute(db);
    await sql`create index record_items_search_idx on record_items using gin (search)`.execute(db);
  }
}
