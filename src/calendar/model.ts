// Calendar events (PRODUCT.md, "Event"): conferences, seminars, experts' meetings, exercises and
// visits, with dates of stated precision, place, host, series and links to projects and topics.
import type { EventDate } from './event-dates.ts';
import type { EventKind, EventStatus } from './event-rules.ts';

export interface EventSeries {
  code: string;
  name: string;
  description: string;
}

export interface CalendarEvent {
  id: string;
  kind: EventKind;
  title: string;
  description: string;
  date: EventDate;
  place: { name: string | null; city: string | null; country: string | null };
  hostMemberCode: string | null;
  series: { code: string; ordinal: number } | null;
  status: EventStatus;
  bodyCode: string | null;
  formatCode: string;
  isPublic: boolean;
  topics: string[];
  projects: string[]; // project ids
  updatedAt: string;
}

/** The comparable content of an event (everything but its change time). */
export function eventContent(e: CalendarEvent) {
  const { updatedAt: _u, ...rest } = e;
  return rest;
}
