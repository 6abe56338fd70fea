// /api/v1 routes for the council model. Each handler reads top to bottom: validate (zod schema),
// authorise (`can`), call the service or repository, present.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { abilitiesOn, type Abilities } from '../kernel/access/abilities.ts';
import { actorName, can, type Actor, type Resource } from '../kernel/access/can.ts';
import type { WriteContext } from '../kernel/audit/audited-write.ts';
import { authorize } from '../http/actor.ts';
import { notFound } from '../kernel/errors.ts';
import * as s from './council.schemas.ts';
import * as service from './council.service.ts';
import {
  presentBody,
  presentCouncil,
  presentFormat,
  presentMember,
  presentPerson,
  presentTopic,
} from './council.presenters.ts';
import { bodyResource, visibleBodies, visibleBody } from './council.queries.ts';
import { findCouncil } from './repositories/council.repository.ts';
import { findMember, listMembers } from './repositories/members.repository.ts';
import { findFormat, listFormats } from './repositories/formats.repository.ts';
import { findPerson, listPersons } from './repositories/persons.repository.ts';
import { formatUsage } from './repositories/format-usage.repository.ts';
import { findTopic, listTopics } from './repositories/topics.repository.ts';
import type { Body, Format, Person } from './model.ts';

const errorOut = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});
const listWithAbilities = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), abilities: s.listAbilitiesOut });
const security = [{ adminToken: [] }];

type ReferenceType = 'member' | 'format' | 'person' | 'topic';
/** What a signed-in reader may do with an item of reference data; left out for the public and scripts. */
const abilitiesFor = (actor: Actor, type: ReferenceType): Abilities | undefined =>
  actor.kind === 'user' ? abilitiesOn(actor, { type }) : undefined;
/** A body as the write hook and the list's create ability see it, before it has a format. */
const NEW_BODY: Resource = { type: 'body', formatMembers: [], isPublic: false };
/** Whether a signed-in reader may add to a list; a body not yet made has no format members (as the write hook asks). */
const listAbilitiesFor = (actor: Actor, type: ReferenceType | 'body') =>
  actor.kind === 'user' ? { create: can(actor, 'create', type === 'body' ? NEW_BODY : { type }) } : undefined;
/**
 * A format's usage counts every item in it, whatever the reader may see; so it is for readers who see
 * every item of every format: `can` grants a non-public body of a format with no members to staff alone.
 */
const EVERY_FORMAT: Resource = { type: 'body', formatMembers: [], isPublic: false };

export const councilRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.deps;
  const db = database.db;
  const ctx = (request: FastifyRequest): WriteContext => ({
    actor: actorName(request.actor),
    requestId: request.id,
    now: app.deps.now(),
  });
  // Authorise writes before the body is validated, so a client without rights learns nothing about
  // the payload. Every non-GET route here writes reference data; its type is the URL's resource.
  const TYPES: Record<string, 'council' | 'member' | 'format' | 'person' | 'body' | 'topic'> = {
    council: 'council',
    members: 'member',
    formats: 'format',
    persons: 'person',
    bodies: 'body',
    topics: 'topic',
  };
  const ACTIONS: Record<string, 'create' | 'update' | 'delete'> = {
    POST: 'create',
    PATCH: 'update',
    PUT: 'update',
    DELETE: 'delete',
  };
  app.addHook('preValidation', async (request) => {
    const action = ACTIONS[request.method];
    if (!action) return;
    const type = TYPES[(request.routeOptions.url ?? '').split('/')[3] ?? ''] ?? 'council';
    authorize(request, action, type === 'body' ? NEW_BODY : { type });
  });
  const chairsById = async (): Promise<Map<string, Person>> => new Map((await listPersons(db)).map((p) => [p.id, p]));

  // Council
  app.get(
    '/council',
    { schema: { tags: ['council'], summary: 'The council', response: { 200: s.councilOut, 404: errorOut } } },
    async () => {
      const council = await findCouncil(db);
      if (!council) throw notFound('council', 'council');
      return presentCouncil(council);
    },
  );
  app.patch(
    '/council',
    {
      schema: {
        tags: ['council'],
        summary: 'Change the council',
        security,
        body: s.councilPatch,
        response: { 200: s.councilOut },
      },
    },
    async (request) => {
      return presentCouncil((await service.updateCouncil(database, ctx(request), request.body)).item);
    },
  );

  // Members
  app.get(
    '/members',
    {
      schema: {
        tags: ['members'],
        summary: 'All members in seating order',
        response: { 200: listWithAbilities(s.memberOut) },
      },
    },
    async (request) => {
      const abilities = abilitiesFor(request.actor, 'member');
      return {
        items: (await listMembers(db)).map((m) => presentMember(m, abilities)),
        abilities: listAbilitiesFor(request.actor, 'member'),
      };
    },
  );
  app.get(
    '/members/:code',
    { schema: { tags: ['members'], params: s.memberCodeParams, response: { 200: s.memberOut, 404: errorOut } } },
    async (request) => {
      const member = await findMember(db, request.params.code);
      if (!member) throw notFound('member', request.params.code);
      return presentMember(member, abilitiesFor(request.actor, 'member'));
    },
  );
  app.post(
    '/members',
    { schema: { tags: ['members'], security, body: s.memberCreate, response: { 201: s.memberOut } } },
    async (request, reply) => {
      const { item } = await service.saveMember(database, ctx(request), request.body.code, request.body, 'create');
      return reply.status(201).send(presentMember(item, abilitiesFor(request.actor, 'member')));
    },
  );
  app.patch(
    '/members/:code',
    {
      schema: {
        tags: ['members'],
        security,
        params: s.memberCodeParams,
        body: s.memberPatch,
        response: { 200: s.memberOut },
      },
    },
    async (request) => {
      return presentMember(
        (await service.saveMember(database, ctx(request), request.params.code, request.body, 'update')).item,
        abilitiesFor(request.actor, 'member'),
      );
    },
  );
  app.delete(
    '/members/:code',
    { schema: { tags: ['members'], security, params: s.memberCodeParams } },
    async (request, reply) => {
      await service.deleteMember(database, ctx(request), request.params.code);
      return reply.status(204).send();
    },
  );

  // Formats
  app.get(
    '/formats',
    {
      schema: {
        tags: ['formats'],
        summary: 'Formats: the member sets that meet and decide together',
        response: { 200: listWithAbilities(s.formatOut) },
      },
    },
    async (request) => {
      const abilities = abilitiesFor(request.actor, 'format');
      return {
        items: (await listFormats(db)).map((f) => presentFormat(f, abilities)),
        abilities: listAbilitiesFor(request.actor, 'format'),
      };
    },
  );
  app.get(
    '/formats/:code',
    { schema: { tags: ['formats'], params: s.slugParams, response: { 200: s.formatOut, 404: errorOut } } },
    async (request) => {
      const format = await findFormat(db, request.params.code);
      if (!format) throw notFound('format', request.params.code);
      return presentFormat(format, abilitiesFor(request.actor, 'format'));
    },
  );
  app.get(
    '/formats/:code/usage',
    {
      schema: {
        tags: ['formats'],
        summary: "What a change of the format's members affects (staff)",
        description:
          'Counts of the meetings, projects, events and bodies in the format, and how many are public; texts keep the members of their creation. For readers who see every format (staff).',
        params: s.slugParams,
        response: { 200: s.formatUsageOut, 404: errorOut },
      },
    },
    async (request) => {
      authorize(request, 'read', EVERY_FORMAT);
      if (!(await findFormat(db, request.params.code))) throw notFound('format', request.params.code);
      return { format: request.params.code, ...(await formatUsage(db, request.params.code)) };
    },
  );
  app.post(
    '/formats',
    { schema: { tags: ['formats'], security, body: s.formatCreate, response: { 201: s.formatOut } } },
    async (request, reply) => {
      const { item } = await service.saveFormat(database, ctx(request), request.body.code, request.body, 'create');
      return reply.status(201).send(presentFormat(item, abilitiesFor(request.actor, 'format')));
    },
  );
  app.patch(
    '/formats/:code',
    {
      schema: {
        tags: ['formats'],
        security,
        params: s.slugParams,
        body: s.formatPatch,
        response: { 200: s.formatOut },
      },
    },
    async (request) => {
      return presentFormat(
        (await service.saveFormat(database, ctx(request), request.params.code, request.body, 'update')).item,
        abilitiesFor(request.actor, 'format'),
      );
    },
  );
  app.delete(
    '/formats/:code',
    { schema: { tags: ['formats'], security, params: s.slugParams } },
    async (request, reply) => {
      await service.deleteFormat(database, ctx(request), request.params.code);
      return reply.status(204).send();
    },
  );

  // Persons
  app.get(
    '/persons',
    {
      schema: {
        tags: ['persons'],
        summary: 'Persons and their functions',
        response: { 200: listWithAbilities(s.personOut) },
      },
    },
    async (request) => {
      const abilities = abilitiesFor(request.actor, 'person');
      return {
        items: (await listPersons(db)).map((p) => presentPerson(p, abilities)),
        abilities: listAbilitiesFor(request.actor, 'person'),
      };
    },
  );
  app.get(
    '/persons/:id',
    { schema: { tags: ['persons'], params: s.idParams, response: { 200: s.personOut, 404: errorOut } } },
    async (request) => {
      const person = await findPerson(db, request.params.id);
      if (!person) throw notFound('person', request.params.id);
      return presentPerson(person, abilitiesFor(request.actor, 'person'));
    },
  );
  app.post(
    '/persons',
    { schema: { tags: ['persons'], security, body: s.personCreate, response: { 201: s.personOut } } },
    async (request, reply) => {
      const { item } = await service.savePerson(database, ctx(request), null, request.body, 'create');
      return reply.status(201).send(presentPerson(item, abilitiesFor(request.actor, 'person')));
    },
  );
  app.patch(
    '/persons/:id',
    {
      schema: { tags: ['persons'], security, params: s.idParams, body: s.personPatch, response: { 200: s.personOut } },
    },
    async (request) => {
      return presentPerson(
        (await service.savePerson(database, ctx(request), request.params.id, request.body, 'update')).item,
        abilitiesFor(request.actor, 'person'),
      );
    },
  );
  app.delete(
    '/persons/:id',
    { schema: { tags: ['persons'], security, params: s.idParams } },
    async (request, reply) => {
      await service.deletePerson(database, ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  // Bodies: filtered by `can`; a body the reader may not see answers 404 like a missing one. A signed-in
  // reader's abilities on a body are decided on the body itself: its format's members and its public flag.
  const bodyAbilities = async (actor: Actor, body: Body, formatList?: Format[]): Promise<Abilities | undefined> => {
    if (actor.kind !== 'user') return undefined;
    return abilitiesOn(actor, bodyResource(body, formatList ?? (await listFormats(db))));
  };
  const presentSavedBody = async (request: FastifyRequest, body: Body) =>
    presentBody(
      body,
      body.chairPersonId ? await findPerson(db, body.chairPersonId) : null,
      body.parentCode !== null && (await visibleBody(db, request.actor, body.parentCode)) !== null,
      await bodyAbilities(request.actor, body),
    );
  app.get(
    '/bodies',
    {
      schema: {
        tags: ['bodies'],
        summary: 'The council and its subordinate bodies visible to the reader',
        response: { 200: listWithAbilities(s.bodyOut) },
      },
    },
    async (request) => {
      const [chairs, bodies, formatList] = await Promise.all([
        chairsById(),
        visibleBodies(db, request.actor),
        listFormats(db),
      ]);
      const visible = new Set(bodies.map((b) => b.code));
      const items = await Promise.all(
        bodies.map(async (b) =>
          presentBody(
            b,
            b.chairPersonId ? (chairs.get(b.chairPersonId) ?? null) : null,
            b.parentCode !== null && visible.has(b.parentCode),
            await bodyAbilities(request.actor, b, formatList),
          ),
        ),
      );
      return { items, abilities: listAbilitiesFor(request.actor, 'body') };
    },
  );
  app.get(
    '/bodies/:code',
    { schema: { tags: ['bodies'], params: s.slugParams, response: { 200: s.bodyOut, 404: errorOut } } },
    async (request) => {
      const body = await visibleBody(db, request.actor, request.params.code);
      if (!body) throw notFound('body', request.params.code);
      return presentSavedBody(request, body);
    },
  );
  app.post(
    '/bodies',
    { schema: { tags: ['bodies'], security, body: s.bodyCreate, response: { 201: s.bodyOut } } },
    async (request, reply) => {
      const { item } = await service.saveBody(database, ctx(request), request.body.code, request.body, 'create');
      return reply.status(201).send(await presentSavedBody(request, item));
    },
  );
  app.patch(
    '/bodies/:code',
    { schema: { tags: ['bodies'], security, params: s.slugParams, body: s.bodyPatch, response: { 200: s.bodyOut } } },
    async (request) => {
      const { item } = await service.saveBody(database, ctx(request), request.params.code, request.body, 'update');
      return presentSavedBody(request, item);
    },
  );
  app.delete(
    '/bodies/:code',
    { schema: { tags: ['bodies'], security, params: s.slugParams } },
    async (request, reply) => {
      await service.deleteBody(database, ctx(request), request.params.code);
      return reply.status(204).send();
    },
  );

  // Topics
  app.get(
    '/topics',
    {
      schema: { tags: ['topics'], summary: 'Areas of consultation', response: { 200: listWithAbilities(s.topicOut) } },
    },
    async (request) => {
      const abilities = abilitiesFor(request.actor, 'topic');
      return {
        items: (await listTopics(db)).map((t) => presentTopic(t, abilities)),
        abilities: listAbilitiesFor(request.actor, 'topic'),
      };
    },
  );
  app.get(
    '/topics/:code',
    { schema: { tags: ['topics'], params: s.slugParams, response: { 200: s.topicOut, 404: errorOut } } },
    async (request) => {
      const topic = await findTopic(db, request.params.code);
      if (!topic) throw notFound('topic', request.params.code);
      return presentTopic(topic, abilitiesFor(request.actor, 'topic'));
    },
  );
  app.post(
    '/topics',
    { schema: { tags: ['topics'], security, body: s.topicCreate, response: { 201: s.topicOut } } },
    async (request, reply) => {
      const { item } = await service.saveTopic(database, ctx(request), request.body.code, request.body, 'create');
      return reply.status(201).send(presentTopic(item, abilitiesFor(request.actor, 'topic')));
    },
  );
  app.patch(
    '/topics/:code',
    { schema: { tags: ['topics'], security, params: s.slugParams, body: s.topicPatch, response: { 200: s.topicOut } } },
    async (request) => {
      return presentTopic(
        (await service.saveTopic(database, ctx(request), request.params.code, request.body, 'update')).item,
        abilitiesFor(request.actor, 'topic'),
      );
    },
  );
  app.delete(
    '/topics/:code',
    { schema: { tags: ['topics'], security, params: s.slugParams } },
    async (request, reply) => {
      await service.deleteTopic(database, ctx(request), request.params.code);
      return reply.status(204).send();
    },
  );
};
