// Reads of meetings filtered by `can`, shared by the API, the calendar views and the feeds: a meeting
// the reader may not see is absent from lists and totals and answers like a missing one.
import type { Actor } from '../kernel/access/can.ts';
import type { Executor } from '../kernel/db/executor.ts';
import { mayRead } from '../kernel/access/visibility.ts';
import { matchesWords, type Lookups } from '../council/lookups.ts';
import { countMeetings, findMeeting, listMeetings, type MeetingFilter } from './meetings.repository.ts';
import type { Meeting } from './model.ts';

export interface MeetingQuery extends MeetingFilter {
  topic?: string;
  q?: string;
}

/** The meetings `actor` may see that match `query`, earliest first. */
export async function visibleMeetings(
  db: Executor,
  actor: Actor,
  lookups: Lookups,
  query: MeetingQuery = {},
): Promise<Meeting[]> {
  const { topic, q, ...filter } = query;
  return (await listMeetings(db, { ...filter, readableBy: actor })).filter(
    (m) =>
      mayRead(actor, 'meeting', m, lookups.formatMembers) &&
      (!topic || m.agenda.some((a) => a.topics.includes(topic))) &&
      matchesWords(q, [
        m.title,
        m.level,
        m.venue.name,
        m.venue.city,
        m.venue.country,
        ...m.agenda.flatMap((a) => [a.subjectArea, a.title]),
      ]),
  );
}

/**
 * One page of the meetings `actor` may see that match `query`, and how many there are in all. Without
 * words or a topic (which are matched in JavaScript), the database selects, counts and pages.
 */
export async function visibleMeetingsPage(
  db: Executor,
  actor: Actor,
  lookups: Lookups,
  query: MeetingQuery,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: Meeting[] }> {
  if (query.topic || query.q) {
    const all = await visibleMeetings(db, actor, lookups, query);
    return { total: all.length, items: all.slice(page.offset, page.offset + page.limit) };
  }
  const { topic: _topic, q: _q, ...filter } = query;
  const readable = { ...filter, readableBy: actor };
  const [total, items] = await Promise.all([countMeetings(db, readable), listMeetings(db, readable, page)]);
  return { total, items };
}

/** One meeting if it exists and `actor` may see it; otherwise null, the same answer for both. */
export async function visibleMeeting(
  db: Executor,
  actor: Actor,
  lookups: Lookups,
  id: string,
): Promise<Meeting | null> {
  const meeting = await findMeeting(db, id);
  return meeting && mayRead(actor, 'meeting', meeting, lookups.formatMembers) ? meeting : null;
}
