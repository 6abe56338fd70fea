// Dates in human form. Meetings have instants and their own time zone: "Wed 25 Sep 2002, 08:30–09:45
// (Warsaw time)". Events have dates of stated precision and keep the words they were announced with
// ("early October 2002", "December 2002"); a note says when the day is not yet known. Pure.
import type { CalendarEntry, DatePrecision } from './model.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Day of the week of an ISO date, Monday = 0. */
export function weekdayIndex(isoDate: string): number {
  return (new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export const weekdayName = (isoDate: string) => WEEKDAYS[weekdayIndex(isoDate)] ?? '';
export const WEEKDAY_NAMES = WEEKDAYS;

/** "25 September 2002" (with the weekday: "Wednesday 25 September 2002"). */
export function longDate(isoDate: string, withWeekday = false): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const text = `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
  return withWeekday ? `${weekdayName(isoDate)} ${text}` : text;
}

/** "September 2002" for "2002-09". */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1] ?? ''} ${y}`;
}

/** The month `delta` months after "YYYY-MM". */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Warsaw time" for "Europe/Warsaw"; "UTC" stays. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const city = timeZone.split('/').pop() ?? timeZone;
  return `${city.replace(/_/g, ' ')} time`;
}

// The wall-clock date and time of an instant in a zone, from Intl's numeric parts (the words are ours:
// browsers differ on "Sep" and "Sept").
function zonedParts(instant: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return {
    day: `${weekdayName(date).slice(0, 3)} ${d} ${(MONTHS[m - 1] ?? '').slice(0, 3)} ${y}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

/** "Wed 25 Sep 2002, 08:30–09:45 (Warsaw time)"; over several days both days are named. */
export function meetingTimeText(startsAt: string, endsAt: string, timeZone: string): string {
  const start = zonedParts(startsAt, timeZone);
  const end = zonedParts(endsAt, timeZone);
  const until = end.day === start.day ? end.time : `${end.day}, ${end.time}`;
  return `${start.day}, ${start.time}–${until} (${zoneLabel(timeZone)})`;
}

/** What a reader should know about how exact a date is, or null when it is a day or days. */
export function precisionNote(precision: string): string | null {
  switch (precision as DatePrecision) {
    case 'month':
      return 'day not yet fixed';
    case 'part_of_month':
      return 'exact day not yet fixed';
    case 'year':
      return 'month not yet fixed';
    default:
      return null;
  }
}

/** An event's date as announced, with the weekday when it is one known day. */
export function eventDateText(date: { text: string; precision: string; startsOn: string }): string {
  return date.precision === 'day' ? `${weekdayName(date.startsOn).slice(0, 3)} ${date.text}` : date.text;
}

/** How a calendar entry's date reads. */
export function entryDateText(e: CalendarEntry): string {
  if (e.type === 'meeting' && e.startsAt && e.endsAt && e.timeZone)
    return meetingTimeText(e.startsAt, e.endsAt, e.timeZone);
  return eventDateText({ text: e.dateText, precision: e.precision, startsOn: e.startsOn });
}

/** Today as YYYY-MM-DD in the browser's own calendar. */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
