// Words for texts: kinds, statuses, positions, languages, and deadlines "in 3 hours" beside the
// wall-clock time in the deadline's own zone.
import { instantWhen } from '../meetings/when.ts';
import type { TextKind, TextStatus } from './types.ts';

export const KIND_LABELS: Record<TextKind, string> = {
  statement: 'Statement',
  decision: 'Decision',
  concept: 'Concept',
  chairmans_statement: "Chairman's statement",
};

export const STATUS_LABELS: Record<TextStatus, string> = {
  drafting: 'Drafting',
  under_silence: 'Under silence',
  adopted: 'Adopted',
};
export const STATUS_BADGE: Record<TextStatus, string> = {
  drafting: 'badge',
  under_silence: 'badge warn',
  adopted: 'badge ok',
};

export const POSITION_LABELS: Record<string, string> = {
  support: 'Support',
  comment: 'Comment',
  reservation_placed: 'Reservation placed',
  reservation_lifted: 'Reservation lifted',
  silence_broken: 'Broke silence',
};

const LANGUAGES: Record<string, string> = {
  en: 'English',
  fr: 'French',
  ru: 'Russian',
  de: 'German',
  pl: 'Polish',
  es: 'Spanish',
  it: 'Italian',
};
export const languageName = (code: string) => LANGUAGES[code] ?? code.toUpperCase();

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hours", "2 days ago", "in 5 minutes", "now". */
export function relative(instant: string, now: Date = new Date()): string {
  const ms = Date.parse(instant) - now.getTime();
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size) return format.format(Math.round(ms / size), unit);
  }
  return 'now';
}

/** "Tue 1 Dec 2026, 12:00 (Brussels time)". */
export const deadlineWhen = (instant: string, timeZone: string) => instantWhen(instant, timeZone);

/** A moment in the reader's own zone: "Tue 1 Dec 2026, 06:47 (Brussels time)". */
export const localWhen = (instant: string) =>
  instantWhen(instant, Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

/** "06:47" in the reader's zone (for short announcements). */
export const clockTime = (instant: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

export function userZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, the user's first. */
export function timeZones(): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : ['UTC', 'Europe/Brussels', 'Europe/Moscow', 'Europe/Warsaw'];
  const mine = userZone();
  return [mine, ...all.filter((z) => z !== mine)];
}
