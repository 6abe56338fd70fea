// /api/v1/events and /api/v1/event-series. Handlers read top to bottom: authorise (writes, before the
// body is read), validate, call the query or the service, present.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { actorName } from '../kernel/access/can.ts';
import type { WriteContext } from '../kernel/audit/audited-write.ts';
import { loadLookups } from '../council/lookups.ts';
import { codeParams, errorOut, idParams } from '../kernel/fields.ts';
import { notFound } from '../kernel/errors.ts';
import { authorize } from '../http/actor.ts';
import { visibleProjects } from '../work-programme/projects.queries.ts';
import { findSeries, listSeries } from './events.repository.ts';
import { presentEvent, presentEventSummary, presentSeries } from './events.presenters.ts';
import { hiddenSeriesOrdinals } from './series-ordinals.ts';
import { monthBounds, visibleEvent, visibleEvents } from './events.queries.ts';
import * as s from './events.schemas.ts';
import * as service from './events.service.ts';
import type { CalendarEvent } from './model.ts';

// A session (with x-csrf-token) or the admin token, as the OpenAPI document says.
const security: Record<string, string[]>[] = [{ sessionCookie: [] }, { adminToken: [] }];
const tags = ['calendar'];
const ACTIONS: Record<string, 'create' | 'update' | 'delete'> = {
  POST: 'create',
  PATCH: 'update',
  PUT: 'update',
  DELETE: 'delete',
};

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.deps;
  const db = database.db;
  const ctx = (request: FastifyRequest): WriteContext => ({
    actor: actorName(request.actor),
    requestId: request.id,
    now: app.deps.now(),
  });
  app.addHook('preValidation', async (request) => {
    const action = ACTIONS[request.method];
    if (action) authorize(request, action, { type: 'event', formatMembers: [], isPublic: false });
  });
  const seriesByCode = async () => new Map((await listSeries(db)).map((x) => [x.code, x]));
  const present = async (request: FastifyRequest, event: CalendarEvent) => {
    const lookups = await loadLookups(db, request.actor);
    const projects = new Map(
      (await visibleProjects(db, request.actor, lookups)).map((p) => [p.id, { id: p.id, title: p.title }]),
    );
    const hidden = await hiddenSeriesOrdinals(db, request.actor, lookups, [event.series?.code]);
    return presentEvent(event, lookups, await seriesByCode(), projects, hidden);
  };

  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'Events the reader may see, by month or date range (the list view)',
        querystring: s.eventListQuery,
        response: { 200: s.eventListOut, 400: errorOut },
      },
    },
    async (request) => {
      const { limit, offset, month, ...query } = request.query;
      const range = month ? monthBounds(month) : {};
      const lookups = await loadLookups(db, request.actor);
      const all = await visibleEvents(db, request.actor, lookups, { ...query, ...range });
      const series = await seriesByCode();
      const page = all.slice(offset, offset + limit);
      const hidden = await hiddenSeriesOrdinals(
        db,
        request.actor,
        lookups,
        page.map((e) => e.series?.code),
      );
      return {
        total: all.length,
        items: page.map((e) => presentEventSummary(e, lookups, series, hidden)),
      };
    },
  );
  app.get(
    '/events/:id',
    { schema: { tags, summary: 'One event', params: idParams, response: { 200: s.eventOut, 404: errorOut } } },
    async (request) => {
      const event = await visibleEvent(db, request.actor, await loadLookups(db, request.actor), request.params.id);
      if (!event) throw notFound('event', request.params.id);
      return present(request, event);
    },
  );
  app.post(
    '/events',
    { schema: { tags, summary: 'Create an event', security, body: s.eventCreate, response: { 201: s.eventOut } } },
    async (request, reply) => {
      const { item } = await service.saveEvent(database, ctx(request), null, request.body, 'create');
      return reply.status(201).send(await present(request, item));
    },
  );
  app.patch(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Change an event',
        security,
        params: idParams,
        body: s.eventPatch,
        response: { 200: s.eventOut },
      },
    },
    async (request) => {
      return present(
        request,
        (await service.saveEvent(database, ctx(request), request.params.id, request.body, 'update')).item,
      );
    },
  );
  app.delete(
    '/events/:id',
    { schema: { tags, summary: 'Delete an event', security, params: idParams } },
    async (request, reply) => {
      await service.deleteEvent(database, ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  // Series are reference data, like topics; the events listed under one are those the reader may see.
  app.get(
    '/event-series',
    { schema: { tags, summary: 'Series of events', response: { 200: s.seriesListOut } } },
    async () => ({ items: (await listSeries(db)).map(presentSeries) }),
  );
  app.get(
    '/event-series/:code',
    {
      schema: {
        tags,
        summary: 'A series with its events the reader may see',
        params: codeParams,
        response: { 200: s.seriesWithEventsOut, 404: errorOut },
      },
    },
    async (request) => {
      const found = await findSeries(db, request.params.code);
      if (!found) throw notFound('series', request.params.code);
      const lookups = await loadLookups(db, request.actor);
      const events = await visibleEvents(db, request.actor, lookups, { series: found.code });
      const series = new Map([[found.code, found]]);
      const hidden = await hiddenSeriesOrdinals(db, request.actor, lookups, [found.code]);
      return {
        ...presentSeries(found),
        events: events
          .sort((a, b) => (a.series?.ordinal ?? 0) - (b.series?.ordinal ?? 0))
          .map((e) => presentEventSummary(e, lookups, series, hidden)),
      };
    },
  );
  app.post(
    '/event-series',
    { schema: { tags, summary: 'Create a series', security, body: s.seriesCreate, response: { 201: s.seriesOut } } },
    async (request, reply) => {
      const { item } = await service.saveSeries(database, ctx(request), request.body.code, request.body, 'create');
      return reply.status(201).send(presentSeries(item));
    },
  );
  app.patch(
    '/event-series/:code',
    {
      schema: {
        tags,
        summary: 'Change a series',
        security,
        params: codeParams,
        body: s.seriesPatch,
        response: { 200: s.seriesOut },
      },
    },
    async (request) => {
      return presentSeries(
        (await service.saveSeries(database, ctx(request), request.params.code, request.body, 'update')).item,
      );
    },
  );
};
