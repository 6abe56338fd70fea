// Rules of calendar events, pure and framework-free: kinds, statuses and when a status is credible,
// and the ordinal of an event in its series ("the second in a series").

export const EVENT_KINDS = ['conference', 'seminar', 'experts_meeting', 'exercise', 'visit', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['planned', 'ongoing', 'held', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Why an event dated from `startsOn` cannot carry `status` at `now` (a field-named refusal), or null. */
export function eventStatusProblem(
  status: EventStatus,
  startsOn: string,
  now: Date,
): { path: string; message: string } | null {
  const today = now.toISOString().slice(0, 10);
  if ((status === 'ongoing' || status === 'held') && startsOn > today) {
    return { path: 'status', message: `cannot be "${status}" before the event starts (${startsOn})` };
  }
  return null;
}

const WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];

/** "second" for 2, "21st" past twelve. */
export function ordinalWord(n: number): string {
  const word = WORDS[n - 1];
  if (word) return word;
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "the second in a series", as the seed puts it; with a name: "the second in the series “…”". */
export function seriesPhrase(ordinal: number, seriesName?: string): string {
  return seriesName
    ? `the ${ordinalWord(ordinal)} in the series “${seriesName}”`
    : `the ${ordinalWord(ordinal)} in a series`;
}

/**
 * The ordinal of an event as a reader sees it: the events of its series the reader may not see are not
 * counted, so "the fourth in a series" never tells a reader who sees three that one is hidden. `hidden`
 * are the ordinals of those events; gaps the secretariat left (events before the record) still count.
 */
export function ordinalAsSeen(ordinal: number, hidden: readonly number[]): number {
  return ordinal - hidden.filter((n) => n < ordinal).length;
}

/** The ordinal a new event takes when none is given: one after the highest so far. */
export function nextOrdinal(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1;
}
