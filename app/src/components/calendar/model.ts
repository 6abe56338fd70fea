// The shapes the calendar pages read from /api/v1 (see src/calendar/*.schemas.ts and presenters), and
// the words for their codes. Only what the server answered is shown: nothing here decides access.

export interface Ref {
  code: string;
  name: string;
}

/** A meeting or an event as the calendar views answer it (src/calendar/calendar.presenters.ts). */
export interface CalendarEntry {
  type: 'meeting' | 'event';
  id: string;
  title: string;
  kind: string;
  status: string;
  dateText: string;
  precision: string;
  startsOn: string;
  endsOn: string;
  startsAt: string | null;
  endsAt: string | null;
  timeZone: string | null;
  place: string | null;
  body: Ref | null;
  format: Ref;
  public: boolean;
  topics: Ref[];
  href: string;
}

export interface MonthPayload {
  month: string;
  weeks: { days: { date: string; inMonth: boolean; entries: CalendarEntry[] }[] }[];
  imprecise: CalendarEntry[];
}

export interface AgendaPayload {
  from: string;
  to: string;
  total: number;
  entries: CalendarEntry[];
}

export interface EventDate {
  text: string;
  precision: DatePrecision;
  startsOn: string;
  endsOn: string;
}

export interface EventSummary {
  id: string;
  kind: EventKind;
  title: string;
  date: EventDate;
  place: { name: string | null; city: string | null; country: string | null };
  host: Ref | null;
  series: { code: string; name: string; ordinal: number; phrase: string } | null;
  status: EventStatus;
  body: Ref | null;
  format: Ref;
  public: boolean;
  topics: Ref[];
  /** What the reader may do with it, decided by the server. */
  abilities: { update: boolean; delete: boolean };
}

export interface EventDetail extends EventSummary {
  description: string;
  projects: { id: string; title: string }[];
  updatedAt: string;
}

// The server's own lists (pure files with no imports), so the forms offer exactly what it accepts.
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '../../../../src/calendar/event-rules.ts';
import { DATE_PRECISIONS, type DatePrecision } from '../../../../src/calendar/event-dates.ts';

export { DATE_PRECISIONS, EVENT_KINDS, EVENT_STATUSES, type DatePrecision, type EventKind, type EventStatus };

export const KIND_LABEL: Record<string, string> = {
  conference: 'Conference',
  seminar: 'Seminar',
  experts_meeting: "Experts' meeting",
  exercise: 'Exercise',
  visit: 'Visit',
  other: 'Other event',
  meeting: 'Meeting',
};

export const STATUS_LABEL: Record<string, string> = {
  planned: 'Planned',
  ongoing: 'Ongoing',
  held: 'Held',
  cancelled: 'Cancelled',
  record_approved: 'Record approved',
};

export const PRECISION_LABEL: Record<DatePrecision, string> = {
  day: 'A day',
  range: 'Several days (from–to)',
  month: 'A month',
  part_of_month: 'Part of a month (early, mid, late)',
  year: 'A year',
};

export const kindLabel = (kind: string) => KIND_LABEL[kind] ?? kind;
export const statusLabel = (status: string) => STATUS_LABEL[status] ?? status.replace(/_/g, ' ');
