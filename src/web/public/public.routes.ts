// The public website of the record: homepage, indexes, items, search, Atom feed, sitemap, robots.txt.
// Every read goes through publicRecordReader with the request's actor, as the JSON API does.
//
// URLs (stable; documented in README.md):
//   /                          homepage: latest items, browse, the council's members
//   /record                    the whole index (all facets) and every item, in pages (?page=N)
//   /record/2002               a year;  /record/2002/09  a month
//   /record/kind/:kind         a kind;  /record/speaker/:speaker  a speaker;  /record/language/:code
//   /record/:slug              one item (slugs always contain letters, so never clash with a year)
//   /search?q=&kind=&year=&speaker=&language=&page=
//   /feed.atom  /sitemap.xml  /robots.txt
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findCouncil } from '../../council/repositories/council.repository.ts';
import { listMembers } from '../../council/repositories/members.repository.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import {
  kindSlug,
  publicRecordReader,
  speakerSlug,
  type PublicRecordReader,
} from '../../public-record/public-record.read.ts';
import { pageParam, searchQuery } from '../../public-record/public-record.routes.ts';
import { PAGE_SIZE } from './components.ts';
import { renderAtomFeed } from './feed.ts';
import { languageName } from './format.ts';
import { renderHomePage } from './home-page.ts';
import { renderItemPage } from './item-page.ts';
import { renderListingPage, type Listing } from './listing-page.ts';
import { renderRecordIndex } from './record-index-page.ts';
import { renderSearchPage, type SearchQuery } from './search-page.ts';
import { renderRobots, renderSitemap } from './sitemap.ts';

const HTML = 'text/html; charset=utf-8';
const SEGMENT = /^[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?$/;
const FEED_SIZE = 20;
const hidden = { hide: true } as const;
// Path parameters, parsed like every other input (the paths' own patterns already admit only digits
// for years and months, so these never refuse what the router let through).
const yearParams = z.object({ year: z.coerce.number().int() });
const monthParams = z.object({ year: z.coerce.number().int(), month: z.coerce.number().int() });
const segmentParams = <K extends string>(key: K) => z.object({ [key]: z.string() } as Record<K, z.ZodString>);
const pageQuery = z.object({ page: pageParam });
// Feed readers and crawlers poll; five minutes of caching spares the database and delays little.
const POLLED = 'public, max-age=300';

/** The public website's routes (registered by app.ts at the root). */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.deps;
  const db = database.db;
  const reader = (request: FastifyRequest): PublicRecordReader => publicRecordReader(database, request.actor);
  const councilName = async () => (await findCouncil(db))?.name ?? null;
  const sendHtml = (reply: FastifyReply, body: string, status = 200) => reply.status(status).type(HTML).send(body);

  app.get('/', { schema: hidden }, async (request, reply) => {
    const r = reader(request);
    const [council, members, latest, facets] = await Promise.all([
      findCouncil(db),
      listMembers(db),
      r.latest(10),
      r.facets(),
    ]);
    return sendHtml(reply, renderHomePage({ council, members, latest, facets }));
  });

  app.get('/record', { schema: { ...hidden, querystring: pageQuery } }, async (request, reply) => {
    const { page } = request.query;
    const r = reader(request);
    const [name, facets, list] = await Promise.all([
      councilName(),
      r.facets(),
      r.list({}, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    ]);
    if (page > 1 && list.items.length === 0) throw notFound('page', String(page));
    return sendHtml(reply, renderRecordIndex({ facets, list, page, councilName: name }));
  });

  // One handler for every facet page: the listing decides the filter and the heading.
  const listing = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: number,
    resolve: (facets: Awaited<ReturnType<PublicRecordReader['facets']>>) => Listing | null,
  ) => {
    const r = reader(request);
    const [name, facets] = await Promise.all([councilName(), r.facets()]);
    const chosen = resolve(facets);
    if (!chosen) throw notFound('index', request.url.split('?')[0] ?? '');
    const filter =
      chosen.by === 'year'
        ? { year: chosen.year }
        : chosen.by === 'month'
          ? { year: chosen.year, month: chosen.month }
          : chosen.by === 'kind'
            ? { kind: chosen.slug }
            : chosen.by === 'speaker'
              ? { speaker: chosen.slug }
              : { language: chosen.code };
    const list = await r.list(filter, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    if (list.total === 0 || (page > 1 && list.items.length === 0))
      throw notFound('index', request.url.split('?')[0] ?? '');
    return sendHtml(reply, renderListingPage({ listing: chosen, list, page, facets, councilName: name }));
  };

  app.get(
    '/record/:year(^\\d{4}$)',
    { schema: { ...hidden, params: yearParams, querystring: pageQuery } },
    async (request, reply) => {
      const { year } = request.params;
      return listing(request, reply, request.query.page, () => ({ by: 'year', year }));
    },
  );
  app.get(
    '/record/:year(^\\d{4}$)/:month(^\\d{2}$)',
    { schema: { ...hidden, params: monthParams, querystring: pageQuery } },
    async (request, reply) => {
      const { year, month } = request.params;
      return listing(request, reply, request.query.page, () =>
        month >= 1 && month <= 12 ? { by: 'month', year, month } : null,
      );
    },
  );
  app.get(
    '/record/kind/:kind',
    { schema: { ...hidden, params: segmentParams('kind'), querystring: pageQuery } },
    async (request, reply) => {
      const { kind } = request.params;
      return listing(request, reply, request.query.page, (f) => {
        const facet = SEGMENT.test(kind) ? f.kinds.find((k) => k.slug === kind) : undefined;
        return facet ? { by: 'kind', slug: facet.slug, label: facet.label } : null;
      });
    },
  );
  app.get(
    '/record/speaker/:speaker',
    { schema: { ...hidden, params: segmentParams('speaker'), querystring: pageQuery } },
    async (request, reply) => {
      const { speaker } = request.params;
      return listing(request, reply, request.query.page, (f) => {
        const facet = SEGMENT.test(speaker) ? f.speakers.find((s) => s.slug === speaker) : undefined;
        return facet ? { by: 'speaker', slug: facet.slug, label: facet.label } : null;
      });
    },
  );
  app.get(
    '/record/language/:language',
    { schema: { ...hidden, params: segmentParams('language'), querystring: pageQuery } },
    async (request, reply) => {
      const { language } = request.params;
      return listing(request, reply, request.query.page, (f) => {
        const facet = f.languages.find((l) => l.slug === language);
        return facet ? { by: 'language', code: facet.slug, label: languageName(facet.slug) } : null;
      });
    },
  );

  app.get('/record/:slug', { schema: { ...hidden, params: segmentParams('slug') } }, async (request, reply) => {
    const { slug } = request.params;
    const [name, found] = await Promise.all([
      councilName(),
      SEGMENT.test(slug) ? reader(request).findBySlug(slug) : null,
    ]);
    if (!found) throw notFound('item', slug);
    const { item, versions } = found;
    return sendHtml(
      reply,
      renderItemPage({
        item,
        versions,
        kindSlug: kindSlug(item.kind),
        speakerSlug: item.speaker ? speakerSlug(item.speaker) : null,
        councilName: name,
        publicUrl: config.publicUrl,
      }),
    );
  });

  // The search page validates by hand, so that a bad query is explained beside the form (400), not
  // on a bare error page.
  app.get('/search', { schema: hidden }, async (request, reply) => {
    const r = reader(request);
    const raw = request.query as Record<string, unknown>;
    const [name, facets] = await Promise.all([councilName(), r.facets()]);
    const parsed = searchQuery.safeParse({
      ...raw,
      q: typeof raw.q === 'string' ? raw.q : raw.q === undefined ? '' : raw.q,
    });
    const echo: SearchQuery = { q: typeof raw.q === 'string' ? raw.q : '', page: 1 };
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'query'} ${i.message}`).join('; ');
      return sendHtml(
        reply,
        renderSearchPage({
          query: echo,
          results: null,
          error: `The search is not valid: ${message}.`,
          facets,
          councilName: name,
        }),
        400,
      );
    }
    const { q, page, ...filters } = parsed.data;
    const query: SearchQuery = { q, page, ...filters };
    if (q.trim() === '')
      return sendHtml(reply, renderSearchPage({ query, results: null, error: null, facets, councilName: name }));
    try {
      const results = await r.search({ text: q, ...filters, page, pageSize: PAGE_SIZE });
      return sendHtml(reply, renderSearchPage({ query, results, error: null, facets, councilName: name }));
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 400) throw error;
      return sendHtml(
        reply,
        renderSearchPage({ query, results: null, error: error.message, facets, councilName: name }),
        400,
      );
    }
  });

  app.get('/feed.atom', { schema: hidden }, async (request, reply) => {
    const r = reader(request);
    const [name, latest] = await Promise.all([councilName(), r.latest(FEED_SIZE)]);
    const items = (await Promise.all(latest.map((s) => r.findBySlug(s.slug)))).flatMap((found) =>
      found ? [found.item] : [],
    );
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', POLLED)
      .send(renderAtomFeed({ items, councilName: name, publicUrl: config.publicUrl, now: app.deps.now() }));
  });

  app.get('/sitemap.xml', { schema: hidden }, async (request, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', POLLED)
      .send(Readable.from(renderSitemap(config.publicUrl, reader(request).sitemapEntries()))),
  );

  app.get('/robots.txt', { schema: hidden }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', POLLED).send(renderRobots(config.publicUrl)),
  );
};
