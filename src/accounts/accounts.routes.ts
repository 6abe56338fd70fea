// /api/v1 routes of accounts and sessions. Each handler reads top to bottom: validate (zod schema),
// authorise (`can`), call the service, present. Sign-in and password-setup are rate-limited per address.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorName, can } from '../kernel/access/can.ts';
import type { WriteContext } from '../kernel/audit/audited-write.ts';
import { authorize } from '../http/actor.ts';
import { AppError, notFound } from '../kernel/errors.ts';
import * as s from './accounts.schemas.ts';
import * as service from './accounts.service.ts';
import { presentSession, presentUser } from './accounts.presenters.ts';
import { verifyPassword } from './passwords.ts';
import { findLiveSession } from './sessions.repository.ts';
import { clearSessionCookie, setSessionCookie } from './sessions.ts';
import { recordWrongPassword, signIn, signInThrottled, signOut } from './sign-in.service.ts';
import { sha256Hex } from './tokens.ts';
import { findUser, listUsers } from './users.repository.ts';

const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const security: { [scheme: string]: string[] }[] = [{ sessionCookie: [] }, { adminToken: [] }];

/** Sets Retry-After on a throttled sign-in before the error goes on to the error handler. */
export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const seconds = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (seconds !== undefined) reply.header('retry-after', String(seconds));
    throw error;
  }
}

/** The per-address limit of sign-in attempts, as @fastify/rate-limit route options. */
export const signInRateLimit = (max: number) => ({
  max,
  timeWindow: 60_000,
  errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
    new AppError('RATE_LIMITED', `Too many sign-in attempts from your address. Wait ${context.after} and try again.`),
});

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.deps;
  const db = database.db;
  const ctx = (request: FastifyRequest): WriteContext => ({
    actor: actorName(request.actor),
    requestId: request.id,
    now: app.deps.now(),
  });
  const limited = { csrf: 'own' as const, rateLimit: signInRateLimit(config.loginRateLimit) };

  // Session
  app.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in: the user, roles, member and clearance, and the CSRF token',
        response: { 200: s.sessionOut },
      },
    },
    async (request) => {
      return presentSession(
        request.actor.kind === 'user' ? 'user' : request.actor.kind === 'admin-token' ? 'admin-token' : 'public',
        request.session,
      );
    },
  );
  app.post(
    '/session',
    {
      config: limited,
      schema: {
        tags: ['session'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: s.signInBody,
        response: { 200: s.sessionOut },
      },
    },
    async (request, reply) => {
      const now = app.deps.now();
      const created = await withRetryAfter(reply, () =>
        signIn(database, config, app.deps.loginThrottle, {
          ...request.body,
          ip: request.ip,
          requestId: request.id,
          now,
          previousSessionId: request.session?.id ?? null,
        }),
      );
      setSessionCookie(request, reply, config, created.token);
      return presentSession('user', await findLiveSession(db, sha256Hex(created.token), now.toISOString()));
    },
  );
  app.delete(
    '/session',
    { schema: { tags: ['session'], summary: 'Sign out: ends the session and clears the cookie', security } },
    async (request, reply) => {
      if (request.session)
        await signOut(database, ctx(request), { id: request.session.id, userId: request.session.user.id });
      clearSessionCookie(request, reply, config);
      return reply.status(204).send();
    },
  );
  app.post(
    '/session/password',
    {
      schema: {
        tags: ['session'],
        summary: 'Change your password (current and new); ends your other sessions',
        security,
        body: s.changePasswordBody,
      },
    },
    async (request, reply) => {
      const session = request.session;
      if (!session)
        throw new AppError(
          request.actor.kind === 'public' ? 'AUTHENTICATION_REQUIRED' : 'FORBIDDEN',
          'Only a signed-in user changes their own password.',
        );
      authorize(request, 'update', { type: 'account', userId: session.user.id, part: 'password' });
      const user = await findUser(db, session.user.id);
      if (!user?.passwordHash) throw notFound('account', session.user.id);
      const now = app.deps.now();
      const throttle = app.deps.loginThrottle;
      const wait = throttle.waitMs(user.email, request.ip, now);
      if (wait > 0) {
        const error = signInThrottled(wait);
        reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        await recordWrongPassword(database, ctx(request), user, request.ip, 'password-change');
        throttle.fail(user.email, request.ip, now);
        throw new AppError(
          'VALIDATION_FAILED',
          'The request is not valid: currentPassword is not your current password.',
          [{ path: 'currentPassword', message: 'is not your current password' }],
        );
      }
      if (request.body.newPassword === request.body.currentPassword) {
        throw new AppError(
          'VALIDATION_FAILED',
          'The request is not valid: newPassword must differ from the current password.',
          [{ path: 'newPassword', message: 'must differ from the current password' }],
        );
      }
      await service.storeChangedPassword(database, ctx(request), user.id, session.id, request.body.newPassword);
      return reply.status(204).send();
    },
  );
  app.post(
    '/password-setup',
    {
      config: limited,
      schema: {
        tags: ['session'],
        summary: 'Set the first password with the token of a one-time link',
        body: s.passwordSetupBody,
      },
    },
    async (request, reply) => {
      await service.setPasswordWithToken(
        database,
        { requestId: request.id, now: app.deps.now() },
        request.body.token,
        request.body.password,
      );
      return reply.status(204).send();
    },
  );

  // Users (accounts)
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'All accounts (admins and the secretariat)',
        security,
        response: { 200: listOf(s.userOut) },
      },
    },
    async (request) => {
      authorize(request, 'read', { type: 'account', userId: null, part: 'profile' });
      return { items: (await listUsers(db)).map((u) => presentUser(u, request.actor)) };
    },
  );
  app.get(
    '/users/:id',
    { schema: { tags: ['users'], security, params: s.userIdParams, response: { 200: s.userOut } } },
    async (request) => {
      const { id } = request.params;
      if (request.actor.kind === 'public') throw new AppError('AUTHENTICATION_REQUIRED');
      // An account the reader may not see answers exactly like a missing one.
      const user = await findUser(db, id);
      if (!user || !can(request.actor, 'read', { type: 'account', userId: id, part: 'profile' }))
        throw notFound('account', id);
      return presentUser(user, request.actor);
    },
  );
  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account (admins); returns a one-time set-password link, valid 72 hours',
        security,
        body: s.userCreate,
        response: { 201: s.userCreatedOut },
      },
    },
    async (request, reply) => {
      authorize(request, 'create', { type: 'account', userId: null, part: 'profile' });
      const { member, ...rest } = request.body;
      const { user, link } = await service.createAccount(
        database,
        ctx(request),
        { ...rest, memberCode: member, disabled: false },
        config.publicUrl,
      );
      return reply
        .status(201)
        .send({ user: presentUser(user, request.actor), setupUrl: link.url, setupExpiresAt: link.expiresAt });
    },
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change an account (admins); disabling it ends its sessions',
        security,
        params: s.userIdParams,
        body: s.userPatch,
        response: { 200: s.userOut },
      },
    },
    async (request) => {
      authorize(request, 'update', { type: 'account', userId: request.params.id, part: 'profile' });
      const { member, ...rest } = request.body;
      return presentUser(
        await service.updateAccount(database, ctx(request), request.params.id, {
          ...rest,
          ...(member !== undefined ? { memberCode: member } : {}),
        }),
        request.actor,
      );
    },
  );
  app.post(
    '/users/:id/setup-link',
    {
      schema: {
        tags: ['users'],
        summary: 'Issue a new one-time set-password link (admins); older unused links stop working',
        security,
        params: s.userIdParams,
        response: { 201: s.setupLinkOut },
      },
    },
    async (request, reply) => {
      authorize(request, 'update', { type: 'account', userId: request.params.id, part: 'profile' });
      const link = await service.issueSetupLink(database, ctx(request), request.params.id, config.publicUrl);
      return reply.status(201).send({ setupUrl: link.url, setupExpiresAt: link.expiresAt });
    },
  );
};
