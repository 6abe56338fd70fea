// Who is asking. Until accounts exist (sessions arrive with the workspace), a request is either the
// public or the administrator presenting ADMIN_TOKEN as a bearer token.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { can, type Action, type Actor, type Resource } from '../../access/can.ts';
import { AppError } from '../errors.ts';

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

/** Resolves the actor of a request from its Authorization header. */
export function resolveActor(authorization: string | undefined, adminToken: string | null): Actor {
  if (!authorization) return { kind: 'public' };
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!match || !adminToken || !sameSecret(match[1]!, adminToken)) {
    throw new AppError('AUTHENTICATION_REQUIRED', 'The bearer token is not valid. Send Authorization: Bearer <ADMIN_TOKEN>, or no Authorization header to read as the public.');
  }
  return { kind: 'admin-token' };
}

/** Throws the right catalogued error unless the request's actor may do `action` on `resource`. */
export function authorize(request: FastifyRequest, action: Action, resource: Resource, writesEnabled: boolean): void {
  if (can(request.actor, action, resource)) return;
  if (action !== 'read' && request.actor.kind === 'public') {
    throw new AppError(writesEnabled ? 'AUTHENTICATION_REQUIRED' : 'WRITES_DISABLED');
  }
  throw new AppError('FORBIDDEN');
}
