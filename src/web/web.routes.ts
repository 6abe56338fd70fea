// Server-rendered pages of the council (the public record's pages are in ./public/). They read through the same `can`-filtered queries as the API.
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { visibleBodies } from '../council/council.queries.ts';
import { findCouncil } from '../council/repositories/council.repository.ts';
import { listFormats } from '../council/repositories/formats.repository.ts';
import { listMembers } from '../council/repositories/members.repository.ts';
import { listPersons } from '../council/repositories/persons.repository.ts';
import { listTopics } from '../council/repositories/topics.repository.ts';
import { renderCouncilPage } from './council-page.ts';

const SITE_CSS = readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8');
const FAVICON = readFileSync(new URL('./assets/favicon.svg', import.meta.url), 'utf8');

export const webRoutes: FastifyPluginAsync = async (app) => {
  const db = app.deps.database.db;

  app.get('/assets/site.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS),
  );

  // One icon for every page; browsers that ask for /favicon.ico by habit get the same SVG.
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON),
    );
  }

  // The council overview; the homepage at / is the public record's (web/public/public.routes.ts).
  app.get('/council', { schema: { hide: true } }, async (request, reply) => {
    const [council, members, formats, bodies, persons, topics] = await Promise.all([
      findCouncil(db),
      listMembers(db),
      listFormats(db),
      visibleBodies(db, request.actor),
      listPersons(db),
      listTopics(db),
    ]);
    return reply
      .type('text/html; charset=utf-8')
      .send(renderCouncilPage({ council, members, formats, bodies, persons, topics }));
  });
};
