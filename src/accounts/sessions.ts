// Sessions in the browser: the HttpOnly cookie `concord_session` carries a random token; the database
// keeps only its SHA-256. A request's session is resolved once, in onRequest, and becomes its actor.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { userActor, type Actor } from '../kernel/access/can.ts';
import type { Config } from '../kernel/config.ts';
import type { Database } from '../kernel/db/connect.ts';
import { sessionExpiry } from './login-policy.ts';
import { findLiveSession, touchSession, type SessionWithUser } from './sessions.repository.ts';
import { sha256Hex } from './tokens.ts';

export const SESSION_COOKIE = 'concord_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The live session that authenticated this request (cookie), or null. */
    session: SessionWithUser | null;
  }
}

export interface SessionDeps {
  config: Config;
  database: Database;
  now: () => Date;
}

// A session's idle deadline moves forward at most once a minute, so reading pages does not turn every
// request into a write.
const TOUCH_INTERVAL_MS = 60_000;

/** Cookie attributes: HttpOnly, SameSite=Lax, Path=/, and Secure over https or when configured. */
export function cookieOptions(request: FastifyRequest, config: Config, maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: request.protocol === 'https' || config.secureCookies,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** Sets the session cookie; it lives no longer than the session's absolute limit. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, config, config.sessionMaxHours * 3600));
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, config));
}

/** The live session named by the request's cookie (its idle deadline moved forward), or null. */
export async function sessionOfRequest(request: FastifyRequest, deps: SessionDeps): Promise<SessionWithUser | null> {
  const token = request.cookies[SESSION_COOKIE];
  // Our tokens are 43 characters; anything much longer is not one of ours and is not worth hashing.
  if (!token || token.length > 128) return null;
  const now = deps.now();
  const session = await findLiveSession(deps.database.db, sha256Hex(token), now.toISOString());
  if (!session) return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() >= TOUCH_INTERVAL_MS) {
    const expiresAt = sessionExpiry(
      new Date(session.createdAt),
      now,
      deps.config.sessionIdleMinutes,
      deps.config.sessionMaxHours,
    ).toISOString();
    await touchSession(deps.database.db, session.id, now.toISOString(), expiresAt);
    return { ...session, lastSeenAt: now.toISOString(), expiresAt };
  }
  return session;
}

/** The actor of a signed-in session, as `can` sees it. */
export function actorOfSession(session: SessionWithUser): Actor {
  const { user } = session;
  return userActor(user);
}
