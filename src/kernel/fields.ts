// zod fields shared by every domain's schemas, and the messages they read with. Importing this file
// changes nothing: the composition root calls useCouncilMessages() once (src/app.ts, src/cli/main.ts).
import { z } from 'zod';
import { MEMBER_CODE_PATTERN, SLUG_MAX_LENGTH, SLUG_PATTERN } from './patterns.ts';

/**
 * Messages that read well after a field name: "name is required", "code must be a string". zod keeps
 * this configuration globally, so it is applied explicitly by whoever starts the process, not as a side
 * effect of importing a schema.
 */
export function useCouncilMessages(): void {
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type')
        return issue.input === undefined
          ? 'is required'
          : `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
      if (issue.code === 'invalid_value' && 'values' in issue)
        return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      return undefined;
    },
  });
}

/** A member's code, e.g. "POL". */
export const memberCode = z.string().regex(MEMBER_CODE_PATTERN, 'must be 2 to 8 upper-case letters, e.g. "POL"');

/** A real calendar date, YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
  // Date.parse first: toISOString throws on an invalid date such as month 13.
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'is not a real calendar date',
  );

/** Trimmed, non-empty text of at most `max` characters. */
export const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Free text that may be empty. */
export const longText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** A readable code such as "wg-peacekeeping". */
export const slug = z
  .string()
  .regex(SLUG_PATTERN, 'must be lower-case letters, digits and single hyphens, e.g. "wg-peacekeeping"')
  .max(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`);

export const uuid = (what: string) => z.string().uuid(`must be the id (UUID) of ${what}`);

/** A list without repeats. */
export const uniqueList = <T extends z.ZodType<string>>(item: T, what: string) =>
  z.array(item).refine((list) => new Set(list).size === list.length, `must not list the same ${what} twice`);

export const idParams = z.object({ id: z.string().uuid('must be a UUID') });
export const codeParams = z.object({ code: slug });

/**
 * A version (or other sequence) number: 1 or more, and within the database's integer columns, so a
 * number too large for them is a 400 naming the field rather than an error of the database.
 */
export const MAX_SEQUENCE_NUMBER = 1_000_000;
export const sequenceNumber = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be 1 or more')
  .max(MAX_SEQUENCE_NUMBER, `must be at most ${MAX_SEQUENCE_NUMBER}`);
/** The same, read from a query string or path. */
export const sequenceNumberParam = z.coerce
  .number()
  .int('must be a whole number')
  .min(1, 'must be 1 or more')
  .max(MAX_SEQUENCE_NUMBER, `must be at most ${MAX_SEQUENCE_NUMBER}`);

/** Paging of lists: `total` counts only what the reader may see. */
export const pagingQuery = {
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(500, 'must be 500 or less')
    .default(100),
  offset: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').default(0),
};

export const errorOut = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});

/** A reference shown to a reader: code and name (or id and name). */
export const refOut = z.object({ code: z.string(), name: z.string() });
