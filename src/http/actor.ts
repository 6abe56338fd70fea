// Who is asking. A request is the public, a signed-in user (the session cookie, see accounts/sessions.ts),
// or a script presenting ADMIN_TOKEN as a bearer token. The bearer wins when both are present: it is
// never added by a browser on its own, so it needs no CSRF token.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Action, type Actor, type Resource } from '../kernel/access/can.ts';
import {
  actorOfSession,
  clearSessionCookie,
  SESSION_COOKIE,
  sessionOfRequest,
  type SessionDeps,
} from '../accounts/sessions.ts';
import { AppError } from '../kernel/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The actor of an Authorization header: the admin token, or a 401 for any other credential. */
export function bearerActor(authorization: string, adminToken: string | null): Actor {
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!match || !adminToken || !sameSecret(match[1]!, adminToken)) {
    throw new AppError(
      'AUTHENTICATION_REQUIRED',
      'The bearer token is not valid. Send Authorization: Bearer <ADMIN_TOKEN>, sign in instead, or send no Authorization header to read as the public.',
    );
  }
  return { kind: 'admin-token' };
}

/**
 * Resolves the actor of a request (onRequest): bearer token, else session cookie, else the public.
 * Sets request.session; a cookie naming no live session (expired, signed out) is cleared and the
 * request is treated as the public's.
 */
export async function resolveActor(request: FastifyRequest, reply: FastifyReply, deps: SessionDeps): Promise<Actor> {
  request.session = null;
  const authorization = request.headers.authorization;
  if (authorization) return bearerActor(authorization, deps.config.adminToken);
  const session = await sessionOfRequest(request, deps);
  if (!session) {
    if (request.cookies[SESSION_COOKIE] !== undefined) clearSessionCookie(request, reply, deps.config);
    return { kind: 'public' };
  }
  request.session = session;
  return actorOfSession(session);
}

/**
 * Throws the right catalogued error unless the request's actor may do `action` on `resource`: 401 for
 * the public (signing in may help), 403 for anyone else.
 */
export function authorize(request: FastifyRequest, action: Action, resource: Resource): void {
  if (can(request.actor, action, resource)) return;
  if (request.actor.kind === 'public') throw new AppError('AUTHENTICATION_REQUIRED');
  throw new AppError('FORBIDDEN');
}
