// Dates as legacy pages wrote them, turned into ISO 8601 with reduced precision ("2002-10", "2002")
// and intervals ("2003-10-02/2003-10-03"). Nothing is guessed: an impossible date ("31 Feb 2002")
// is reported with its reason instead of being rounded to a neighbour.
import { MONTH_ALTERNATION, isDateFiller, monthNumber } from './month-names.ts';

export interface FoundDate {
  /** The date as written in the source. */
  text: string;
  /** Offset of `text` in the searched string. */
  index: number;
  /** ISO 8601 value, or null when the text names an impossible date. */
  iso: string | null;
  /** 1 when the reading is unambiguous. */
  confidence: number;
  /** Why the reading is uncertain or impossible; null when it is neither. */
  reason: string | null;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

// Patterns are module constants but only ever used through matchAll, which clones them, so no
// lastIndex state is shared between calls.
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const MON = `(${MONTH_ALTERNATION})(?!\\p{L})`;
const DOT = '(?:\\s?\\.)?';
const ORD = '(?:er|re|st|nd|rd|th|\\.)?';
const RU_YEAR = '(?:\\s*(?:года|год|г\\.))?';
const TO = '\\s*(?:-|–|—|(?<!\\p{L})(?:to|au|bis|al|по)(?!\\p{L}))\\s*';

type Reader = (m: RegExpMatchArray) => Reading;
type Reading = { iso: string | null; confidence: number; reason: string | null };

const PATTERNS: ReadonlyArray<readonly [RegExp, Reader, 'month' | 'numeric']> = [
  // 2002-09-25
  [
    new RegExp(`${L}(\\d{4})-(\\d{2})-(\\d{2})${R}`, 'gu'),
    (m) => day(m[0], num(m[1]), num(m[2]), num(m[3])),
    'numeric',
  ],
  // 25-Sep-2002, 03-Oct-2003, 22-Nov-02
  [
    new RegExp(`${L}(\\d{1,2})-${MON}\\.?-(\\d{4}|\\d{2})${R}`, 'giu'),
    (m) => dayWithYear(m[0], m[1], m[2], m[3]),
    'month',
  ],
  // 30 Sept - 1 Oct 2003
  [
    new RegExp(
      `${L}(\\d{1,2})${ORD}\\s+${MON}${DOT}${TO}(\\d{1,2})${ORD}\\s+${MON}${DOT}\\s*,?\\s*(\\d{4})${RU_YEAR}${R}`,
      'giu',
    ),
    (m) => range(m[0], { y: num(m[5]), m: mon(m[2]), d: num(m[1]) }, { y: num(m[5]), m: mon(m[4]), d: num(m[3]) }),
    'month',
  ],
  // 2-3 Oct 2003, 28-29 мая 2002 года, 2 au 3 octobre 2003
  [
    new RegExp(
      `${L}(\\d{1,2})${ORD}${TO}(\\d{1,2})${ORD}\\s+(?:de\\s+)?${MON}${DOT}\\s*,?\\s*(?:de\\s+)?(\\d{4})${RU_YEAR}${R}`,
      'giu',
    ),
    (m) => range(m[0], { y: num(m[4]), m: mon(m[3]), d: num(m[1]) }, { y: num(m[4]), m: mon(m[3]), d: num(m[2]) }),
    'month',
  ],
  // 25 Sept. 2002, 8 Dec . 2005, 1er décembre 2002, 25. September 2002, 25 de septiembre de 2002, 28 мая 2002 года
  [
    new RegExp(`${L}(\\d{1,2})${ORD}\\s+(?:de\\s+)?${MON}${DOT}\\s*,?\\s*(?:de\\s+)?(\\d{4})${RU_YEAR}${R}`, 'giu'),
    (m) => day(m[0], num(m[3]), mon(m[2]), num(m[1])),
    'month',
  ],
  // October 2-3, 2003
  [
    new RegExp(`${L}${MON}${DOT}\\s+(\\d{1,2})${TO}(\\d{1,2}),?\\s+(\\d{4})${R}`, 'giu'),
    (m) => range(m[0], { y: num(m[4]), m: mon(m[1]), d: num(m[2]) }, { y: num(m[4]), m: mon(m[1]), d: num(m[3]) }),
    'month',
  ],
  // September 25, 2002
  [
    new RegExp(`${L}${MON}${DOT}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})${R}`, 'giu'),
    (m) => day(m[0], num(m[3]), mon(m[1]), num(m[2])),
    'month',
  ],
  // 28/05/2002, 28.05.2002 (four-digit years only: "1.2.34" is more often a section number than a date)
  [
    new RegExp(`${L}(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})${R}`, 'gu'),
    (m) => numeric(m[0], num(m[1]), num(m[3]), num(m[4])),
    'numeric',
  ],
  // 30 May – 1 June, 8-9 October (no year: not a date until a year is found elsewhere on the page)
  [
    new RegExp(`${L}(\\d{1,2})${ORD}\\s+${MON}${DOT}${TO}(\\d{1,2})${ORD}\\s+${MON}${DOT}(?!\\s*,?\\s*\\d)${R}`, 'giu'),
    (m) => yearless(m[0]),
    'month',
  ],
  [
    new RegExp(`${L}(\\d{1,2})${ORD}(?:${TO}(\\d{1,2})${ORD})?\\s+${MON}${DOT}(?!\\s*,?\\s*\\d)${R}`, 'giu'),
    (m) => yearless(m[0]),
    'month',
  ],
  // October 2003, мая 2002 года
  [
    new RegExp(`${L}${MON}${DOT}\\s*,?\\s+(\\d{4})${RU_YEAR}${R}`, 'giu'),
    (m) => month(m[0], num(m[2]), mon(m[1])),
    'month',
  ],
];

// Every 'month' pattern contains MON, so a text it matches also matches this (same flags, no anchors).
const ANY_MONTH = new RegExp(MON, 'iu');

// The same few header lines are asked about several times per page (by the listing judge, the header
// reader and its look-aheads), so the latest answers are remembered: a bounded map of short texts, whose
// answers are frozen because they are shared. It changes no answer, only how often one is worked out.
const REMEMBERED = 64;
const REMEMBERED_LENGTH = 400;
const remembered = new Map<string, readonly FoundDate[]>();
const NONE: readonly FoundDate[] = Object.freeze([]);

/** Every date written in `text`, in order, without overlaps (the longest reading wins at a position). */
export function findDates(text: string): readonly FoundDate[] {
  // Every pattern needs a digit: most lines of prose have none, and nine Unicode regexes per line
  // were the parser's largest cost in the import benchmark.
  if (!/\d/.test(text)) return NONE;
  if (text.length > REMEMBERED_LENGTH) return scanDates(text);
  let found = remembered.get(text);
  if (found === undefined) {
    found = Object.freeze(scanDates(text).map((date) => Object.freeze(date)));
    if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(text, found);
  }
  return found;
}

function scanDates(text: string): FoundDate[] {
  // Patterns with a month name cannot match a text that names no month: one test instead of seven.
  const hasMonth = ANY_MONTH.test(text);
  const candidates: FoundDate[] = [];
  for (const [pattern, read, needs] of PATTERNS) {
    if (needs === 'month' && !hasMonth) continue;
    for (const m of text.matchAll(pattern)) {
      candidates.push({ text: m[0], index: m.index ?? 0, ...read(m) });
    }
  }
  candidates.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const chosen: FoundDate[] = [];
  let end = 0;
  for (const c of candidates) {
    if (c.index < end) continue;
    chosen.push(c);
    end = c.index + c.text.length;
  }
  return chosen;
}

/** The date when `line` is nothing but a date (give or take a weekday, "le", punctuation); else null. */
export function parseDateLine(line: string): FoundDate | null {
  const yearOnly = /^\s*(\d{4})\s*\.?\s*$/u.exec(line);
  if (yearOnly?.[1] !== undefined) {
    const y = Number(yearOnly[1]);
    if (y < 1800 || y > 2199) return null;
    return { text: yearOnly[1], index: line.indexOf(yearOnly[1]), iso: yearOnly[1], confidence: 1, reason: null };
  }
  const dates = findDates(line);
  const first = dates[0];
  if (first === undefined || dates.length > 1) return null;
  const rest = line.slice(0, first.index) + ' ' + line.slice(first.index + first.text.length);
  const words = rest.match(/\p{L}+/gu) ?? [];
  if (!words.every(isDateFiller)) return null;
  if (/\p{N}/u.test(rest)) return null;
  return first;
}

function num(s: string | undefined): number {
  return s === undefined ? Number.NaN : Number(s);
}

function mon(s: string | undefined): number {
  return s === undefined ? Number.NaN : (monthNumber(s.replace(/\.$/, '')) ?? Number.NaN);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDay({ y, m, d }: Ymd): boolean {
  if (!Number.isInteger(y) || y < 1800 || y > 2199) return false;
  if (!Number.isInteger(m) || m < 1 || m > 12) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Number.isInteger(d) && d >= 1 && d <= days;
}

function isoDay({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export const NO_YEAR = 'no year is written';

function yearless(text: string): Reading {
  return { iso: null, confidence: 0, reason: `"${text.trim()}": ${NO_YEAR}; not guessed` };
}

/** The yearless date `date` ("30 May – 1 June") read in `year`; null when it is still no date. */
export function inYear(date: FoundDate, year: number): FoundDate | null {
  const found = findDates(`${date.text} ${year}`)[0];
  return found === undefined || found.iso === null || found.index !== 0 ? null : found;
}

function impossible(text: string): Reading {
  return { iso: null, confidence: 0, reason: `"${text.trim()}" is not a calendar date; not guessed` };
}

function day(text: string, y: number, m: number, d: number): Reading {
  const ymd = { y, m, d };
  return validDay(ymd) ? { iso: isoDay(ymd), confidence: 1, reason: null } : impossible(text);
}

function dayWithYear(
  text: string,
  d: string | undefined,
  monthName: string | undefined,
  year: string | undefined,
): Reading {
  if (year === undefined || year.length === 4) return day(text, num(year), mon(monthName), num(d));
  // Two-digit years: the archive spans roughly 1949-2049, so pivot at 50.
  const yy = Number(year);
  const y = yy < 50 ? 2000 + yy : 1900 + yy;
  const reading = day(text, y, mon(monthName), num(d));
  if (reading.iso === null) return reading;
  return { ...reading, confidence: 0.7, reason: `two-digit year in "${text}" read as ${y}` };
}

function month(text: string, y: number, m: number): Reading {
  if (!validDay({ y, m, d: 1 })) return impossible(text);
  return { iso: `${pad(y, 4)}-${pad(m)}`, confidence: 1, reason: null };
}

function range(text: string, from: Ymd, to: Ymd): Reading {
  if (!validDay(from) || !validDay(to)) return impossible(text);
  const a = isoDay(from);
  const b = isoDay(to);
  if (a > b) return { iso: null, confidence: 0, reason: `"${text}" ends before it starts; not guessed` };
  if (a === b) return { iso: a, confidence: 1, reason: null };
  return { iso: `${a}/${b}`, confidence: 1, reason: null };
}

// Council archives are European: numeric dates are day-first unless that is impossible.
function numeric(text: string, first: number, second: number, y: number): Reading {
  const dayFirst = { y, m: second, d: first };
  const monthFirst = { y, m: first, d: second };
  if (validDay(dayFirst)) {
    if (first !== second && first <= 12 && validDay(monthFirst)) {
      return {
        iso: isoDay(dayFirst),
        confidence: 0.7,
        reason: `"${text}" read day-first (${isoDay(dayFirst)}); it could also be ${isoDay(monthFirst)}`,
      };
    }
    return { iso: isoDay(dayFirst), confidence: 1, reason: null };
  }
  if (validDay(monthFirst)) {
    return {
      iso: isoDay(monthFirst),
      confidence: 0.8,
      reason: `"${text}" read month-first because ${second} cannot be a month`,
    };
  }
  return impossible(text);
}
