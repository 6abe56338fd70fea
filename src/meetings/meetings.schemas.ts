// zod schemas of the meetings API: strict inputs naming every bad field, explicit outputs (→ OpenAPI).
import { z } from 'zod';
import { abilitiesOut } from '../kernel/access/abilities.ts';
import { MEETING_STATUSES } from './meeting-status.ts';
import { isValidTimeZone } from '../kernel/time/zoned-time.ts';
import { isoDate, longText, memberCode, pagingQuery, refOut, slug, text, uuid } from '../kernel/fields.ts';

const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as "Europe/Warsaw"');
const localOrInstant = z
  .string()
  .max(40, 'must be at most 40 characters')
  .describe('"2002-09-25T08:30" in timeZone, or an instant with an offset');

export const agendaItemIn = z
  .object({
    subjectArea: text(300),
    title: text(300),
    description: longText(5000).default(''),
    topics: z.array(slug).max(20).default([]),
    documents: z.array(text(60)).max(50).default([]),
  })
  .strict();
export const participantIn = z
  .object({ person: uuid('a person'), member: memberCode.nullable().default(null), function: text(200) })
  .strict();
export const outcomeIn = z
  .object({ summary: longText(20000), decisions: z.array(text(2000)).max(100).default([]) })
  .strict();
const venueIn = z
  .object({
    name: text(200).nullable().default(null),
    city: text(120).nullable().default(null),
    country: text(120).nullable().default(null),
  })
  .strict();

// Patch fields carry no defaults: in zod 4 a default survives `.partial()` and would reset fields.
const meetingFields = {
  body: slug,
  format: slug,
  title: text(300),
  level: text(120),
  startsAt: localOrInstant,
  endsAt: localOrInstant,
  timeZone,
  venue: venueIn,
  host: memberCode.nullable(),
  public: z.boolean(),
};
export const meetingCreate = z
  .object({
    ...meetingFields,
    format: slug.optional().describe("Defaults to the body's format"),
    title: text(300).optional().describe('Defaults to "<body>, <level>"'),
    venue: venueIn.default({ name: null, city: null, country: null }),
    host: meetingFields.host.default(null),
    public: meetingFields.public.default(false),
    status: z.enum(MEETING_STATUSES).default('planned'),
    agenda: z.array(agendaItemIn).max(200).default([]),
    participants: z.array(participantIn).max(500).default([]),
    outcome: outcomeIn.default({ summary: '', decisions: [] }),
  })
  .strict();
export const meetingPatch = z.object(meetingFields).partial().strict();
export const agendaPut = z.object({ items: z.array(agendaItemIn).max(200) }).strict();
export const participantsPut = z.object({ participants: z.array(participantIn).max(500) }).strict();
export const statusPost = z.object({ status: z.enum(MEETING_STATUSES) }).strict();

export const meetingListQuery = z.object({
  from: isoDate.optional().describe('Meetings ending on or after this day (UTC)'),
  to: isoDate.optional().describe('Meetings starting on or before this day (UTC)'),
  body: slug.optional(),
  format: slug.optional(),
  topic: slug.optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  q: z
    .string()
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('Words in the title, level, venue or agenda'),
  ...pagingQuery,
});

const localOut = z.object({
  date: z.string(),
  start: z.string(),
  end: z.string(),
  endDate: z.string(),
  offset: z.string(),
});
const summaryFields = {
  id: z.string(),
  title: z.string(),
  body: refOut.nullable().describe('null when the reader may not see the body'),
  format: refOut,
  level: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  local: localOut.describe('Start and end as wall-clock times in timeZone'),
  venue: z.object({ name: z.string().nullable(), city: z.string().nullable(), country: z.string().nullable() }),
  host: refOut.nullable(),
  status: z.enum(MEETING_STATUSES),
  public: z.boolean(),
  abilities: abilitiesOut,
};
export const meetingSummaryOut = z.object(summaryFields);
export const meetingOut = z.object({
  ...summaryFields,
  agenda: z.array(
    z.object({
      subjectArea: z.string(),
      items: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          description: z.string(),
          topics: z.array(refOut),
          documents: z.array(z.string()),
        }),
      ),
    }),
  ),
  participants: z.array(
    z.object({
      id: z.string(),
      person: z.object({ id: z.string(), name: z.string() }),
      member: refOut.nullable(),
      function: z.string(),
    }),
  ),
  outcome: z.object({ summary: z.string(), decisions: z.array(z.string()) }),
  updatedAt: z.string(),
});
export const meetingListOut = z.object({ total: z.number().int(), items: z.array(meetingSummaryOut) });

export type MeetingCreate = z.infer<typeof meetingCreate>;
export type MeetingPatch = z.infer<typeof meetingPatch>;
export type AgendaItemIn = z.infer<typeof agendaItemIn>;
export type ParticipantIn = z.infer<typeof participantIn>;
export type OutcomeIn = z.infer<typeof outcomeIn>;
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
