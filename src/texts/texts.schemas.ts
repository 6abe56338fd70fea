// zod schemas of the texts and decisions API: strict inputs naming every bad field, explicit outputs (→ OpenAPI).
// Time zones and deadlines are checked by the service so that their refusals carry the procedure's own
// codes (INVALID_TIME_ZONE, INVALID_INSTANT, DEADLINE_IN_PAST …).
import { z } from 'zod';
import {
  isoDate,
  longText,
  memberCode,
  pagingQuery,
  refOut,
  sequenceNumber,
  sequenceNumberParam,
  slug,
  text,
  uuid,
} from '../kernel/fields.ts';
import { TEXT_KINDS } from './model.ts';

const language = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code such as "en" or "ru"');
const wording = z.string().trim().min(1, 'must not be empty').max(200_000, 'must be at most 200,000 characters');
const localDeadline = z
  .string()
  .max(40, 'must be at most 40 characters')
  .describe('"2002-09-27T12:00" in timeZone, or an instant with an offset');
const zoneName = z.string().max(64, 'must be at most 64 characters').describe('IANA time zone, e.g. "Europe/Brussels"');

export const textCreate = z
  .object({
    body: slug,
    format: slug.optional().describe("Defaults to the body's format"),
    kind: z.enum(TEXT_KINDS),
    title: text(300),
    language: language.default('en'),
    text: wording.describe('The wording of version 1'),
    note: longText(2000).optional(),
  })
  .strict();
export const versionCreate = z.object({ text: wording, note: longText(2000).optional() }).strict();
export const languageLink = z.object({ text: uuid('a text') }).strict();
export const positionCreate = z
  .object({ kind: z.enum(['support', 'comment']), statement: longText(20_000).default('') })
  .strict();
export const reservationCreate = z
  .object({ member: memberCode.optional().describe('Defaults to your own member'), reason: longText(20_000) })
  .strict();
export const silenceOpen = z.object({ version: sequenceNumber, deadline: localDeadline, timeZone: zoneName }).strict();
export const silenceExtend = z
  .object({ deadline: localDeadline, timeZone: zoneName.optional().describe("Defaults to the procedure's zone") })
  .strict();
export const silenceBreak = z
  .object({ member: memberCode.optional().describe('Defaults to your own member'), statement: longText(20_000) })
  .strict();
export const agreementRecord = z.object({ version: sequenceNumber, meeting: uuid('a meeting') }).strict();
export const releaseIn = z
  .object({
    speaker: uuid('a person').nullable().optional(),
    date: isoDate.optional().describe('Date delivered; defaults to the date of adoption'),
    place: z
      .object({ city: text(120).nullable().default(null), country: text(120).nullable().default(null) })
      .strict()
      .default({ city: null, country: null }),
  })
  .strict();

export const textListQuery = z
  .object({
    status: z.enum(['drafting', 'under_silence', 'adopted']).optional(),
    kind: z.enum(TEXT_KINDS).optional(),
    body: slug.optional(),
    format: slug.optional(),
    q: z.string().max(200).optional(),
    ...pagingQuery,
  })
  .strict();
export const idParams = z.object({ id: z.string().uuid('must be a UUID') });
export const versionParams = z.object({
  id: z.string().uuid('must be a UUID'),
  number: sequenceNumberParam,
});
export const memberParams = z.object({ id: z.string().uuid('must be a UUID'), member: memberCode });
export const diffQuery = z.object({ from: sequenceNumberParam, to: sequenceNumberParam }).strict();
export const referenceParams = z.object({ reference: z.string().min(1).max(60) });

const zoned = z.object({ date: z.string(), time: z.string(), offset: z.string() });
const personName = z.string().nullable().meta({ description: 'The name of the person, when known' });
const extensionOut = z.object({ from: z.string(), to: z.string(), at: z.string(), by: z.string(), byName: personName });
const procedureOut = z.object({
  sequence: z.number(),
  version: z.number(),
  openedAt: z.string(),
  openedBy: z.string(),
  openedByName: personName,
  deadline: z.string(),
  timeZone: z.string(),
  deadlineLocal: zoned,
  extensions: z.array(extensionOut),
  outcome: z.enum(['adopted', 'failed']).nullable(),
  closedAt: z.string().nullable(),
  brokenBy: z
    .object({
      member: z.string(),
      memberName: z.string(),
      statement: z.string(),
      at: z.string(),
      by: z.string(),
      byName: personName,
    })
    .nullable(),
});
const decisionRef = z.object({
  reference: z.string(),
  adoptedAt: z.string(),
  how: z.enum(['silence', 'meeting']),
  meetingId: z.string().nullable(),
  procedure: z.number().nullable(),
  recordedAt: z.string(),
  version: z.number(),
  released: z.object({ slug: z.string(), at: z.string().nullable() }).nullable(),
});

export const textSummaryOut = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(TEXT_KINDS),
  language: z.string(),
  body: refOut.nullable(),
  format: refOut,
  status: z.enum(['drafting', 'under_silence', 'adopted']),
  currentVersion: z.number(),
  deadline: z.string().nullable(),
  deadlineTimeZone: z.string().nullable().describe('The IANA zone the open deadline was given in'),
  reference: z.string().nullable(),
  updatedAt: z.string(),
});
export const textListOut = z.object({ total: z.number(), items: z.array(textSummaryOut) });

export const textOut = textSummaryOut.extend({
  current: z.object({ number: z.number(), text: z.string() }),
  versions: z.array(
    z.object({
      number: z.number(),
      author: z.string(),
      authorName: z.string(),
      note: z.string(),
      createdAt: z.string(),
      characters: z.number(),
    }),
  ),
  positions: z.array(
    z.object({
      member: refOut,
      kind: z.string(),
      version: z.number(),
      statement: z.string(),
      by: z.string(),
      byName: personName,
      at: z.string(),
    }),
  ),
  reservations: z.array(
    z.object({
      member: refOut,
      reason: z.string(),
      placedAt: z.string(),
      placedBy: z.string(),
      placedByName: personName,
    }),
  ),
  procedure: procedureOut.nullable(),
  history: z.array(procedureOut),
  events: z.array(
    z.object({
      seq: z.number(),
      type: z.string(),
      at: z.string(),
      by: z.string().nullable(),
      recordedAt: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  decision: decisionRef.nullable(),
  languageVersions: z.array(z.object({ id: z.string(), language: z.string(), title: z.string() })),
  abilities: z.record(z.string(), z.boolean()),
  createdAt: z.string(),
});

export const versionOut = z.object({
  number: z.number(),
  text: z.string(),
  author: z.string(),
  authorName: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export const diffOut = z.object({
  from: z.number(),
  to: z.number(),
  inserted: z.number(),
  deleted: z.number(),
  segments: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
});
export const languageVersionsOut = z.object({
  items: z.array(z.object({ id: z.string(), language: z.string(), title: z.string() })),
});

export const decisionOut = z.object({
  reference: z.string(),
  text: z.object({ id: z.string(), title: z.string(), kind: z.enum(TEXT_KINDS), language: z.string() }),
  body: refOut.nullable(),
  format: refOut,
  version: z.number(),
  wording: z.string(),
  adoptedAt: z.string(),
  how: z.enum(['silence', 'meeting']),
  meetingId: z.string().nullable(),
  procedure: z.number().nullable(),
  recordedAt: z.string(),
  history: z.array(procedureOut),
  positions: z.array(
    z.object({
      member: refOut,
      kind: z.string(),
      version: z.number(),
      statement: z.string(),
      by: z.string(),
      byName: personName,
      at: z.string(),
    }),
  ),
  released: z.object({ slug: z.string(), at: z.string().nullable() }).nullable(),
  abilities: z
    .object({ release: z.boolean() })
    .meta({ description: 'Whether the reader may release it to the public record now' }),
});
export const decisionListOut = z.object({ total: z.number(), items: z.array(decisionOut) });
export const releaseOut = z.object({ reference: z.string(), slug: z.string(), url: z.string() });
