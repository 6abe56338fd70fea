// Dates of stated precision. Councils announce events as "10 October 2002", "25–27 September 2002",
// "December 2002" or "early October 2002"; the calendar keeps the words as given for display, the
// precision, and inclusive bounds (starts_on..ends_on) that place the event on a calendar:
//   day            10 October 2002        2002-10-10 .. 2002-10-10
//   range          25–27 September 2002   2002-09-25 .. 2002-09-27
//   month          December 2002          2002-12-01 .. 2002-12-31
//   part_of_month  early October 2002     2002-10-01 .. 2002-10-10   (mid: 11–20, late: 21–end)
//   year           2003                   2003-01-01 .. 2003-12-31
// ISO forms are accepted too (2002-10-10, 2002-09-25/2002-09-27, 2002-12, 2003) and shown in words.

export const DATE_PRECISIONS = ['day', 'range', 'month', 'part_of_month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface EventDate {
  text: string;
  precision: DatePrecision;
  startsOn: string;
  endsOn: string;
}

export type EventDateParse = { ok: true; date: EventDate } | { ok: false; message: string };

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
const PARTS = { early: [1, 10], mid: [11, 20], late: [21, 31] } as const;
type Part = keyof typeof PARTS;

const M = '([A-Za-z]+)\\.?';
const D = '(\\d{1,2})';
const Y = '(\\d{4})';
const DASH = '\\s*(?:-|–|—|to)\\s*';
const ISO = '(\\d{4}-\\d{2}-\\d{2})';

function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const index = MONTHS.findIndex(
    (name) =>
      name.toLowerCase() === w || name.toLowerCase().slice(0, 3) === w || (w === 'sept' && name === 'September'),
  );
  return index < 0 ? null : index + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');
// Day 0 of the next month is the last day of this one (years below 1000 are refused before this).
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isoDay(year: number, month: number | null, day: number): string | null {
  if (month === null || year < 1000 || day < 1 || day > lastDay(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fromIso(value: string): string | null {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 ? isoDay(y, m, d) : null;
}

/** The date `days` after (or before, when negative) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The words for a date of a given precision: "25–27 September 2002", "early October 2002". */
export function formatEventDate(precision: DatePrecision, startsOn: string, endsOn: string): string {
  const [y1, m1, d1] = startsOn.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = endsOn.split('-').map(Number) as [number, number, number];
  const month = (m: number) => MONTHS[m - 1] ?? '';
  switch (precision) {
    case 'year':
      return String(y1);
    case 'month':
      return `${month(m1)} ${y1}`;
    case 'part_of_month':
      return `${d1 <= 10 ? 'early' : d1 <= 20 ? 'mid' : 'late'} ${month(m1)} ${y1}`;
    case 'day':
      return `${d1} ${month(m1)} ${y1}`;
    case 'range':
      if (y1 !== y2) return `${d1} ${month(m1)} ${y1} – ${d2} ${month(m2)} ${y2}`;
      if (m1 !== m2) return `${d1} ${month(m1)} – ${d2} ${month(m2)} ${y1}`;
      return `${d1}–${d2} ${month(m1)} ${y1}`;
  }
}

function dated(
  text: string | null,
  precision: DatePrecision,
  startsOn: string | null,
  endsOn: string | null,
): EventDateParse {
  if (!startsOn || !endsOn) return { ok: false, message: 'is not a real calendar date' };
  if (endsOn < startsOn) return { ok: false, message: 'ends before it starts' };
  // A "range" of one day is a day.
  const p = precision === 'range' && startsOn === endsOn ? 'day' : precision;
  return { ok: true, date: { text: text ?? formatEventDate(p, startsOn, endsOn), precision: p, startsOn, endsOn } };
}

function monthBounds(year: number, month: number | null, part: Part | null): [string | null, string | null] {
  if (month === null) return [null, null];
  const [from, to] = part ? PARTS[part] : [1, 31];
  return [isoDay(year, month, from), isoDay(year, month, Math.min(to, lastDay(year, month)))];
}

/** Reads a date as people write it; see the table above. Never guesses: anything else is refused. */
export function parseEventDate(input: string): EventDateParse {
  const text = input.trim().replace(/\s+/g, ' ');
  const match = (pattern: string) => new RegExp(`^${pattern}$`, 'i').exec(text);
  let m: RegExpExecArray | null;
  if ((m = match(ISO))) return dated(null, 'day', fromIso(m[1]!), fromIso(m[1]!));
  if ((m = match(`${ISO}\\s*(?:/|\\.\\.|–|—|\\s-\\s)\\s*${ISO}`)))
    return dated(null, 'range', fromIso(m[1]!), fromIso(m[2]!));
  if ((m = match('(\\d{4})-(\\d{2})'))) {
    const month = Number(m[2]);
    return dated(null, 'month', ...monthBounds(Number(m[1]), month >= 1 && month <= 12 ? month : null, null));
  }
  if ((m = match(Y))) return dated(null, 'year', `${m[1]}-01-01`, `${m[1]}-12-31`);
  if ((m = match(`${D} ${M},? ${Y}`)))
    return dated(
      text,
      'day',
      isoDay(Number(m[3]), monthNumber(m[2]!), Number(m[1])),
      isoDay(Number(m[3]), monthNumber(m[2]!), Number(m[1])),
    );
  if ((m = match(`${M} ${D},? ${Y}`)))
    return dated(
      text,
      'day',
      isoDay(Number(m[3]), monthNumber(m[1]!), Number(m[2])),
      isoDay(Number(m[3]), monthNumber(m[1]!), Number(m[2])),
    );
  if ((m = match(`${D}${DASH}${D} ${M},? ${Y}`))) {
    const [year, month] = [Number(m[4]), monthNumber(m[3]!)];
    return dated(text, 'range', isoDay(year, month, Number(m[1])), isoDay(year, month, Number(m[2])));
  }
  if ((m = match(`${D} ${M}${DASH}${D} ${M},? ${Y}`))) {
    const year = Number(m[5]);
    return dated(
      text,
      'range',
      isoDay(year, monthNumber(m[2]!), Number(m[1])),
      isoDay(year, monthNumber(m[4]!), Number(m[3])),
    );
  }
  if ((m = match(`${D} ${M},? ${Y}${DASH}${D} ${M},? ${Y}`))) {
    return dated(
      text,
      'range',
      isoDay(Number(m[3]), monthNumber(m[2]!), Number(m[1])),
      isoDay(Number(m[6]), monthNumber(m[5]!), Number(m[4])),
    );
  }
  if ((m = match(`(early|mid|late)[- ]${M},? ${Y}`))) {
    return dated(text, 'part_of_month', ...monthBounds(Number(m[3]), monthNumber(m[2]!), m[1]!.toLowerCase() as Part));
  }
  if ((m = match(`${M},? ${Y}`))) return dated(text, 'month', ...monthBounds(Number(m[2]), monthNumber(m[1]!), null));
  return {
    ok: false,
    message:
      'must be a date such as "10 October 2002", "25–27 September 2002", "December 2002", "early October 2002", "2002-10-10" or "2002-09-25/2002-09-27"',
  };
}
