// Draft texts and the consensus procedure (issue 5): texts with their procedure state, numbered
// versions, a readable history of members' positions, the procedure's effects in order, and the
// decision register. The procedure state itself is the JSON of src/texts/procedure (TextState); the
// columns beside it (status, deadline_at) are copies kept for queries, written in the same statement.
//
// deadline_at is the deadline in force of an open silence procedure (null otherwise), indexed: the
// deadline runner of every app server asks for `deadline_at <= now`. row_version grows by one at every
// change of a text; writes compare it (besides the row lock) so a lost update cannot go unnoticed.
//
// decisions: one per adopted text. `reference` (e.g. NRC-D(2002)0007) is built from prefix, year and
// sequence, allocated inside the adoption's transaction; the unique constraint on (prefix, year,
// sequence) is the backstop should two allocations ever race.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_code', 'text', (c) => c.notNull().references('bodies.code'))
    .addColumn('format_code', 'text', (c) => c.notNull().references('formats.code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('language_group_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull())
    .addColumn('deadline_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('texts_deadline_idx').on('texts').column('deadline_at').execute();
  await db.schema.createIndex('texts_format_idx').on('texts').column('format_code').execute();
  await db.schema.createIndex('texts_language_group_idx').on('texts').column('language_group_id').execute();

  await db.schema
    .createTable('text_versions')
    .addColumn('text_id', 'text', (c) => c.notNull().references('texts.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('text_versions_pk', ['text_id', 'number'])
    .execute();

  await db.schema
    .createTable('text_positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text_id', 'text', (c) => c.notNull().references('texts.id').onDelete('cascade'))
    .addColumn('member_code', 'text', (c) => c.notNull().references('members.code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('text_positions_text_idx').on('text_positions').columns(['text_id', 'at']).execute();

  await db.schema
    .createTable('text_procedure_events')
    .addColumn('text_id', 'text', (c) => c.notNull().references('texts.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text')
    .addColumn('effect', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('text_procedure_events_pk', ['text_id', 'seq'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('reference', 'text', (c) => c.primaryKey())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('text_id', 'text', (c) => c.notNull().unique().references('texts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('adopted_at', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('procedure', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('released_record_item_slug', 'text')
    .addColumn('released_at', 'text')
    .addUniqueConstraint('decisions_sequence_unique', ['prefix', 'year', 'sequence'])
    .execute();
  await db.schema.createIndex('decisions_adopted_idx').on('decisions').column('adopted_at').execute();
}
