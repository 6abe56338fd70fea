// /api/v1/record and /api/v1/search: the public record as JSON. Every read goes through
// publicRecordReader with the request's actor; query strings are validated here (zod → OpenAPI).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../kernel/errors.ts';
import type { LanguageVersion, RecordItem, RecordSummary, SearchHit } from './model.ts';
import { publicRecordReader } from './public-record.read.ts';

/** Items per page of lists and search results, in the API and the pages alike. */
export const RECORD_PAGE_SIZE = 20;

// A form sends empty fields for "any": they mean absent, in the API as in the pages.
const blank = (value: unknown) => (value === '' ? undefined : value);
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?$/;
const slug = (example: string) =>
  z.string().regex(SLUG, `must be a URL segment of lower-case letters, digits and hyphens, such as "${example}"`);

// Query parameters shared by the API and the public pages, so both refuse the same values the same way.
export const pageParam = z.preprocess(
  blank,
  z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(10_000, 'must be 10000 or less')
    .default(1),
);
export const yearParam = z.preprocess(
  blank,
  z.coerce
    .number()
    .int('must be a whole number')
    .min(1000, 'must be a year of four digits')
    .max(9999, 'must be a year of four digits')
    .optional(),
);
export const kindParam = z.preprocess(blank, slug('press-statement').optional());
export const speakerParam = z.preprocess(blank, slug('nato-secretary-general').optional());
export const languageParam = z.preprocess(
  blank,
  z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be a language code such as "en" or "fr"')
    .optional(),
);

/** Query of GET /api/v1/record. */
export const recordListQuery = z.object({
  year: yearParam,
  month: z.preprocess(
    blank,
    z.coerce
      .number()
      .int('must be a whole number')
      .min(1, 'must be a month from 1 to 12')
      .max(12, 'must be a month from 1 to 12')
      .optional(),
  ),
  kind: kindParam,
  speaker: speakerParam,
  language: languageParam,
  page: pageParam,
});

/** Query of GET /api/v1/search and of the /search page. */
export const searchQuery = z.object({
  q: z
    .string({ error: 'is required: the words to search for' })
    .describe('Words to find; "a phrase" in double quotes; -word to exclude'),
  kind: kindParam,
  year: yearParam,
  speaker: speakerParam,
  language: languageParam,
  page: pageParam,
});

/** Path parameters of GET /api/v1/record/:slug. */
export const itemSlugParams = z.object({
  slug: z.string().min(1).max(200).describe('The item slug, e.g. 2002-09-25-press-statement-nato-secretary-general'),
});

const placeOut = z.object({ city: z.string().nullable(), country: z.string().nullable() }).nullable();
const summaryFields = {
  slug: z.string(),
  url: z.string(),
  kind: z.string(),
  title: z.string(),
  date: z.string().nullable().describe('ISO 8601 with reduced precision: 2002-09-25, 2002-10, 2003-10-02/2003-10-03'),
  place: placeOut,
  speaker: z.string().nullable(),
  occasion: z.string().nullable(),
  language: z.string(),
  firstPublishedAt: z.string(),
  lastUpdatedAt: z.string(),
};
const summaryOut = z.object(summaryFields);
const hitOut = z.object({
  ...summaryFields,
  snippet: z.string().describe('HTML: escaped text with the matched words in <mark>'),
});
const versionOut = z.object({ slug: z.string(), url: z.string(), language: z.string(), title: z.string() });
const itemOut = z.object({
  ...summaryFields,
  updated: z.string().nullable(),
  collection: z.string().nullable(),
  reference: z.string().nullable(),
  body: z.string().describe('Paragraphs separated by one blank line, as delivered'),
  revision: z.number().int(),
  versions: z.array(versionOut).describe('The other language versions and renderings of this document'),
});
const paging = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int() };
const listOut = z.object({ ...paging, items: z.array(summaryOut) });
const searchOut = z.object({ ...paging, hits: z.array(hitOut) });
const errorOut = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});

/** The public record's JSON API (registered under /api/v1). */
export const publicRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.deps;
  const base = config.publicUrl.replace(/\/+$/, '');
  const urlOf = (slugValue: string) => `${base}/record/${encodeURIComponent(slugValue)}`;
  const presentSummary = (s: RecordSummary) => ({
    slug: s.slug,
    url: urlOf(s.slug),
    kind: s.kind,
    title: s.title,
    date: s.date,
    place: s.place,
    speaker: s.speaker,
    occasion: s.occasion,
    language: s.language,
    firstPublishedAt: s.firstPublishedAt,
    lastUpdatedAt: s.lastUpdatedAt,
  });
  const presentHit = (h: SearchHit) => ({ ...presentSummary(h), snippet: h.snippet });
  const presentItem = (item: RecordItem, versions: LanguageVersion[]) => ({
    ...presentSummary(item),
    updated: item.updated,
    collection: item.collection,
    reference: item.reference,
    body: item.body,
    revision: item.revision,
    versions: versions.map((v) => ({ slug: v.slug, url: urlOf(v.slug), language: v.language, title: v.title })),
  });

  app.get(
    '/record',
    {
      schema: {
        tags: ['public record'],
        summary: 'Items of the public record, newest first, filtered by year, month, kind, speaker or language',
        querystring: recordListQuery,
        response: { 200: listOut, 400: errorOut },
      },
    },
    async (request) => {
      const { page, ...filter } = request.query;
      const result = await publicRecordReader(database, request.actor).list(filter, {
        offset: (page - 1) * RECORD_PAGE_SIZE,
        limit: RECORD_PAGE_SIZE,
      });
      return { total: result.total, page, pageSize: RECORD_PAGE_SIZE, items: result.items.map(presentSummary) };
    },
  );

  app.get(
    '/record/:slug',
    {
      schema: {
        tags: ['public record'],
        summary: 'One item with its body and its other language versions',
        params: itemSlugParams,
        response: { 200: itemOut, 404: errorOut },
      },
    },
    async (request) => {
      const { slug: wanted } = request.params;
      const found = SLUG.test(wanted) ? await publicRecordReader(database, request.actor).findBySlug(wanted) : null;
      if (!found) throw notFound('item', wanted);
      return presentItem(found.item, found.versions);
    },
  );

  app.get(
    '/search',
    {
      schema: {
        tags: ['public record'],
        summary: 'Full-text search of the public record, best matches first',
        querystring: searchQuery,
        response: { 200: searchOut, 400: errorOut },
      },
    },
    async (request) => {
      const { q, page, ...filters } = request.query;
      const results = await publicRecordReader(database, request.actor).search({
        text: q,
        ...filters,
        page,
        pageSize: RECORD_PAGE_SIZE,
      });
      return {
        total: results.total,
        page: results.page,
        pageSize: results.pageSize,
        hits: results.hits.map(presentHit),
      };
    },
  );
};
