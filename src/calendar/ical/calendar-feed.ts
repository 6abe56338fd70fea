// Calendar entries as iCalendar events: what a feed says about a meeting or an event. Pure; the feed
// routes decide which entries a reader may have (public, per body, per topic, or a personal token).
import type { CalendarEntry } from '../calendar-entries.ts';
import type { IcsEvent, IcsStatus } from './ical-writer.ts';

export interface FeedNames {
  /** The body's name if the reader may see it, else null. */
  body(code: string): string | null;
  topic(code: string): string;
}

const ROUGH = new Set(['part_of_month', 'month', 'year']);

const KIND_LABELS: Record<string, string> = {
  meeting: 'Meeting',
  conference: 'Conference',
  seminar: 'Seminar',
  experts_meeting: "Experts' meeting",
  exercise: 'Exercise',
  visit: 'Visit',
  other: 'Event',
};

/** TENTATIVE while planned, CANCELLED when cancelled, CONFIRMED once it is taking or took place. */
export function icsStatus(status: string): IcsStatus {
  if (status === 'planned') return 'TENTATIVE';
  if (status === 'cancelled') return 'CANCELLED';
  return 'CONFIRMED';
}

/** One VEVENT per entry; all-day for dated events (with their bounds), UTC instants for meetings. */
export function feedEvent(entry: CalendarEntry, names: FeedNames): IcsEvent {
  const body = entry.bodyCode ? names.body(entry.bodyCode) : null;
  const description = [
    entry.about || null,
    // A date known only roughly is placed on its bounds; the words say how rough it is.
    ROUGH.has(entry.precision) ? `Date as announced: ${entry.dateText}.` : null,
    body ? `Body: ${body}.` : null,
    `Status: ${entry.status.replace('_', ' ')}.`,
  ].filter((line): line is string => line !== null);
  return {
    uid: `${entry.id}@concord`,
    stamp: entry.updatedAt,
    summary: entry.title,
    description: description.join('\n'),
    ...(entry.place ? { location: entry.place } : {}),
    status: icsStatus(entry.status),
    categories: [KIND_LABELS[entry.kind] ?? 'Event', ...entry.topics.map((t) => names.topic(t))],
    when:
      entry.startsAt && entry.endsAt
        ? { kind: 'instant', startsAt: entry.startsAt, endsAt: entry.endsAt }
        : { kind: 'date', startsOn: entry.startsOn, endsOn: entry.endsOn },
  };
}
