// iCalendar feeds: /calendar.ics (public items), /calendar/bodies/:code.ics and /calendar/topics/:code.ics
// (public items of a public body or on a topic), and /calendar/feeds/:token.ics (what the token's owner
// may see). Every feed reads through visibleEntries, the same `can`-filtered path as the API.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../kernel/access/can.ts';
import { findCouncil } from '../../council/repositories/council.repository.ts';
import { findTopic } from '../../council/repositories/topics.repository.ts';
import { loadLookups, type Lookups } from '../../council/lookups.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { visibleEntries, type EntryQuery } from '../calendar.queries.ts';
import { feedEvent } from '../ical/calendar-feed.ts';
import { renderIcs } from '../ical/ical-writer.ts';
import { feedOwnerActor, ownerOfToken } from './feed-tokens.ts';

const PUBLIC: Actor = { kind: 'public' };
const codeParams = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a code such as "nrc"')
    .max(60),
});
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a feed token') });

export const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const schema = { hide: true } as const;
  const councilName = async () => (await findCouncil(db))?.shortName ?? 'Concord';

  async function send(
    reply: FastifyReply,
    actor: Actor,
    lookups: Lookups,
    query: EntryQuery,
    name: string,
    description: string,
    personal: boolean,
  ) {
    const entries = await visibleEntries(db, actor, lookups, query);
    const names = {
      body: (code: string) => lookups.visibleBodies.get(code)?.name ?? null,
      topic: (code: string) => lookups.topics.get(code)?.name ?? code,
    };
    const text = renderIcs({ name, description, events: entries.map((e) => feedEvent(e, names)) });
    // A personal feed is its owner's alone: no shared cache may keep it, no search engine index it.
    reply.header('cache-control', personal ? 'private, no-store' : 'public, max-age=300');
    if (personal) reply.header('x-robots-tag', 'noindex');
    return reply.type('text/calendar; charset=utf-8').send(text);
  }

  app.get('/calendar.ics', { schema }, async (_request, reply) => {
    const council = await councilName();
    return send(
      reply,
      PUBLIC,
      await loadLookups(db, PUBLIC),
      { publicOnly: true },
      `${council}: calendar`,
      `Public meetings and events of the ${council}`,
      false,
    );
  });

  app.get('/calendar/bodies/:code.ics', { schema: { ...schema, params: codeParams } }, async (request, reply) => {
    const lookups = await loadLookups(db, PUBLIC);
    const body = lookups.visibleBodies.get(request.params.code);
    if (!body) throw notFound('body', request.params.code);
    return send(
      reply,
      PUBLIC,
      lookups,
      { body: body.code, publicOnly: true },
      `${body.name}: calendar`,
      `Public meetings and events of the ${body.name}`,
      false,
    );
  });

  app.get('/calendar/topics/:code.ics', { schema: { ...schema, params: codeParams } }, async (request, reply) => {
    const topic = await findTopic(db, request.params.code);
    if (!topic) throw notFound('topic', request.params.code);
    const council = await councilName();
    return send(
      reply,
      PUBLIC,
      await loadLookups(db, PUBLIC),
      { topic: topic.code, publicOnly: true },
      `${council}: ${topic.name}`,
      `Public meetings and events on ${topic.name}`,
      false,
    );
  });

  // Unknown, revoked and orphaned tokens all answer the same 404: a guess learns nothing.
  app.get('/calendar/feeds/:token.ics', { schema: { ...schema, params: tokenParams } }, async (request, reply) => {
    const owner = await ownerOfToken(db, request.params.token);
    const actor = owner ? await feedOwnerActor(db, owner, app.deps.config.adminToken !== null) : null;
    if (!actor)
      throw new AppError(
        'NOT_FOUND',
        'No such calendar feed: it may have been revoked. Create a new one at /api/v1/calendar/feed-tokens.',
      );
    const council = await councilName();
    return send(
      reply,
      actor,
      await loadLookups(db, actor),
      {},
      `${council}: my calendar`,
      `Meetings and events of the ${council} that this feed's owner may see`,
      true,
    );
  });
};
