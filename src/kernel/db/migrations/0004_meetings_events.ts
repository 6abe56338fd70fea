// Meetings of bodies, the work programme (projects, deliverables, progress reports), the events
// calendar (with series) and personal calendar feed tokens. Every meeting, project and event belongs
// to exactly one format: need-to-know is decided on it (src/access/can.ts).
//
// calendar_feed_tokens.user_id has no foreign key on purpose: it names a user of the accounts module
// (migration 0003, which may not exist on every installation yet) or 'admin-token' for the interim
// administrator. The owner is resolved at every feed request; a token whose owner no longer resolves
// serves nothing (src/calendar/feeds/feed-owner.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_code', 'text', (c) => c.notNull().references('bodies.code'))
    .addColumn('format_code', 'text', (c) => c.notNull().references('formats.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('venue_name', 'text')
    .addColumn('venue_city', 'text')
    .addColumn('venue_country', 'text')
    .addColumn('host_member_code', 'text', (c) => c.references('members.code'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcome_decisions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_starts_idx').on('meetings').column('starts_at').execute();
  await db.schema.createIndex('meetings_body_idx').on('meetings').column('body_code').execute();
  await db.schema.createIndex('meetings_format_idx').on('meetings').column('format_code').execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('subject_area', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('documents', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createIndex('meeting_agenda_items_meeting_idx')
    .on('meeting_agenda_items')
    .column('meeting_id')
    .execute();

  await db.schema
    .createTable('meeting_agenda_item_topics')
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('meeting_agenda_items.id').onDelete('cascade'))
    .addColumn('topic_code', 'text', (c) => c.notNull().references('topics.code'))
    .addPrimaryKeyConstraint('meeting_agenda_item_topics_pk', ['agenda_item_id', 'topic_code'])
    .execute();
  await db.schema
    .createIndex('meeting_agenda_item_topics_topic_idx')
    .on('meeting_agenda_item_topics')
    .column('topic_code')
    .execute();

  await db.schema
    .createTable('meeting_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('member_code', 'text', (c) => c.references('members.code'))
    .addColumn('function', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_participants_meeting_idx')
    .on('meeting_participants')
    .column('meeting_id')
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_code', 'text', (c) => c.notNull().references('bodies.code'))
    .addColumn('format_code', 'text', (c) => c.notNull().references('formats.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('projects_body_idx').on('projects').column('body_code').execute();

  await db.schema
    .createTable('project_topics')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('topic_code', 'text', (c) => c.notNull().references('topics.code'))
    .addPrimaryKeyConstraint('project_topics_pk', ['project_id', 'topic_code'])
    .execute();
  await db.schema.createIndex('project_topics_topic_idx').on('project_topics').column('topic_code').execute();

  await db.schema
    .createTable('project_lead_members')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('member_code', 'text', (c) => c.notNull().references('members.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_lead_members_pk', ['project_id', 'member_code'])
    .execute();

  await db.schema
    .createTable('project_deliverables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('achieved_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_deliverables_project_idx')
    .on('project_deliverables')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('project_progress_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_progress_reports_project_idx')
    .on('project_progress_reports')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('event_series')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('date_text', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('place_name', 'text')
    .addColumn('place_city', 'text')
    .addColumn('place_country', 'text')
    .addColumn('host_member_code', 'text', (c) => c.references('members.code'))
    .addColumn('series_code', 'text', (c) => c.references('event_series.code'))
    .addColumn('series_ordinal', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('body_code', 'text', (c) => c.references('bodies.code'))
    .addColumn('format_code', 'text', (c) => c.notNull().references('formats.code'))
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // NULLs are distinct on both databases, so only events in a series are held to one per ordinal.
    .addUniqueConstraint('events_series_ordinal_unique', ['series_code', 'series_ordinal'])
    .execute();
  await db.schema.createIndex('events_dates_idx').on('events').columns(['starts_on', 'ends_on']).execute();

  await db.schema
    .createTable('event_topics')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('topic_code', 'text', (c) => c.notNull().references('topics.code'))
    .addPrimaryKeyConstraint('event_topics_pk', ['event_id', 'topic_code'])
    .execute();
  await db.schema.createIndex('event_topics_topic_idx').on('event_topics').column('topic_code').execute();

  await db.schema
    .createTable('event_projects')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_projects_pk', ['event_id', 'project_id'])
    .execute();

  await db.schema
    .createTable('calendar_feed_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('calendar_feed_tokens_user_idx').on('calendar_feed_tokens').column('user_id').execute();
}
