// The API shape of a calendar entry, with an explicit field list; names from the reader's lookups.
import { z } from 'zod';
import { bodyRef, formatRef, topicRef, type Lookups } from '../council/lookups.ts';
import { refOut } from '../kernel/fields.ts';
import type { CalendarEntry } from './calendar-entries.ts';

export const entryOut = z.object({
  type: z.enum(['meeting', 'event']),
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
  dateText: z.string(),
  precision: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  timeZone: z.string().nullable(),
  place: z.string().nullable(),
  body: refOut.nullable(),
  format: refOut,
  public: z.boolean(),
  topics: z.array(refOut),
  href: z.string().describe('The API address of the meeting or event'),
});

export const presentEntry = (e: CalendarEntry, l: Lookups) => ({
  type: e.type,
  id: e.id,
  title: e.title,
  kind: e.kind,
  status: e.status,
  dateText: e.dateText,
  precision: e.precision,
  startsOn: e.startsOn,
  endsOn: e.endsOn,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  timeZone: e.timeZone,
  place: e.place,
  body: bodyRef(l, e.bodyCode),
  format: formatRef(l, e.formatCode),
  public: e.isPublic,
  topics: e.topics.map((t) => topicRef(l, t)),
  href: `/api/v1/${e.type === 'meeting' ? 'meetings' : 'events'}/${e.id}`,
});
