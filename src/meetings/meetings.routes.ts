// /api/v1/meetings: each handler reads top to bottom — authorise (writes, before the body is read),
// validate (zod), call the query or the service, present.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { actorName } from '../kernel/access/can.ts';
import type { WriteContext } from '../kernel/audit/audited-write.ts';
import { authorize } from '../http/actor.ts';
import { notFound } from '../kernel/errors.ts';
import { loadLookups } from '../council/lookups.ts';
import { presentMeeting, presentMeetingSummary } from './meetings.presenters.ts';
import { visibleMeeting, visibleMeetingsPage } from './meetings.queries.ts';
import * as s from './meetings.schemas.ts';
import * as service from './meetings.service.ts';
import { errorOut, idParams } from '../kernel/fields.ts';
import type { Meeting } from './model.ts';

// A session (with x-csrf-token) or the admin token, as the OpenAPI document says.
const security: Record<string, string[]>[] = [{ sessionCookie: [] }, { adminToken: [] }];
const tags = ['meetings'];
const ACTIONS: Record<string, 'create' | 'update' | 'delete'> = {
  POST: 'create',
  PATCH: 'update',
  PUT: 'update',
  DELETE: 'delete',
};

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.deps;
  const db = database.db;
  const ctx = (request: FastifyRequest): WriteContext => ({
    actor: actorName(request.actor),
    requestId: request.id,
    now: app.deps.now(),
  });
  // Every write here is secretariat work: authorised before validation, so a client without rights
  // learns nothing about the payload or whether the meeting exists.
  app.addHook('preValidation', async (request) => {
    const action = ACTIONS[request.method];
    if (action) authorize(request, action, { type: 'meeting', formatMembers: [], isPublic: false });
  });
  const present = async (request: FastifyRequest, meeting: Meeting) =>
    presentMeeting(meeting, await loadLookups(db, request.actor));

  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings the reader may see, earliest first',
        querystring: s.meetingListQuery,
        response: { 200: s.meetingListOut, 400: errorOut },
      },
    },
    async (request) => {
      const { limit, offset, ...query } = request.query;
      const lookups = await loadLookups(db, request.actor);
      const { total, items } = await visibleMeetingsPage(db, request.actor, lookups, query, { limit, offset });
      return { total, items: items.map((m) => presentMeetingSummary(m, lookups)) };
    },
  );
  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'One meeting with its agenda, participants and outcome',
        params: idParams,
        response: { 200: s.meetingOut, 404: errorOut },
      },
    },
    async (request) => {
      const lookups = await loadLookups(db, request.actor);
      const meeting = await visibleMeeting(db, request.actor, lookups, request.params.id);
      if (!meeting) throw notFound('meeting', request.params.id);
      return presentMeeting(meeting, lookups);
    },
  );
  app.post(
    '/meetings',
    { schema: { tags, summary: 'Create a meeting', security, body: s.meetingCreate, response: { 201: s.meetingOut } } },
    async (request, reply) => {
      const { item } = await service.saveMeeting(database, ctx(request), null, request.body, 'create');
      return reply.status(201).send(await present(request, item));
    },
  );
  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change a meeting',
        security,
        params: idParams,
        body: s.meetingPatch,
        response: { 200: s.meetingOut },
      },
    },
    async (request) => {
      return present(
        request,
        (await service.saveMeeting(database, ctx(request), request.params.id, request.body, 'update')).item,
      );
    },
  );
  app.delete(
    '/meetings/:id',
    { schema: { tags, summary: 'Delete a meeting', security, params: idParams } },
    async (request, reply) => {
      await service.deleteMeeting(database, ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.put(
    '/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Replace the agenda (items grouped by subject area)',
        security,
        params: idParams,
        body: s.agendaPut,
        response: { 200: s.meetingOut },
      },
    },
    async (request) => {
      return present(
        request,
        (await service.setAgenda(database, ctx(request), request.params.id, request.body.items)).item,
      );
    },
  );
  app.put(
    '/meetings/:id/participants',
    {
      schema: {
        tags,
        summary: 'Replace the participants',
        security,
        params: idParams,
        body: s.participantsPut,
        response: { 200: s.meetingOut },
      },
    },
    async (request) => {
      return present(
        request,
        (await service.setParticipants(database, ctx(request), request.params.id, request.body.participants)).item,
      );
    },
  );
  app.put(
    '/meetings/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Record the outcome (summary, decisions)',
        security,
        params: idParams,
        body: s.outcomeIn,
        response: { 200: s.meetingOut },
      },
    },
    async (request) => {
      return present(
        request,
        (await service.recordOutcome(database, ctx(request), request.params.id, request.body)).item,
      );
    },
  );
  app.post(
    '/meetings/:id/status',
    {
      schema: {
        tags,
        summary: 'Move the meeting one step: planned → held → record_approved',
        security,
        params: idParams,
        body: s.statusPost,
        response: { 200: s.meetingOut, 409: errorOut },
      },
    },
    async (request) => {
      return present(
        request,
        (await service.changeStatus(database, ctx(request), request.params.id, request.body.status)).item,
      );
    },
  );
};
