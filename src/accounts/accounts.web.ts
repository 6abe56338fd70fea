// The pages of signing in (/sign-in, /sign-out, /set-password) and the hooks that tie accounts into
// every request: the CSRF check (preValidation) and the masthead's account line (onSend). Forms post
// application/x-www-form-urlencoded, parsed here only: the JSON API does not accept forms.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findCouncil } from '../council/repositories/council.repository.ts';
import { AppError } from '../kernel/errors.ts';
import { ACCOUNT_SLOT } from '../web/html.ts';
import { signInRateLimit, withRetryAfter } from './accounts.routes.ts';
import {
  renderAccountLine,
  renderLinkInvalidPage,
  renderSetPasswordPage,
  renderSignInPage,
  type FormProblem,
} from './accounts.pages.ts';
import { accountForSetupToken, setPasswordWithToken } from './accounts.service.ts';
import { checkFormToken, enforceCsrf, formCsrfKey, issueFormToken } from './csrf.ts';
import { passwordProblem } from './passwords.ts';
import { clearSessionCookie, setSessionCookie } from './sessions.ts';
import { signIn, signOut } from './sign-in.service.ts';
import { demoAccountEmails } from './users.repository.ts';

const HTML = 'text/html; charset=utf-8';
// Forms and queries are parsed leniently (a browser may add fields; a link may repeat or overrun one): a
// field that is missing, repeated or too long reads as empty, and what matters is checked field by field
// below. A page never fails on a malformed link: an unusable `next` leads to the workspace, an unusable
// token to the page saying the link is not valid.
const text = (max: number) => z.string().max(max).optional().default('').catch('');
const signInForm = z.object({ email: text(254), password: text(1024), next: text(500), csrf: text(200) });
const setPasswordForm = z.object({ token: text(200), password: text(1024), confirm: text(1024), csrf: text(200) });
const tokenQuery = z.object({ token: text(200) });
const signInQuery = z.object({ next: text(500), notice: text(40) });

const NOTICES: Record<string, string> = {
  'signed-out': 'You have signed out.',
  'password-set': 'Your password is set. Sign in with it.',
};

/** Where signing in leads when no (valid) page was asked for: the workspace, where signed-in users work. */
export const WORKSPACE_HOME = '/app/';

/**
 * A local path to return to after sign-in; anything else (none, another site, "//host", a backslash, a
 * space or control character) becomes the workspace. Characters outside printable ASCII are
 * percent-encoded, so the result is always a valid Location header.
 */
export function safeNext(next: string): string {
  if (!/^\/(?![/\\])/.test(next) || /[\s\p{Cc}\\]/u.test(next)) return WORKSPACE_HOME;
  try {
    return next.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
  } catch {
    return WORKSPACE_HOME; // a lone surrogate cannot be encoded
  }
}

/** Installs the request-wide hooks of accounts on the root app: CSRF check and masthead account line. */
export function installAccountHooks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => enforceCsrf(request, app.deps.config));
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    // What a signed-in user is shown is theirs alone: no shared cache may keep it.
    if (request.session && (type.startsWith('text/html') || type.startsWith('application/json')))
      reply.header('cache-control', 'private, no-store');
    if (typeof payload !== 'string' || !type.startsWith('text/html') || !payload.includes(ACCOUNT_SLOT)) return payload;
    const viewer = request.session ? { name: request.session.user.name, csrfToken: request.session.csrfToken } : null;
    const line = renderAccountLine(viewer, request.method === 'GET' ? request.url : '/').toString();
    // A function, not a string: a replacement string would read `$&` or `` $` `` in a name as patterns.
    return payload.replace(ACCOUNT_SLOT, () => line);
  });
}

export const accountPages: FastifyPluginAsync = async (app) => {
  const { database, config } = app.deps;
  const db = database.db;
  const hidden = { hide: true };
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const councilName = async () => (await findCouncil(db))?.name;

  const signInPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    fields: { email: string; next: string; problem?: FormProblem | null; notice?: string | null },
  ) => {
    const csrf = issueFormToken(request, reply, config, await formCsrfKey(database));
    const name = await councilName();
    const page = renderSignInPage({
      ...fields,
      csrf,
      demoEmails: await demoAccountEmails(db),
      ...(name ? { councilName: name } : {}),
    });
    return reply.status(status).type(HTML).header('cache-control', 'no-store').send(page);
  };

  app.get('/sign-in', { schema: hidden }, async (request, reply) => {
    const query = signInQuery.parse(request.query);
    const next = safeNext(query.next);
    if (request.session) return reply.redirect(next, 303);
    return signInPage(request, reply, 200, { email: '', next, notice: NOTICES[query.notice] ?? null });
  });

  app.post(
    '/sign-in',
    { schema: hidden, config: { csrf: 'own', rateLimit: signInRateLimit(config.loginRateLimit) } },
    async (request, reply) => {
      const form = signInForm.safeParse(request.body ?? {});
      const data = form.success ? form.data : { email: '', password: '', next: '/', csrf: '' };
      const next = safeNext(data.next);
      const email = data.email.trim().toLowerCase();
      try {
        checkFormToken(request, await formCsrfKey(database));
      } catch (error) {
        return signInPage(request, reply, 403, { email, next, problem: { message: (error as Error).message } });
      }
      if (!email)
        return signInPage(request, reply, 400, {
          email,
          next,
          problem: { field: 'email', message: 'Enter your email address.' },
        });
      if (!data.password)
        return signInPage(request, reply, 400, {
          email,
          next,
          problem: { field: 'password', message: 'Enter your password.' },
        });
      const now = app.deps.now();
      try {
        const created = await withRetryAfter(reply, () =>
          signIn(database, config, app.deps.loginThrottle, {
            email,
            password: data.password,
            ip: request.ip,
            requestId: request.id,
            now,
            previousSessionId: request.session?.id ?? null,
          }),
        );
        setSessionCookie(request, reply, config, created.token);
        return reply.redirect(next, 303);
      } catch (error) {
        if (error instanceof AppError && (error.code === 'INVALID_CREDENTIALS' || error.code === 'RATE_LIMITED')) {
          return signInPage(request, reply, error.status, { email, next, problem: { message: error.message } });
        }
        throw error;
      }
    },
  );

  // The CSRF hook has checked the session's token in the form's hidden field.
  app.post('/sign-out', { schema: hidden }, async (request, reply) => {
    if (request.session) {
      await signOut(
        database,
        { actor: `user:${request.session.user.id}`, requestId: request.id, now: app.deps.now() },
        { id: request.session.id, userId: request.session.user.id },
      );
    }
    clearSessionCookie(request, reply, config);
    return reply.redirect('/sign-in?notice=signed-out', 303);
  });

  const setPasswordPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    token: string,
    problem: FormProblem | null,
  ) => {
    const user = token ? await accountForSetupToken(database, token, app.deps.now()) : null;
    const name = await councilName();
    if (!user)
      return reply
        .status(400)
        .type(HTML)
        .header('cache-control', 'no-store')
        .send(renderLinkInvalidPage(new AppError('SETUP_LINK_INVALID').message, name));
    const csrf = issueFormToken(request, reply, config, await formCsrfKey(database));
    const page = renderSetPasswordPage({
      token,
      name: user.name,
      email: user.email,
      csrf,
      problem,
      ...(name ? { councilName: name } : {}),
    });
    return reply.status(status).type(HTML).header('cache-control', 'no-store').send(page);
  };

  app.get('/set-password', { schema: hidden }, async (request, reply) =>
    setPasswordPage(request, reply, 200, tokenQuery.parse(request.query).token, null),
  );

  app.post(
    '/set-password',
    { schema: hidden, config: { csrf: 'own', rateLimit: signInRateLimit(config.loginRateLimit) } },
    async (request, reply) => {
      const form = setPasswordForm.safeParse(request.body ?? {});
      const data = form.success ? form.data : { token: '', password: '', confirm: '', csrf: '' };
      try {
        checkFormToken(request, await formCsrfKey(database));
      } catch (error) {
        return setPasswordPage(request, reply, 403, data.token, { message: (error as Error).message });
      }
      const problem = passwordProblem(data.password);
      if (problem)
        return setPasswordPage(request, reply, 400, data.token, {
          field: 'password',
          message: `The new password ${problem}.`,
        });
      if (data.confirm !== data.password)
        return setPasswordPage(request, reply, 400, data.token, {
          field: 'confirm',
          message: 'The two passwords are not the same. Type the new password twice.',
        });
      try {
        await setPasswordWithToken(database, { requestId: request.id, now: app.deps.now() }, data.token, data.password);
      } catch (error) {
        if (error instanceof AppError && error.code === 'SETUP_LINK_INVALID')
          return setPasswordPage(request, reply, 400, '', null);
        throw error;
      }
      return reply.redirect('/sign-in?notice=password-set', 303);
    },
  );
};
