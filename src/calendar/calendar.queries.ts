// What a reader has on their calendar: the meetings and events they may see, as entries. Views, the
// dashboard and every iCalendar feed read through here, so none can show what the API would hide.
import type { Actor } from '../kernel/access/can.ts';
import type { Executor } from '../kernel/db/executor.ts';
import type { Lookups } from '../council/lookups.ts';
import { visibleMeetings } from '../meetings/meetings.queries.ts';
import { eventEntry, meetingEntry, byDate, type CalendarEntry } from './calendar-entries.ts';
import { addDays } from './event-dates.ts';
import { visibleEvents } from './events.queries.ts';

export interface EntryQuery {
  from?: string;
  to?: string;
  body?: string;
  topic?: string;
  /** Only items marked public (the public feeds, even when staff open them). */
  publicOnly?: boolean;
}

/** The calendar entries `actor` may see that match `query`, in date order. */
export async function visibleEntries(
  db: Executor,
  actor: Actor,
  lookups: Lookups,
  query: EntryQuery = {},
): Promise<CalendarEntry[]> {
  const { publicOnly, from, to, ...filter } = query;
  // Meetings are stored as UTC instants but placed on the dates of their own zone: read a day more on
  // each side, then keep what falls in from..to locally.
  const widened = { ...filter, ...(from ? { from: addDays(from, -1) } : {}), ...(to ? { to: addDays(to, 1) } : {}) };
  const [meetings, events] = await Promise.all([
    visibleMeetings(db, actor, lookups, widened),
    visibleEvents(db, actor, lookups, { ...filter, from, to }),
  ]);
  // Topics in the council's order (the lookups list them so), as everywhere else.
  const rank = new Map([...lookups.topics.keys()].map((code, i) => [code, i]));
  return [...meetings.map(meetingEntry), ...events.map(eventEntry)]
    .filter((e) => (!publicOnly || e.isPublic) && (!from || e.endsOn >= from) && (!to || e.startsOn <= to))
    .map((e) => ({ ...e, topics: [...e.topics].sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9)) }))
    .sort(byDate);
}
