// Reads of calendar events filtered by `can`, shared by the API, the calendar views and the feeds:
// an event the reader may not see is absent from lists, totals and feeds, and answers like a missing one.
import type { Actor } from '../kernel/access/can.ts';
import type { Executor } from '../kernel/db/executor.ts';
import { mayRead } from '../kernel/access/visibility.ts';
import { matchesWords, type Lookups } from '../council/lookups.ts';
import { findEvent, listEvents, type EventFilter } from './events.repository.ts';
import type { CalendarEvent } from './model.ts';

export interface EventQuery extends EventFilter {
  topic?: string;
  q?: string;
}

/** The events `actor` may see that match `query`, in date order. */
export async function visibleEvents(
  db: Executor,
  actor: Actor,
  lookups: Lookups,
  query: EventQuery = {},
): Promise<CalendarEvent[]> {
  const { topic, q, ...filter } = query;
  return (await listEvents(db, { ...filter, readableBy: actor })).filter(
    (e) =>
      mayRead(actor, 'event', e, lookups.formatMembers) &&
      (!topic || e.topics.includes(topic)) &&
      matchesWords(q, [e.title, e.description, e.date.text, e.place.name, e.place.city, e.place.country]),
  );
}

/** One event if it exists and `actor` may see it; otherwise null. */
export async function visibleEvent(
  db: Executor,
  actor: Actor,
  lookups: Lookups,
  id: string,
): Promise<CalendarEvent | null> {
  const event = await findEvent(db, id);
  return event && mayRead(actor, 'event', event, lookups.formatMembers) ? event : null;
}

/** Bounds of a month 'YYYY-MM' as inclusive dates. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}` };
}
