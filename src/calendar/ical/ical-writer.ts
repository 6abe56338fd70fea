// iCalendar (RFC 5545) writing, by hand and pure: content lines end in CRLF and are folded at 75
// octets without splitting a UTF-8 character (3.1); TEXT values escape backslash, semicolon, comma and
// newlines (3.3.11); all-day items use VALUE=DATE with an exclusive DTEND (3.6.1); timed items are UTC
// ("Z", no TZID), so no VTIMEZONE is needed. No METHOD is set, so DTSTAMP is the time the item was
// last revised in our store (3.8.7.2), which keeps a feed byte-identical until something changes.

import { addDays } from '../event-dates.ts';

export type IcsStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';

export interface IcsEvent {
  /** Globally unique and stable across feeds: `<id>@concord`. */
  uid: string;
  /** When the item was last revised (ISO instant). */
  stamp: string;
  summary: string;
  description?: string;
  location?: string;
  status: IcsStatus;
  categories: string[];
  /** All day(s), inclusive bounds; or a timed span between two instants. */
  when: { kind: 'date'; startsOn: string; endsOn: string } | { kind: 'instant'; startsAt: string; endsAt: string };
}

export interface IcsCalendar {
  name: string;
  description: string;
  events: IcsEvent[];
}

const encoder = new TextEncoder();

/** Escapes a TEXT value: \\ ; , and newlines; control characters other than tab are dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
  );
}

/** Folds one content line into CRLF-joined pieces of at most 75 octets (continuations start with a space). */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

const compactDate = (isoDate: string) => isoDate.replaceAll('-', '');
const compactInstant = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The day after an ISO date, for the exclusive DTEND of all-day items. */
export const dayAfter = (isoDate: string): string => addDays(isoDate, 1);

function eventLines(event: IcsEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${compactInstant(event.stamp)}`];
  if (event.when.kind === 'date') {
    lines.push(
      `DTSTART;VALUE=DATE:${compactDate(event.when.startsOn)}`,
      `DTEND;VALUE=DATE:${compactDate(dayAfter(event.when.endsOn))}`,
    );
  } else {
    lines.push(`DTSTART:${compactInstant(event.when.startsAt)}`, `DTEND:${compactInstant(event.when.endsAt)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  lines.push(`STATUS:${event.status}`);
  if (event.categories.length > 0) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The whole VCALENDAR as text, ready to serve as text/calendar. */
export function renderIcs(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Concord//Council calendar//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-CALDESC:${escapeText(calendar.description)}`,
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
