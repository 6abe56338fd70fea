// The app factory: builds a Fastify instance with all plugins and routes, without listening, so
// tests drive it through `inject()` or a real socket alike (Fastify's testing guide).
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './kernel/config.ts';
import type { Database } from './kernel/db/connect.ts';
import { ping } from './kernel/db/connect.ts';
import type { Logger } from './kernel/logger.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { resolveActor } from './http/actor.ts';
import { installInputGuard } from './http/input-guard.ts';
import { councilRoutes } from './council/council.routes.ts';
import { meetingRoutes } from './meetings/meetings.routes.ts';
import { projectRoutes } from './work-programme/projects.routes.ts';
import { eventRoutes } from './calendar/events.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { feedRoutes } from './calendar/feeds/feeds.routes.ts';
import { calendarPages } from './web/workspace/calendar.web.ts';
import { accountRoutes } from './accounts/accounts.routes.ts';
import { accountPages, installAccountHooks } from './accounts/accounts.web.ts';
import { LoginThrottle } from './accounts/login-throttle.ts';
import { webRoutes } from './web/web.routes.ts';
import { publicRoutes } from './web/public/public.routes.ts';
import { publicRecordRoutes } from './public-record/public-record.routes.ts';
import { textRoutes } from './texts/texts.routes.ts';
import { workspaceSearchRoutes } from './search/search.routes.ts';
import type { TextChangeHooks } from './texts/text-change.ts';
import { standardTextHooks } from './text-hooks.ts';
import { InProcessLiveBus, type LiveBus } from './live/live-bus.ts';
import { liveRoutes } from './live/live.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { appShell } from './web/app-shell.ts';
import { useCouncilMessages } from './kernel/fields.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  logger: Logger;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Hooks of the texts service: live updates after commit, the notification outbox inside it (texts/text-change.ts). */
  textHooks?: TextChangeHooks;
  /** The live-event bus (server.ts: LISTEN/NOTIFY on PostgreSQL); in-process when not given. */
  live?: LiveBus;
  /** The counts of failed sign-ins per address and client (accounts/login-throttle.ts); one per app when not given. */
  loginThrottle?: LoginThrottle;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Required<AppDeps>;
  }
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the HTTP application; call `listen` on the result to serve it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  useCouncilMessages();
  const logger: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    // X-Forwarded-* (client address, https) are believed only from proxies named by TRUST_PROXY.
    // (a number is a hop count: Fastify honours it, its types do not list it).
    trustProxy: typeof deps.config.trustProxy === 'number' ? trustHops(deps.config.trustProxy) : deps.config.trustProxy,
    // Public-record slugs run past Fastify's default of 100 characters (date, kind, speaker, suffix).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const live = deps.live ?? new InProcessLiveBus();
  // Text changes reach the outbox (in their transaction) and the live bus (after commit) unless a test
  // passes its own hooks.
  const loginThrottle = deps.loginThrottle ?? new LoginThrottle(deps.config.loginLockoutMinutes * 60_000);
  app.decorate('deps', {
    now: () => new Date(),
    ...deps,
    live,
    loginThrottle,
    textHooks: deps.textHooks ?? standardTextHooks(live),
  });
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  installErrorHandling(app);

  // Cookies are parsed (in the plugin's own onRequest hook) before the actor is resolved from them.
  await app.register(cookie);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    request.actor = await resolveActor(request, reply, app.deps);
  });
  installInputGuard(app);
  installAccountHooks(app);

  await app.register(helmet, {
    // same-origin rather than helmet's no-referrer: under no-referrer browsers send `Origin: null` with
    // our own form posts, which the CSRF origin check could not tell from a forged one. Other sites
    // still get no referrer (the set-password page's URL holds its token).
    referrerPolicy: { policy: 'same-origin' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Sent only over HTTPS (below): on plain HTTP it would send browsers to an https:// that may
        // not exist, and a server on HOST=0.0.0.0 over http would lose its CSS and JS.
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  // HSTS and upgrade-insecure-requests only on requests that came over HTTPS: directly, or through a
  // proxy trusted by TRUST_PROXY (request.protocol believes X-Forwarded-Proto only then).
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.protocol !== 'https') return payload;
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests'))
      reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
    return payload;
  });
  await app.register(rateLimit, { max: 600, timeWindow: '1 minute' });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        version: '1',
        description:
          'The secretariat system of a multilateral council. Errors follow docs/errors.md: `{ "error": { "code", "message", "details"?, "requestId" } }`.',
      },
      components: {
        securitySchemes: {
          adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN of the server (scripts)' },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'concord_session',
            description: 'Set by POST /api/v1/session; writes also need the x-csrf-token header',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    const database = await ping(deps.database);
    return reply
      .status(database ? 200 : 503)
      .send({ status: database ? 'ok' : 'degraded', database: database ? 'ok' : 'unreachable' });
  });

  await app.register(councilRoutes, { prefix: '/api/v1' });
  await app.register(meetingRoutes, { prefix: '/api/v1' });
  await app.register(projectRoutes, { prefix: '/api/v1' });
  await app.register(eventRoutes, { prefix: '/api/v1' });
  await app.register(calendarRoutes, { prefix: '/api/v1' });
  await app.register(feedRoutes);
  await app.register(calendarPages);
  await app.register(accountRoutes, { prefix: '/api/v1' });
  await app.register(accountPages);
  await app.register(publicRecordRoutes, { prefix: '/api/v1' });
  await app.register(textRoutes, { prefix: '/api/v1', hooks: app.deps.textHooks });
  await app.register(liveRoutes, { prefix: '/api/v1' });
  await app.register(notificationRoutes, { prefix: '/api/v1' });
  await app.register(workspaceSearchRoutes, { prefix: '/api/v1' });
  await app.register(webRoutes);
  await app.register(publicRoutes);
  await app.register(appShell);
  return app;
}
