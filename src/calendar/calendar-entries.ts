// One shape for everything on the calendar: meetings (timed, in their own zone) and events (dates of
// stated precision). Views and iCalendar feeds are built from entries; entries are built only from
// items the reader may see (the queries filter with `can` first). Pure.
import type { Meeting } from '../meetings/model.ts';
import { toZoned } from '../kernel/time/zoned-time.ts';
import { formatEventDate, type DatePrecision } from './event-dates.ts';
import type { CalendarEvent } from './model.ts';

export interface CalendarEntry {
  type: 'meeting' | 'event';
  id: string;
  title: string;
  /** 'meeting', or the event's kind. */
  kind: string;
  status: string;
  /** A few words on what it is: an event's description; a meeting's level. */
  about: string;
  /** How the date reads: "25 September 2002, 08:30–10:00 (Europe/Warsaw)", "early October 2002". */
  dateText: string;
  /** 'time' for meetings: they have instants. */
  precision: DatePrecision | 'time';
  /** Inclusive calendar bounds (for meetings, the dates in the meeting's own zone). */
  startsOn: string;
  endsOn: string;
  startsAt: string | null;
  endsAt: string | null;
  timeZone: string | null;
  place: string | null;
  bodyCode: string | null;
  formatCode: string;
  isPublic: boolean;
  topics: string[];
  updatedAt: string;
}

const placeText = (parts: (string | null)[]) => parts.filter((p): p is string => Boolean(p)).join(', ') || null;

/** A meeting as a calendar entry. */
export function meetingEntry(m: Meeting): CalendarEntry {
  const start = toZoned(m.startsAt, m.timeZone);
  const end = toZoned(m.endsAt, m.timeZone);
  const day = formatEventDate('day', start.date, start.date);
  const until = end.date === start.date ? end.time : `${formatEventDate('day', end.date, end.date)} ${end.time}`;
  return {
    type: 'meeting',
    id: m.id,
    title: m.title,
    kind: 'meeting',
    status: m.status,
    about: `Level: ${m.level}.`,
    dateText: `${day}, ${start.time}–${until} (${m.timeZone})`,
    precision: 'time',
    startsOn: start.date,
    endsOn: end.date,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    timeZone: m.timeZone,
    place: placeText([m.venue.name, m.venue.city, m.venue.country]),
    bodyCode: m.bodyCode,
    formatCode: m.formatCode,
    isPublic: m.isPublic,
    topics: [...new Set(m.agenda.flatMap((a) => a.topics))],
    updatedAt: m.updatedAt,
  };
}

/** An event as a calendar entry. */
export function eventEntry(e: CalendarEvent): CalendarEntry {
  return {
    type: 'event',
    id: e.id,
    title: e.title,
    kind: e.kind,
    status: e.status,
    about: e.description,
    dateText: e.date.text,
    precision: e.date.precision,
    startsOn: e.date.startsOn,
    endsOn: e.date.endsOn,
    startsAt: null,
    endsAt: null,
    timeZone: null,
    place: placeText([e.place.name, e.place.city, e.place.country]),
    bodyCode: e.bodyCode,
    formatCode: e.formatCode,
    isPublic: e.isPublic,
    topics: [...e.topics],
    updatedAt: e.updatedAt,
  };
}

/** Chronological order: by first day, then by start time (all-day items first), then by title. */
export function byDate(a: CalendarEntry, b: CalendarEntry): number {
  return (
    a.startsOn.localeCompare(b.startsOn) ||
    (a.startsAt ?? '').localeCompare(b.startsAt ?? '') ||
    a.title.localeCompare(b.title)
  );
}
