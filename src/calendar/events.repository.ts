// SQL for calendar events, their topics and project links, and event series. Callers filter with `can`.
import type { Actor } from '../kernel/access/can.ts';
import { formatItemVisibleTo } from '../kernel/access/visibility-sql.ts';
import type { Executor } from '../kernel/db/executor.ts';
import { nameTaken } from '../council/repositories/coded-tables.ts';
import type { EventTable } from '../kernel/db/schema-meetings-events.ts';
import type { CalendarEvent, EventSeries } from './model.ts';

export interface EventFilter {
  from?: string; // events ending on or after this date
  to?: string; // events starting on or before this date
  kind?: CalendarEvent['kind'];
  status?: CalendarEvent['status'];
  body?: string;
  series?: string;
  /** Only the events this reader may read (`can`'s rule, applied by the query). */
  readableBy?: Actor;
}

function toEvent(row: EventTable, topics: string[], projects: string[]): CalendarEvent {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    date: { text: row.date_text, precision: row.date_precision, startsOn: row.starts_on, endsOn: row.ends_on },
    place: { name: row.place_name, city: row.place_city, country: row.place_country },
    hostMemberCode: row.host_member_code,
    series:
      row.series_code !== null && row.series_ordinal !== null
        ? { code: row.series_code, ordinal: row.series_ordinal }
        : null,
    status: row.status,
    bodyCode: row.body_code,
    formatCode: row.format_code,
    isPublic: row.is_public === 1,
    topics,
    projects,
    updatedAt: row.updated_at,
  };
}

async function withLinks(db: Executor, rows: EventTable[]): Promise<CalendarEvent[]> {
  const ids = rows.map((r) => r.id);
  const [topics, projects] = ids.length
    ? await Promise.all([
        db
          .selectFrom('event_topics')
          .innerJoin('topics', 'topics.code', 'event_topics.topic_code')
          .select(['event_id', 'topic_code'])
          .where('event_id', 'in', ids)
          .orderBy('topics.position')
          .execute(),
        db
          .selectFrom('event_projects')
          .select(['event_id', 'project_id'])
          .where('event_id', 'in', ids)
          .orderBy('project_id')
          .execute(),
      ])
    : [[], []];
  return rows.map((r) =>
    toEvent(
      r,
      topics.filter((t) => t.event_id === r.id).map((t) => t.topic_code),
      projects.filter((p) => p.event_id === r.id).map((p) => p.project_id),
    ),
  );
}

/** Events matching `filter` (overlapping from..to), in date order. */
export async function listEvents(db: Executor, filter: EventFilter = {}): Promise<CalendarEvent[]> {
  let q = db.selectFrom('events').selectAll();
  if (filter.from) q = q.where('ends_on', '>=', filter.from);
  if (filter.to) q = q.where('starts_on', '<=', filter.to);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.body) q = q.where('body_code', '=', filter.body);
  if (filter.series) q = q.where('series_code', '=', filter.series);
  if (filter.readableBy)
    q = q.where(
      formatItemVisibleTo(filter.readableBy, { formatCode: 'events.format_code', isPublic: 'events.is_public' }),
    );
  return withLinks(db, await q.orderBy('starts_on').orderBy('ends_on').orderBy('title').execute());
}

/** One event by id, or null. */
export async function findEvent(db: Executor, id: string): Promise<CalendarEvent | null> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await withLinks(db, [row]))[0] ?? null) : null;
}

/** Ordinals already taken in a series, except by `exceptId`. */
export async function seriesOrdinals(db: Executor, seriesCode: string, exceptId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('events')
    .select('series_ordinal')
    .where('series_code', '=', seriesCode)
    .where('id', '!=', exceptId)
    .execute();
  return rows.flatMap((r) => (r.series_ordinal === null ? [] : [r.series_ordinal]));
}

/** Inserts or updates an event and replaces its topics and project links. */
export async function saveEvent(db: Executor, e: CalendarEvent, now: string, isNew: boolean): Promise<void> {
  const values = {
    kind: e.kind,
    title: e.title,
    description: e.description,
    date_text: e.date.text,
    date_precision: e.date.precision,
    starts_on: e.date.startsOn,
    ends_on: e.date.endsOn,
    place_name: e.place.name,
    place_city: e.place.city,
    place_country: e.place.country,
    host_member_code: e.hostMemberCode,
    series_code: e.series?.code ?? null,
    series_ordinal: e.series?.ordinal ?? null,
    status: e.status,
    body_code: e.bodyCode,
    format_code: e.formatCode,
    is_public: e.isPublic ? 1 : 0,
    updated_at: now,
  };
  if (isNew)
    await db
      .insertInto('events')
      .values({ id: e.id, created_at: now, ...values })
      .execute();
  else await db.updateTable('events').set(values).where('id', '=', e.id).execute();
  await db.deleteFrom('event_topics').where('event_id', '=', e.id).execute();
  if (e.topics.length)
    await db
      .insertInto('event_topics')
      .values(e.topics.map((topic_code) => ({ event_id: e.id, topic_code })))
      .execute();
  await db.deleteFrom('event_projects').where('event_id', '=', e.id).execute();
  if (e.projects.length)
    await db
      .insertInto('event_projects')
      .values(e.projects.map((project_id) => ({ event_id: e.id, project_id })))
      .execute();
}

export async function deleteEvent(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('events').where('id', '=', id).execute();
}

/** All series by name. */
export async function listSeries(db: Executor): Promise<EventSeries[]> {
  return (await db.selectFrom('event_series').select(['code', 'name', 'description']).orderBy('name').execute()).map(
    (r) => ({ ...r }),
  );
}

/** One series by code, or null. */
export async function findSeries(db: Executor, code: string): Promise<EventSeries | null> {
  const row = await db
    .selectFrom('event_series')
    .select(['code', 'name', 'description'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { ...row } : null;
}

/** Whether another series already has this name. */
export async function seriesNameTaken(db: Executor, name: string, exceptCode: string): Promise<boolean> {
  return nameTaken(db, 'event_series', name, exceptCode);
}

export async function saveSeries(db: Executor, s: EventSeries, now: string, isNew: boolean): Promise<void> {
  if (isNew)
    await db
      .insertInto('event_series')
      .values({ ...s, created_at: now, updated_at: now })
      .execute();
  else
    await db
      .updateTable('event_series')
      .set({ name: s.name, description: s.description, updated_at: now })
      .where('code', '=', s.code)
      .execute();
}
