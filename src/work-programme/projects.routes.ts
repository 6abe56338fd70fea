// /api/v1/projects and the record of achievements per body and per topic. Handlers read top to
// bottom: authorise (writes, before the body is read), validate, call, present.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { actorName } from '../kernel/access/can.ts';
import type { WriteContext } from '../kernel/audit/audited-write.ts';
import { findTopic } from '../council/repositories/topics.repository.ts';
import { loadLookups } from '../council/lookups.ts';
import { codeParams, errorOut, idParams } from '../kernel/fields.ts';
import { notFound } from '../kernel/errors.ts';
import { authorize } from '../http/actor.ts';
import type { Project } from './model.ts';
import { presentAchievement, presentProject, presentProjectSummary } from './projects.presenters.ts';
import { achievements, visibleProject, visibleProjects } from './projects.queries.ts';
import * as s from './projects.schemas.ts';
import * as service from './projects.service.ts';

// A session (with x-csrf-token) or the admin token, as the OpenAPI document says.
const security: Record<string, string[]>[] = [{ sessionCookie: [] }, { adminToken: [] }];
const tags = ['work programme'];
const ACTIONS: Record<string, 'create' | 'update' | 'delete'> = {
  POST: 'create',
  PATCH: 'update',
  PUT: 'update',
  DELETE: 'delete',
};

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.deps;
  const db = database.db;
  const ctx = (request: FastifyRequest): WriteContext => ({
    actor: actorName(request.actor),
    requestId: request.id,
    now: app.deps.now(),
  });
  app.addHook('preValidation', async (request) => {
    const action = ACTIONS[request.method];
    if (action) authorize(request, action, { type: 'project', formatMembers: [], isPublic: false });
  });
  const present = async (request: FastifyRequest, project: Project) =>
    presentProject(project, await loadLookups(db, request.actor));
  const reload = async (request: FastifyRequest, id: string) => {
    const project = await visibleProject(db, request.actor, await loadLookups(db, request.actor), id);
    if (!project) throw notFound('project', id);
    return present(request, project);
  };

  app.get(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Projects of the work programme the reader may see',
        querystring: s.projectListQuery,
        response: { 200: s.projectListOut, 400: errorOut },
      },
    },
    async (request) => {
      const { limit, offset, ...query } = request.query;
      const lookups = await loadLookups(db, request.actor);
      const all = await visibleProjects(db, request.actor, lookups, query);
      return {
        total: all.length,
        items: all.slice(offset, offset + limit).map((p) => presentProjectSummary(p, lookups)),
      };
    },
  );
  app.get(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'One project with its deliverables and progress reports',
        params: idParams,
        response: { 200: s.projectOut, 404: errorOut },
      },
    },
    async (request) => reload(request, request.params.id),
  );
  app.post(
    '/projects',
    { schema: { tags, summary: 'Create a project', security, body: s.projectCreate, response: { 201: s.projectOut } } },
    async (request, reply) => {
      const { item } = await service.saveProject(database, ctx(request), null, request.body, 'create');
      return reply.status(201).send(await present(request, item));
    },
  );
  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Change a project',
        security,
        params: idParams,
        body: s.projectPatch,
        response: { 200: s.projectOut },
      },
    },
    async (request) => {
      return present(
        request,
        (await service.saveProject(database, ctx(request), request.params.id, request.body, 'update')).item,
      );
    },
  );
  app.delete(
    '/projects/:id',
    { schema: { tags, summary: 'Delete a project', security, params: idParams } },
    async (request, reply) => {
      await service.deleteProject(database, ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/projects/:id/deliverables',
    {
      schema: {
        tags,
        summary: 'Add a milestone or deliverable',
        security,
        params: idParams,
        body: s.deliverableCreate,
        response: { 201: s.projectOut },
      },
    },
    async (request, reply) => {
      await service.saveDeliverable(database, ctx(request), request.params.id, null, request.body, 'create');
      return reply.status(201).send(await reload(request, request.params.id));
    },
  );
  app.patch(
    '/projects/:id/deliverables/:deliverableId',
    {
      schema: {
        tags,
        summary: 'Change a milestone or deliverable (status, result, dates)',
        security,
        params: s.deliverableParams,
        body: s.deliverablePatch,
        response: { 200: s.projectOut },
      },
    },
    async (request) => {
      await service.saveDeliverable(
        database,
        ctx(request),
        request.params.id,
        request.params.deliverableId,
        request.body,
        'update',
      );
      return reload(request, request.params.id);
    },
  );
  app.delete(
    '/projects/:id/deliverables/:deliverableId',
    { schema: { tags, summary: 'Remove a milestone or deliverable', security, params: s.deliverableParams } },
    async (request, reply) => {
      await service.removeDeliverable(database, ctx(request), request.params.id, request.params.deliverableId);
      return reply.status(204).send();
    },
  );
  app.post(
    '/projects/:id/progress-reports',
    {
      schema: {
        tags,
        summary: 'File a progress report',
        security,
        params: idParams,
        body: s.progressReportCreate,
        response: { 201: s.projectOut },
      },
    },
    async (request, reply) => {
      await service.addProgressReport(database, ctx(request), request.params.id, request.body);
      return reply.status(201).send(await reload(request, request.params.id));
    },
  );

  // The record of achievements: what the visible projects of a body, or on a topic, delivered or agreed.
  app.get(
    '/bodies/:code/achievements',
    {
      schema: {
        tags,
        summary: "The record of a body's achievements",
        params: codeParams,
        response: { 200: s.achievementsOut, 404: errorOut },
      },
    },
    async (request) => {
      const lookups = await loadLookups(db, request.actor);
      const body = lookups.visibleBodies.get(request.params.code);
      if (!body) throw notFound('body', request.params.code);
      const items = achievements(await visibleProjects(db, request.actor, lookups, { body: body.code }));
      return {
        subject: { code: body.code, name: body.name },
        total: items.length,
        items: items.map((a) => presentAchievement(a, lookups)),
      };
    },
  );
  app.get(
    '/topics/:code/achievements',
    {
      schema: {
        tags,
        summary: 'The record of achievements on a topic',
        params: codeParams,
        response: { 200: s.achievementsOut, 404: errorOut },
      },
    },
    async (request) => {
      const topic = await findTopic(db, request.params.code);
      if (!topic) throw notFound('topic', request.params.code);
      const lookups = await loadLookups(db, request.actor);
      const items = achievements(await visibleProjects(db, request.actor, lookups, { topic: topic.code }));
      return {
        subject: { code: topic.code, name: topic.name },
        total: items.length,
        items: items.map((a) => presentAchievement(a, lookups)),
      };
    },
  );
};
