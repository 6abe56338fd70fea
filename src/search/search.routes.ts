// GET /api/v1/workspace/search: the workspace's search box. Every hit, total and per-kind count is
// decided by `can` (searchWorkspace); an item the reader may not see is not found, not counted, and
// not hinted at. The public record has its own search at /api/v1/search (published items only).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorOut } from '../kernel/fields.ts';
import { MAX_SEARCH_LENGTH } from '../public-record/search/search-query.ts';
import { SEARCH_KINDS } from './search-entries.ts';
import { searchWorkspace } from './workspace-index.ts';

export const WORKSPACE_SEARCH_PAGE_SIZE = 20;

const searchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, 'is required: type what to look for')
      .max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`),
    kind: z.enum(SEARCH_KINDS).optional(),
    page: z.coerce
      .number()
      .int('must be a whole number')
      .min(1, 'must be 1 or more')
      .max(1000, 'must be 1000 or less')
      .default(1),
  })
  .strict();

const kindCounts = z.object(
  Object.fromEntries(SEARCH_KINDS.map((k) => [k, z.number()])) as Record<(typeof SEARCH_KINDS)[number], z.ZodNumber>,
);

const searchOut = z.object({
  total: z.number().meta({ description: 'Hits the reader may see (of the selected kind, if any)' }),
  page: z.number(),
  pageSize: z.number(),
  kinds: kindCounts.meta({ description: 'Hits per kind that the reader may see, whatever kind is selected' }),
  hits: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      id: z.string(),
      title: z.string(),
      subtitle: z.string(),
      date: z.string().nullable(),
      snippet: z
        .array(z.object({ text: z.string(), hit: z.boolean() }))
        .meta({ description: 'Plain text pieces; hit marks the matching words' }),
    }),
  ),
});

export const workspaceSearchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.deps;
  app.get(
    '/workspace/search',
    {
      schema: {
        tags: ['workspace'],
        summary:
          'Search meetings, calendar events, work-programme projects and texts the reader may see, best matches first',
        security: [{ sessionCookie: [] }, { adminToken: [] }],
        querystring: searchQuery,
        response: { 200: searchOut, 400: errorOut },
      },
    },
    async (request) => {
      const { q, kind, page } = request.query;
      return searchWorkspace(database, request.actor, { text: q, kind, page, pageSize: WORKSPACE_SEARCH_PAGE_SIZE });
    },
  );
};
