// Workspace search (issue 4: the need-to-know rules hold in search too): one entry per meeting, event,
// project and text, with the words a reader would look for, indexed like the public record — FTS5 with
// bm25 on SQLite (external content, kept in step by triggers), a weighted tsvector with GIN on
// PostgreSQL. Entries are derived data: they are written in the same transaction as the item they
// describe (src/search/workspace-index.ts), and `search_index_state` records which definition of the
// entries the table holds, so a changed definition is rebuilt once at start-up (ensureWorkspaceSearch).
// The entries hold no access decision: they carry the item's format (and, for texts, the members fixed
// at creation) so that `can` decides on every hit.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('search_entries')
    .addColumn('seq', 'integer', (c) =>
      dialect === 'sqlite' ? c.primaryKey() : c.primaryKey().generatedAlwaysAsIdentity(),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('meeting', 'event', 'project', 'text')`))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('format_code', 'text', (c) => c.notNull())
    .addColumn('format_members', 'text') // JSON array; texts only (their members are fixed at creation)
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_entries_item_idx')
    .on('search_entries')
    .columns(['kind', 'item_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('search_index_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rebuilt_at', 'text')
    .execute();
  // Version 0: no definition built yet; the first start-up after this migration fills the table.
  await sql`insert into search_index_state (name, version, rebuilt_at) values ('workspace', 0, null)`.execute(db);

  if (dialect === 'sqlite') {
    await sql`create virtual table search_fts using fts5(title, subtitle, body, content = 'search_entries', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`create trigger search_entries_fts_insert after insert on search_entries begin
        insert into search_fts (rowid, title, subtitle, body) values (new.seq, new.title, new.subtitle, new.body);
      end`.execute(db);
    await sql`create trigger search_entries_fts_update after update of seq, title, subtitle, body on search_entries begin
        insert into search_fts (search_fts, rowid, title, subtitle, body) values ('delete', old.seq, old.title, old.subtitle, old.body);
        insert into search_fts (rowid, title, subtitle, body) values (new.seq, new.title, new.subtitle, new.body);
      end`.execute(db);
    await sql`create trigger search_entries_fts_delete after delete on search_entries begin
        insert into search_fts (search_fts, rowid, title, subtitle, body) values ('delete', old.seq, old.title, old.subtitle, old.body);
      end`.execute(db);
  } else {
    await sql`alter table search_entries add column search tsvector generated always as (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', subtitle), 'B') ||
        setweight(to_tsvector('english', body), 'C')
      ) stored`.execute(db);
    await sql`create index search_entries_search_idx on search_entries using gin (search)`.execute(db);
  }
}
