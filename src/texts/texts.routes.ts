// /api/v1/texts and /api/v1/decisions: each handler reads top to bottom — authorise, validate (zod),
// call the query or the service, present. A text the reader may not see answers 404 on every route,
// exactly like a missing one; procedure refusals answer with their own codes (docs/errors.md).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { AppError, notFound } from '../kernel/errors.ts';
import { authorize } from '../http/actor.ts';
import { loadLookups } from '../council/lookups.ts';
import { errorOut } from '../kernel/fields.ts';
import { releaseDecision } from './decisions.service.ts';
import type { Text } from './model.ts';
import type { TextChangeHooks } from './text-change.ts';
import { diffStats, wordDiff } from './text-diff.ts';
import { readableMeetings } from './linked-meetings.ts';
import { presentDecision, presentText, presentTextSummary, presentVersion } from './texts.presenters.ts';
import {
  peopleOf,
  textDetail,
  visibleDecision,
  visibleDecisions,
  visibleText,
  visibleTextsPage,
} from './texts.queries.ts';
import * as repo from './texts.repository.ts';
import * as s from './texts.schemas.ts';
import * as service from './texts.service.ts';

const security: Record<string, string[]>[] = [{ sessionCookie: [] }, { adminToken: [] }];
const tags = ['texts'];
const errors = { 400: errorOut, 401: errorOut, 403: errorOut, 404: errorOut, 409: errorOut, 422: errorOut };

export interface TextRoutesOptions {
  /** Live updates and the notification outbox (text-change.ts); none by default. */
  hooks?: TextChangeHooks | undefined;
}

export const textRoutes: FastifyPluginAsyncZod<TextRoutesOptions> = async (app, options) => {
  const { database } = app.deps;
  const db = database.db;
  const deps: service.TextServiceDeps = { database, now: () => app.deps.now(), ...options.hooks };
  const caller = (request: FastifyRequest): service.Caller => ({ actor: request.actor, requestId: request.id });
  // Writes need someone signed in (401 for the public, before the body is read); what each may do is
  // then decided on the text itself (404 if unseen, the state machine's codes otherwise).
  app.addHook('preValidation', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.actor.kind === 'public')
      throw new AppError('AUTHENTICATION_REQUIRED');
  });

  const detail = async (request: FastifyRequest, text: Text) => {
    const found = await textDetail(db, request.actor, text);
    return presentText(
      found,
      await loadLookups(db, request.actor),
      request.actor,
      app.deps.now(),
      await readableMeetings(db, request.actor, [
        found.decision?.meetingId,
        ...found.events.map((e) => (e.effect.type === 'adopted' ? e.effect.meetingId : null)),
      ]),
    );
  };
  const mustSee = async (request: FastifyRequest, id: string) => {
    const text = await visibleText(db, request.actor, id);
    if (!text) throw notFound('text', id);
    return text;
  };
  const reread = async (request: FastifyRequest, id: string) => detail(request, await mustSee(request, id));

  app.get(
    '/texts',
    {
      schema: {
        tags,
        summary: 'Draft and adopted texts the reader may see, latest change first',
        querystring: s.textListQuery,
        response: { 200: s.textListOut, 400: errorOut },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const lookups = await loadLookups(db, request.actor);
      const { total, items: page } = await visibleTextsPage(db, request.actor, filter, { limit, offset });
      const refs = await repo.decisionReferencesOf(
        db,
        page.filter((t) => t.state.adoption).map((t) => t.id),
      );
      return { total, items: page.map((t) => presentTextSummary(t, lookups, refs.get(t.id) ?? null)) };
    },
  );
  app.get(
    '/texts/:id',
    {
      schema: {
        tags,
        summary: 'One text: current wording, versions, positions, procedure and its history, your abilities',
        params: s.idParams,
        response: { 200: s.textOut, 404: errorOut },
      },
    },
    async (request) => {
      return reread(request, request.params.id);
    },
  );
  app.post(
    '/texts',
    {
      preValidation: async (request) =>
        authorize(request, 'create', { type: 'text', formatMembers: [], part: 'draft' }),
      schema: {
        tags,
        summary: 'Create a draft text with its version 1 (secretariat, chair)',
        security,
        body: s.textCreate,
        response: { 201: s.textOut, ...errors },
      },
    },
    async (request, reply) => {
      const { text } = await service.createText(deps, caller(request), request.body);
      return reply.status(201).send(await detail(request, text));
    },
  );

  app.get(
    '/texts/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'The wording of one version',
        params: s.versionParams,
        response: { 200: s.versionOut, 404: errorOut },
      },
    },
    async (request) => {
      const text = await mustSee(request, request.params.id);
      const version = await repo.findVersion(db, text.id, request.params.number);
      if (!version) throw notFound('version', `${text.id}/${request.params.number}`);
      return presentVersion(version);
    },
  );
  app.post(
    '/texts/:id/versions',
    {
      schema: {
        tags,
        summary: 'A new numbered version (secretariat, chair; not under silence)',
        security,
        params: s.idParams,
        body: s.versionCreate,
        response: { 201: s.textOut, ...errors },
      },
    },
    async (request, reply) => {
      const { text } = await service.addVersion(deps, caller(request), request.params.id, request.body);
      return reply.status(201).send(await detail(request, text));
    },
  );
  app.get(
    '/texts/:id/diff',
    {
      schema: {
        tags,
        summary: 'Word-level diff between two versions: segments equal | insert | delete',
        params: s.idParams,
        querystring: s.diffQuery,
        response: { 200: s.diffOut, 404: errorOut },
      },
    },
    async (request) => {
      const text = await mustSee(request, request.params.id);
      const [from, to] = await Promise.all([
        repo.findVersion(db, text.id, request.query.from),
        repo.findVersion(db, text.id, request.query.to),
      ]);
      if (!from) throw notFound('version', `${text.id}/${request.query.from}`);
      if (!to) throw notFound('version', `${text.id}/${request.query.to}`);
      const segments = wordDiff(from.body, to.body);
      return { from: from.number, to: to.number, ...diffStats(segments), segments };
    },
  );

  app.get(
    '/texts/:id/language-versions',
    {
      schema: {
        tags,
        summary: 'The other language versions of a text (those the reader may see)',
        params: s.idParams,
        response: { 200: s.languageVersionsOut, 404: errorOut },
      },
    },
    async (request) => {
      const { languageVersions } = await textDetail(db, request.actor, await mustSee(request, request.params.id));
      return { items: languageVersions.map((t) => ({ id: t.id, language: t.language, title: t.title })) };
    },
  );
  app.post(
    '/texts/:id/language-versions',
    {
      schema: {
        tags,
        summary: 'Link another text as a language version of this one',
        security,
        params: s.idParams,
        body: s.languageLink,
        response: { 200: s.languageVersionsOut, ...errors },
      },
    },
    async (request) => {
      await service.linkLanguageVersion(deps, caller(request), request.params.id, request.body.text);
      const { languageVersions } = await textDetail(db, request.actor, await mustSee(request, request.params.id));
      return { items: languageVersions.map((t) => ({ id: t.id, language: t.language, title: t.title })) };
    },
  );

  app.post(
    '/texts/:id/positions',
    {
      schema: {
        tags,
        summary: "Support or comment, for your member (a delegate of a member of the text's format)",
        security,
        params: s.idParams,
        body: s.positionCreate,
        response: { 201: s.textOut, ...errors },
      },
    },
    async (request, reply) => {
      await service.recordPosition(deps, caller(request), request.params.id, request.body);
      return reply.status(201).send(await reread(request, request.params.id));
    },
  );
  app.post(
    '/texts/:id/reservations',
    {
      schema: {
        tags,
        summary: "Place a reservation (the member's head of delegation)",
        security,
        params: s.idParams,
        body: s.reservationCreate,
        response: { 201: s.textOut, ...errors },
      },
    },
    async (request, reply) => {
      const { text } = await service.placeReservation(deps, caller(request), request.params.id, request.body);
      return reply.status(201).send(await detail(request, text));
    },
  );
  app.delete(
    '/texts/:id/reservations/:member',
    {
      schema: {
        tags,
        summary: "Lift a reservation (the member's head of delegation)",
        security,
        params: s.memberParams,
        response: { 200: s.textOut, ...errors },
      },
    },
    async (request) => {
      const { text } = await service.liftReservation(deps, caller(request), request.params.id, request.params.member);
      return detail(request, text);
    },
  );

  app.post(
    '/texts/:id/silence',
    {
      schema: {
        tags,
        summary: 'Put the current version under silence until a local deadline in a time zone (the chair)',
        security,
        params: s.idParams,
        body: s.silenceOpen,
        response: { 200: s.textOut, ...errors },
      },
    },
    async (request) => {
      return detail(request, (await service.openSilence(deps, caller(request), request.params.id, request.body)).text);
    },
  );
  app.post(
    '/texts/:id/silence/extend',
    {
      schema: {
        tags,
        summary: 'Extend the deadline, before it passes (the chair)',
        security,
        params: s.idParams,
        body: s.silenceExtend,
        response: { 200: s.textOut, ...errors },
      },
    },
    async (request) => {
      return detail(
        request,
        (await service.extendDeadline(deps, caller(request), request.params.id, request.body)).text,
      );
    },
  );
  app.post(
    '/texts/:id/silence/break',
    {
      schema: {
        tags,
        summary: 'Break silence with a statement, before the deadline (a head of delegation, for their member)',
        security,
        params: s.idParams,
        body: s.silenceBreak,
        response: { 200: s.textOut, ...errors },
      },
    },
    async (request) => {
      return detail(request, (await service.breakSilence(deps, caller(request), request.params.id, request.body)).text);
    },
  );
  app.post(
    '/texts/:id/agreement',
    {
      schema: {
        tags,
        summary: "Record a version as agreed at a meeting (the chair); the decision joins the meeting's outcome",
        security,
        params: s.idParams,
        body: s.agreementRecord,
        response: { 200: s.textOut, ...errors },
      },
    },
    async (request) => {
      return detail(
        request,
        (await service.recordAgreement(deps, caller(request), request.params.id, request.body)).text,
      );
    },
  );

  const presentOne = async (
    request: FastifyRequest,
    found: { decision: import('./model.ts').Decision; text: Text },
  ) => {
    const [version, positions] = await Promise.all([
      repo.findVersion(db, found.text.id, found.decision.version),
      repo.listPositions(db, found.text.id),
    ]);
    return presentDecision(
      found.decision,
      found.text,
      version?.body ?? '',
      positions,
      await loadLookups(db, request.actor),
      await peopleOf(db, found.text, positions),
      await readableMeetings(db, request.actor, [found.decision.meetingId]),
    );
  };
  app.get(
    '/decisions',
    {
      schema: {
        tags: ['decisions'],
        summary: 'The decision register: adopted texts the reader may see, latest first',
        querystring: s.textListQuery.pick({ limit: true, offset: true }),
        response: { 200: s.decisionListOut },
      },
    },
    async (request) => {
      const all = await visibleDecisions(db, request.actor);
      const page = all.slice(request.query.offset, request.query.offset + request.query.limit);
      const items = [];
      for (const found of page) items.push(await presentOne(request, found));
      return { total: all.length, items };
    },
  );
  app.get(
    '/decisions/:reference',
    {
      schema: {
        tags: ['decisions'],
        summary: 'One decision by reference, e.g. NRC-20-D(2002)0007',
        params: s.referenceParams,
        response: { 200: s.decisionOut, 404: errorOut },
      },
    },
    async (request) => {
      const found = await visibleDecision(db, request.actor, request.params.reference);
      if (!found) throw notFound('decision', request.params.reference);
      return presentOne(request, found);
    },
  );
  app.post(
    '/decisions/:reference/release',
    {
      // Who may release does not depend on the decision: refuse others (401/403) before the body is
      // checked. The service checks again, with the decision's format, inside its transaction.
      preValidation: async (request) =>
        authorize(request, 'update', { type: 'decision', formatMembers: [], part: 'release' }),
      schema: {
        tags: ['decisions'],
        summary: 'Release an adopted statement to the public record (the secretariat; once)',
        security,
        params: s.referenceParams,
        body: s.releaseIn,
        response: { 201: s.releaseOut, ...errors },
      },
    },
    async (request, reply) => {
      const released = await releaseDecision(deps, caller(request), request.params.reference, request.body);
      return reply
        .status(201)
        .send({ reference: released.reference, slug: released.slug, url: `/record/${released.slug}` });
    },
  );
};
