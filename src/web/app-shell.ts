// Serves the workspace app (React, built by Vite from app/ into dist/app) under /app/.
// Built files under /app/assets/ carry a content hash in their name: cached for a year. Every other path
// under /app/ is a client route and gets index.html (never cached, so a new build is picked up at once).
// Access is not decided here: the app shell holds no data; every datum comes from /api/v1, where `can`
// decides. A visitor without a session is sent to the sign-in page by the app itself.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { html, layout } from './html.ts';

export const APP_DIST = fileURLToPath(new URL('../../dist/app/', import.meta.url));

function notBuiltPage(): string {
  return layout({
    title: 'The workspace is not built',
    description: 'The workspace app has not been built on this server.',
    body: html`<h1>The workspace is not built</h1>
<p class="lede">This server has no build of the workspace app. Run <code>npm run build</code> (or start the server with <code>npm start</code>, which builds it), then reload this page.</p>
<p><a href="/">Go to the public record</a></p>`,
  });
}

export const appShell: FastifyPluginAsync<{ dist?: string }> = async (app, options) => {
  const dist = options.dist ?? APP_DIST;
  const indexPath = `${dist}index.html`;
  // The shell is kept in memory and read again when the file changes (a rebuild names new assets), so a
  // running server follows `npm run build` without a restart; one stat per shell request.
  let shell: { text: string; mtimeMs: number } | null = null;
  const loadShell = (): string | null => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(indexPath).mtimeMs;
    } catch {
      return (shell = null);
    }
    if (!shell || shell.mtimeMs !== mtimeMs) shell = { text: readFileSync(indexPath, 'utf8'), mtimeMs };
    return shell.text;
  };

  if (existsSync(`${dist}assets`)) {
    await app.register(fastifyStatic, {
      root: `${dist}assets`,
      prefix: '/app/assets/',
      decorateReply: false,
      index: false,
      immutable: true,
      maxAge: '365d',
    });
  }

  const sendShell = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    const page = loadShell();
    reply.header('cache-control', 'no-cache');
    if (!page) return reply.status(503).type('text/html; charset=utf-8').send(notBuiltPage());
    return reply.type('text/html; charset=utf-8').send(page);
  };
  // (the router ignores trailing slashes: this also answers /app)
  app.get('/app/', { schema: { hide: true } }, sendShell);
  app.get('/app/*', { schema: { hide: true } }, async (request, reply) => {
    // A missing asset is a 404, not the shell: a stale tab asking for an old chunk must fail visibly.
    if (request.url.startsWith('/app/assets/')) return reply.callNotFound();
    return sendShell(request, reply);
  });
};
