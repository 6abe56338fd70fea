// SQL for meetings, their agenda items (with topics) and participants. Callers filter with `can`.
import type { Actor } from '../kernel/access/can.ts';
import { formatItemVisibleTo } from '../kernel/access/visibility-sql.ts';
import type { Executor } from '../kernel/db/executor.ts';
import type { MeetingTable } from '../kernel/db/schema-meetings-events.ts';
import type { AgendaItem, Meeting, Participant } from './model.ts';

export interface MeetingFilter {
  from?: string; // meetings ending on or after this date (YYYY-MM-DD, UTC)
  to?: string; // meetings starting on or before this date
  body?: string;
  format?: string;
  status?: Meeting['status'];
  /** Only the meetings this reader may read (`can`'s rule, applied by the query). */
  readableBy?: Actor;
}

function toMeeting(row: MeetingTable, agenda: AgendaItem[], participants: Participant[]): Meeting {
  return {
    id: row.id,
    bodyCode: row.body_code,
    formatCode: row.format_code,
    title: row.title,
    level: row.level,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    venue: { name: row.venue_name, city: row.venue_city, country: row.venue_country },
    hostMemberCode: row.host_member_code,
    status: row.status,
    outcome: { summary: row.outcome_summary, decisions: JSON.parse(row.outcome_decisions) as string[] },
    isPublic: row.is_public === 1,
    agenda,
    participants,
    updatedAt: row.updated_at,
  };
}

async function childrenOf(
  db: Executor,
  ids: string[],
): Promise<{ agenda: Map<string, AgendaItem[]>; participants: Map<string, Participant[]> }> {
  const agenda = new Map<string, AgendaItem[]>(ids.map((id) => [id, []]));
  const participants = new Map<string, Participant[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return { agenda, participants };
  const items = await db
    .selectFrom('meeting_agenda_items')
    .selectAll()
    .where('meeting_id', 'in', ids)
    .orderBy('position')
    .execute();
  const topics = items.length
    ? await db
        .selectFrom('meeting_agenda_item_topics')
        .innerJoin('topics', 'topics.code', 'meeting_agenda_item_topics.topic_code')
        .select(['agenda_item_id', 'topic_code'])
        .where(
          'agenda_item_id',
          'in',
          items.map((i) => i.id),
        )
        .orderBy('topics.position')
        .execute()
    : [];
  for (const i of items) {
    agenda.get(i.meeting_id)?.push({
      id: i.id,
      subjectArea: i.subject_area,
      title: i.title,
      description: i.description,
      topics: topics.filter((t) => t.agenda_item_id === i.id).map((t) => t.topic_code),
      documents: JSON.parse(i.documents) as string[],
    });
  }
  const people = await db
    .selectFrom('meeting_participants')
    .selectAll()
    .where('meeting_id', 'in', ids)
    .orderBy('position')
    .execute();
  for (const p of people)
    participants
      .get(p.meeting_id)
      ?.push({ id: p.id, personId: p.person_id, memberCode: p.member_code, function: p.function });
  return { agenda, participants };
}

function matching(db: Executor, filter: MeetingFilter) {
  let q = db.selectFrom('meetings');
  if (filter.from) q = q.where('ends_at', '>=', `${filter.from}T00:00:00.000Z`);
  // 'T24' sorts after every instant of the day `to` and before the next day, as text.
  if (filter.to) q = q.where('starts_at', '<', `${filter.to}T24:00:00.000Z`);
  if (filter.body) q = q.where('body_code', '=', filter.body);
  if (filter.format) q = q.where('format_code', '=', filter.format);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.readableBy)
    q = q.where(
      formatItemVisibleTo(filter.readableBy, { formatCode: 'meetings.format_code', isPublic: 'meetings.is_public' }),
    );
  return q;
}

/** How many meetings match `filter`. */
export async function countMeetings(db: Executor, filter: MeetingFilter = {}): Promise<number> {
  const row = await matching(db, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Meetings matching `filter`, earliest first (one page of them, if asked), with agenda and participants. */
export async function listMeetings(
  db: Executor,
  filter: MeetingFilter = {},
  page?: { limit: number; offset: number },
): Promise<Meeting[]> {
  let q = matching(db, filter).selectAll().orderBy('starts_at').orderBy('id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  const rows = await q.execute();
  const { agenda, participants } = await childrenOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toMeeting(r, agenda.get(r.id) ?? [], participants.get(r.id) ?? []));
}

/** One meeting by id, or null. */
export async function findMeeting(db: Executor, id: string): Promise<Meeting | null> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const { agenda, participants } = await childrenOf(db, [id]);
  return toMeeting(row, agenda.get(id) ?? [], participants.get(id) ?? []);
}

/** Inserts or updates a meeting and replaces its agenda and participants. */
export async function saveMeeting(db: Executor, m: Meeting, now: string, isNew: boolean): Promise<void> {
  const values = {
    body_code: m.bodyCode,
    format_code: m.formatCode,
    title: m.title,
    level: m.level,
    starts_at: m.startsAt,
    ends_at: m.endsAt,
    time_zone: m.timeZone,
    venue_name: m.venue.name,
    venue_city: m.venue.city,
    venue_country: m.venue.country,
    host_member_code: m.hostMemberCode,
    status: m.status,
    outcome_summary: m.outcome.summary,
    outcome_decisions: JSON.stringify(m.outcome.decisions),
    is_public: m.isPublic ? 1 : 0,
    updated_at: now,
  };
  if (isNew)
    await db
      .insertInto('meetings')
      .values({ id: m.id, created_at: now, ...values })
      .execute();
  else await db.updateTable('meetings').set(values).where('id', '=', m.id).execute();
  await db.deleteFrom('meeting_agenda_items').where('meeting_id', '=', m.id).execute();
  if (m.agenda.length > 0) {
    await db
      .insertInto('meeting_agenda_items')
      .values(
        m.agenda.map((a, position) => ({
          id: a.id,
          meeting_id: m.id,
          position,
          subject_area: a.subjectArea,
          title: a.title,
          description: a.description,
          documents: JSON.stringify(a.documents),
        })),
      )
      .execute();
    const topics = m.agenda.flatMap((a) => a.topics.map((topic_code) => ({ agenda_item_id: a.id, topic_code })));
    if (topics.length > 0) await db.insertInto('meeting_agenda_item_topics').values(topics).execute();
  }
  await db.deleteFrom('meeting_participants').where('meeting_id', '=', m.id).execute();
  if (m.participants.length > 0) {
    await db
      .insertInto('meeting_participants')
      .values(
        m.participants.map((p, position) => ({
          id: p.id,
          meeting_id: m.id,
          position,
          person_id: p.personId,
          member_code: p.memberCode,
          function: p.function,
        })),
      )
      .execute();
  }
}

export async function deleteMeeting(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('meetings').where('id', '=', id).execute();
}
