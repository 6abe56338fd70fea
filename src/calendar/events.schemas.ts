// zod schemas of the events API: strict inputs naming every bad field, explicit outputs (→ OpenAPI).
import { z } from 'zod';
import { abilitiesOut } from '../kernel/access/abilities.ts';
import { isoDate, longText, memberCode, pagingQuery, refOut, slug, text, uniqueList, uuid } from '../kernel/fields.ts';
import { DATE_PRECISIONS } from './event-dates.ts';
import { EVENT_KINDS, EVENT_STATUSES } from './event-rules.ts';

const placeIn = z
  .object({
    name: text(200).nullable().default(null),
    city: text(120).nullable().default(null),
    country: text(120).nullable().default(null),
  })
  .strict();
const seriesIn = z
  .object({
    code: slug,
    ordinal: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be 1 or more')
      .max(1000)
      .optional()
      .describe('Defaults to one after the last'),
  })
  .strict();

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  title: text(300),
  description: longText(10000),
  date: text(80).describe(
    '"10 October 2002", "25–27 September 2002", "December 2002", "early October 2002", "2002-10-10", "2002-09-25/2002-09-27"',
  ),
  place: placeIn,
  host: memberCode.nullable(),
  series: seriesIn.nullable(),
  status: z.enum(EVENT_STATUSES),
  body: slug.nullable(),
  format: slug,
  public: z.boolean(),
  topics: uniqueList(slug, 'topic').max(20),
  projects: uniqueList(uuid('a project'), 'project').max(50),
};
export const eventCreate = z
  .object({
    ...eventFields,
    description: eventFields.description.default(''),
    place: placeIn.default({ name: null, city: null, country: null }),
    host: eventFields.host.default(null),
    series: eventFields.series.default(null),
    status: eventFields.status.default('planned'),
    body: eventFields.body.default(null),
    format: slug.optional().describe("Defaults to the body's format; required without a body"),
    public: eventFields.public.default(false),
    topics: eventFields.topics.default([]),
    projects: eventFields.projects.default([]),
  })
  .strict();
export const eventPatch = z.object(eventFields).partial().strict();

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month in the form YYYY-MM');
export const eventListQuery = z.object({
  month: month.optional().describe('Events overlapping this month (YYYY-MM)'),
  from: isoDate.optional().describe('Events ending on or after this day'),
  to: isoDate.optional().describe('Events starting on or before this day'),
  kind: z.enum(EVENT_KINDS).optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  body: slug.optional(),
  topic: slug.optional(),
  series: slug.optional(),
  q: z.string().max(200, 'must be at most 200 characters').optional(),
  ...pagingQuery,
});

export const seriesCreate = z.object({ code: slug, name: text(300), description: longText(5000).default('') }).strict();
export const seriesPatch = z
  .object({ name: text(300), description: longText(5000) })
  .partial()
  .strict();

export const seriesOut = z.object({ code: z.string(), name: z.string(), description: z.string() });
const summaryFields = {
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  date: z.object({ text: z.string(), precision: z.enum(DATE_PRECISIONS), startsOn: z.string(), endsOn: z.string() }),
  place: z.object({ name: z.string().nullable(), city: z.string().nullable(), country: z.string().nullable() }),
  host: refOut.nullable(),
  series: z
    .object({
      code: z.string(),
      name: z.string(),
      ordinal: z.number().int(),
      phrase: z.string().describe('e.g. "the second in a series"'),
    })
    .nullable(),
  status: z.enum(EVENT_STATUSES),
  body: refOut.nullable(),
  format: refOut,
  public: z.boolean(),
  abilities: abilitiesOut,
  topics: z.array(refOut),
};
export const eventSummaryOut = z.object(summaryFields);
export const eventOut = z.object({
  ...summaryFields,
  description: z.string(),
  projects: z.array(z.object({ id: z.string(), title: z.string() })).describe('Linked projects the reader may see'),
  updatedAt: z.string(),
});
export const eventListOut = z.object({ total: z.number().int(), items: z.array(eventSummaryOut) });
export const seriesListOut = z.object({ items: z.array(seriesOut) });
export const seriesWithEventsOut = seriesOut.extend({ events: z.array(eventSummaryOut) });

export type EventCreate = z.infer<typeof eventCreate>;
export type EventPatch = z.infer<typeof eventPatch>;
export type SeriesCreate = z.infer<typeof seriesCreate>;
export type SeriesPatch = z.infer<typeof seriesPatch>;
