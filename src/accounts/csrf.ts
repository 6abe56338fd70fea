// Cross-site request forgery. A request authenticated by the session cookie (which the browser adds
// on its own) must prove it comes from our pages: every POST, PUT, PATCH and DELETE carries the
// session's token in the header x-csrf-token (API) or the hidden form field `csrf` (pages). Before
// there is a session, the sign-in and set-password forms use a signed double-submit token: a random
// value signed with a server key, in an HttpOnly cookie and in the form, which must agree. Besides,
// a request whose Origin names another site is refused outright. Bearer-token requests are exempt:
// a browser never adds an Authorization header by itself.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../kernel/config.ts';
import type { Database } from '../kernel/db/connect.ts';
import { AppError } from '../kernel/errors.ts';
import { cookieOptions } from './sessions.ts';
import { isSignedToken, newSignedToken, sameSecret } from './tokens.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'own': the route protects itself (signed form token, or a secret in the body) instead of the session token. */
    csrf?: 'own';
  }
}

export const FORM_CSRF_COOKIE = 'concord_form_csrf';
const FORM_PURPOSE = 'pre-session-form';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const refused = (why: string) =>
  new AppError('CSRF_FAILED', `The request was refused: ${why} Nothing was changed. Reload the page and try again.`);

function sameSite(request: FastifyRequest, origin: string, publicUrl: string): boolean {
  try {
    const from = new URL(origin);
    return from.host === request.host || from.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

/** Refuses a state-changing request that names another site as its Origin (or says it is cross-site). */
export function checkOrigin(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin;
  // "null" hides the origin (privacy settings, sandboxed frames): then Sec-Fetch-Site must vouch for it.
  if (origin === 'null') {
    if (request.headers['sec-fetch-site'] !== 'same-origin')
      throw refused('it came from a page that hides its origin, and the browser did not say it was this site.');
    return;
  }
  if (origin !== undefined) {
    if (!sameSite(request, origin, publicUrl)) throw refused(`it came from another site (${origin}).`);
    return;
  }
  // Browsers that send no Origin still say where a request came from in Sec-Fetch-Site.
  if (request.headers['sec-fetch-site'] === 'cross-site') throw refused('it came from another site.');
}

function formField(request: FastifyRequest, name: string): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const value = body && typeof body === 'object' ? body[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The preValidation check of every request (see the file comment). */
export function enforceCsrf(request: FastifyRequest, config: Config): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.actor.kind === 'admin-token') return;
  checkOrigin(request, config.publicUrl);
  if (!request.session || request.routeOptions.config?.csrf === 'own') return;
  const header = request.headers['x-csrf-token'];
  const given = typeof header === 'string' ? header : formField(request, 'csrf');
  if (given === undefined)
    throw refused(
      'it was made with your session cookie but without the security token of the session (header x-csrf-token; GET /api/v1/session returns it).',
    );
  if (!sameSecret(given, request.session.csrfToken))
    throw refused('the security token (x-csrf-token) does not belong to your session.');
}

const keys = new WeakMap<Database, Promise<string>>();

/** The installation's key for signing pre-session form tokens (created by migration 0003). */
export function formCsrfKey(database: Database): Promise<string> {
  let key = keys.get(database);
  if (!key) {
    key = database.db
      .selectFrom('secrets')
      .select('value')
      .where('name', '=', 'form-csrf-key')
      .executeTakeFirstOrThrow()
      .then((r) => r.value);
    keys.set(database, key);
  }
  return key;
}

/** The form token for a pre-session form: the browser's valid cookie value, or a new one (cookie set). */
export function issueFormToken(request: FastifyRequest, reply: FastifyReply, config: Config, key: string): string {
  const existing = request.cookies[FORM_CSRF_COOKIE];
  if (existing && isSignedToken(key, FORM_PURPOSE, existing)) return existing;
  const token = newSignedToken(key, FORM_PURPOSE);
  reply.setCookie(FORM_CSRF_COOKIE, token, cookieOptions(request, config));
  return token;
}

/** Throws CSRF_FAILED unless the form's `csrf` field equals the cookie and carries our signature. */
export function checkFormToken(request: FastifyRequest, key: string): void {
  const cookie = request.cookies[FORM_CSRF_COOKIE];
  const field = formField(request, 'csrf');
  if (!cookie || !field || !sameSecret(cookie, field) || !isSignedToken(key, FORM_PURPOSE, field)) {
    throw refused('the form had expired or was not sent from this site.');
  }
}
