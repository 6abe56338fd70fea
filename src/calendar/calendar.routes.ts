// /api/v1/calendar (month and agenda views, the feeds on offer, personal feed tokens) and
// /api/v1/dashboard (counts and what comes next). Everything is read through the `can`-filtered
// queries: a reader's counts never include what they may not see.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorName } from '../kernel/access/can.ts';
import { loadLookups, type Lookups } from '../council/lookups.ts';
import { visibleMeetings } from '../meetings/meetings.queries.ts';
import { errorOut, idParams, isoDate, slug, text } from '../kernel/fields.ts';
import { authorize } from '../http/actor.ts';
import { achievements, visibleProjects } from '../work-programme/projects.queries.ts';
import { visibleEntries } from './calendar.queries.ts';
import { agendaView, monthView } from './calendar-views.ts';
import { presentEntry, entryOut } from './calendar.presenters.ts';
import { addDays } from './event-dates.ts';
import { visibleEvents } from './events.queries.ts';
import { createFeedToken, listFeedTokens, requireOwner, revokeFeedToken } from './feeds/feed-tokens.ts';

const tags = ['calendar'];
const security: Record<string, string[]>[] = [{ sessionCookie: [] }, { adminToken: [] }];
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month in the form YYYY-MM');
const filters = { body: slug.optional(), topic: slug.optional() };
const monthOut = z.object({
  month: z.string(),
  weeks: z.array(
    z.object({ days: z.array(z.object({ date: z.string(), inMonth: z.boolean(), entries: z.array(entryOut) })) }),
  ),
  imprecise: z.array(entryOut).describe('Entries of the month dated only to part of a month, a month or a year'),
});
const n = z.number().int();
const tokenOut = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

const count = (items: readonly { status: string }[], status: string) => items.filter((i) => i.status === status).length;

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const base = app.deps.config.publicUrl.replace(/\/+$/, '');
  const today = () => app.deps.now().toISOString().slice(0, 10);
  const entries = (l: Lookups, items: Parameters<typeof presentEntry>[0][]) => items.map((e) => presentEntry(e, l));

  app.get(
    '/calendar/month',
    {
      schema: {
        tags,
        summary: 'The month view: meetings and events the reader may see, by day',
        querystring: z.object({ month, ...filters }),
        response: { 200: monthOut, 400: errorOut },
      },
    },
    async (request) => {
      const { month: wanted, ...filter } = request.query;
      const lookups = await loadLookups(db, request.actor);
      // The grid shows up to six days of the neighbouring months.
      const all = await visibleEntries(db, request.actor, lookups, {
        ...filter,
        from: addDays(`${wanted}-01`, -7),
        to: addDays(`${wanted}-28`, 14),
      });
      const view = monthView(all, wanted);
      return {
        month: view.month,
        weeks: view.weeks.map((w) => ({
          days: w.days.map((d) => ({ date: d.date, inMonth: d.inMonth, entries: entries(lookups, d.entries) })),
        })),
        imprecise: entries(lookups, view.imprecise),
      };
    },
  );

  app.get(
    '/calendar/agenda',
    {
      schema: {
        tags,
        summary: 'The agenda view: what overlaps from..to (default: the next 90 days), in date order',
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional(), ...filters }),
        response: {
          200: z.object({ from: z.string(), to: z.string(), total: z.number().int(), entries: z.array(entryOut) }),
          400: errorOut,
        },
      },
    },
    async (request) => {
      const from = request.query.from ?? today();
      const to = request.query.to ?? addDays(from, 90);
      const lookups = await loadLookups(db, request.actor);
      const list = agendaView(
        await visibleEntries(db, request.actor, lookups, {
          from,
          to,
          body: request.query.body,
          topic: request.query.topic,
        }),
        from,
        to,
      );
      return { from, to, total: list.length, entries: entries(lookups, list) };
    },
  );

  app.get(
    '/calendar/feeds',
    {
      schema: {
        tags,
        summary: 'The public iCalendar feeds on offer (whole calendar, per public body, per topic)',
        response: {
          200: z.object({
            calendar: z.string(),
            bodies: z.array(z.object({ code: z.string(), name: z.string(), url: z.string() })),
            topics: z.array(z.object({ code: z.string(), name: z.string(), url: z.string() })),
          }),
        },
      },
    },
    async () => {
      const lookups = await loadLookups(db, { kind: 'public' });
      return {
        calendar: `${base}/calendar.ics`,
        bodies: [...lookups.visibleBodies.values()].map((b) => ({
          code: b.code,
          name: b.name,
          url: `${base}/calendar/bodies/${b.code}.ics`,
        })),
        topics: [...lookups.topics.values()].map((t) => ({
          code: t.code,
          name: t.name,
          url: `${base}/calendar/topics/${t.code}.ics`,
        })),
      };
    },
  );

  app.get(
    '/dashboard',
    {
      schema: {
        tags,
        summary: "The reader's overview: counts of what they may see and what comes next",
        querystring: z.object({ on: isoDate.optional().describe('The day to look ahead from (default: today)') }),
        response: {
          200: z.object({
            on: z.string(),
            meetings: z.object({ total: n, planned: n, held: n, record_approved: n }),
            projects: z.object({ total: n, planned: n, active: n, completed: n, suspended: n, achievements: n }),
            events: z.object({ total: n, planned: n, ongoing: n, held: n, cancelled: n }),
            upcoming: z.array(entryOut),
            recent: z.array(entryOut).meta({
              description:
                'When nothing is coming up: the three latest meetings and events before that day, latest first',
            }),
          }),
          400: errorOut,
        },
      },
    },
    async (request) => {
      const on = request.query.on ?? today();
      const lookups = await loadLookups(db, request.actor);
      const [meetings, projects, events, coming] = await Promise.all([
        visibleMeetings(db, request.actor, lookups),
        visibleProjects(db, request.actor, lookups),
        visibleEvents(db, request.actor, lookups),
        visibleEntries(db, request.actor, lookups, { from: on }),
      ]);
      // A quiet calendar (or a council whose record lies in the past, like the demo's 2002) still shows
      // where things stand: the latest entries before the day, so the card is never a dead end.
      const recent =
        coming.length > 0
          ? []
          : (await visibleEntries(db, request.actor, lookups, { to: addDays(on, -1) })).slice(-3).reverse();
      return {
        on,
        meetings: {
          total: meetings.length,
          planned: count(meetings, 'planned'),
          held: count(meetings, 'held'),
          record_approved: count(meetings, 'record_approved'),
        },
        projects: {
          total: projects.length,
          planned: count(projects, 'planned'),
          active: count(projects, 'active'),
          completed: count(projects, 'completed'),
          suspended: count(projects, 'suspended'),
          achievements: achievements(projects).length,
        },
        events: {
          total: events.length,
          planned: count(events, 'planned'),
          ongoing: count(events, 'ongoing'),
          held: count(events, 'held'),
          cancelled: count(events, 'cancelled'),
        },
        upcoming: entries(lookups, coming.slice(0, 10)),
        recent: entries(lookups, recent),
      };
    },
  );

  // Personal feed tokens: any signed-in reader manages their own.
  const feedUrl = (token: string) => `${base}/calendar/feeds/${token}.ics`;
  const ownerOf = (request: FastifyRequest) => {
    authorize(request, 'create', { type: 'calendar-feed-token' });
    return requireOwner(request.actor);
  };
  const ctx = (request: FastifyRequest) => ({
    actor: actorName(request.actor),
    requestId: request.id,
    now: app.deps.now(),
  });
  app.get(
    '/calendar/feed-tokens',
    {
      schema: {
        tags,
        summary: 'My personal feed tokens (never the secrets)',
        security,
        response: { 200: z.object({ items: z.array(tokenOut) }), 401: errorOut },
      },
    },
    async (request) => ({
      items: await listFeedTokens(db, ownerOf(request)),
    }),
  );
  app.post(
    '/calendar/feed-tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal secret feed URL; the token is shown only in this answer',
        security,
        body: z.object({ label: text(100).default('My calendar') }).strict(),
        response: { 201: tokenOut.extend({ token: z.string(), url: z.string() }), 401: errorOut },
      },
      preValidation: async (request) => void ownerOf(request),
    },
    async (request, reply) => {
      const created = await createFeedToken(app.deps.database, ctx(request), ownerOf(request), request.body.label);
      return reply.status(201).send({ ...created, url: feedUrl(created.token) });
    },
  );
  app.delete(
    '/calendar/feed-tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of my feed tokens: its URL stops working at once',
        security,
        params: idParams,
      },
      preValidation: async (request) => void ownerOf(request),
    },
    async (request, reply) => {
      await revokeFeedToken(app.deps.database, ctx(request), ownerOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
