// The app factory: builds a Fastify instance with all plugins and routes, without listening, so
// tests drive it through `inject()` or a real socket alike (Fastify's testing guide).
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import { ping } from '../db/connect.ts';
import type { Logger } from '../logger.ts';
import { installErrorHandling } from './error-handler.ts';
import { resolveActor } from './actor.ts';
import { councilRoutes } from '../../council/council.routes.ts';
import { webRoutes } from '../../web/web.routes.ts';
import { publicRoutes } from '../../web/public/public.routes.ts';
import { publicRecordRoutes } from '../../public-record/public-record.routes.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  logger: Logger;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Required<AppDeps>;
  }
}

/** Builds the HTTP application; call `listen` on the result to serve it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    trustProxy: false,
    // Public-record slugs run past Fastify's default of 100 characters (date, kind, speaker, suffix).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', { now: () => new Date(), ...deps });
  app.decorateRequest('actor', null as never);
  installErrorHandling(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    request.actor = resolveActor(request.headers.authorization, deps.config.adminToken);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(rateLimit, { max: 600, timeWindow: '1 minute' });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        version: '1',
        description: 'The secretariat system of a multilateral council. Errors follow docs/errors.md: `{ "error": { "code", "message", "details"?, "requestId" } }`.',
      },
      components: { securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN of the server (writes only)' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    const database = await ping(deps.database);
    return reply.status(database ? 200 : 503).send({ status: database ? 'ok' : 'degraded', database: database ? 'ok' : 'unreachable' });
  });

  await app.register(councilRoutes, { prefix: '/api/v1' });
  await app.register(publicRecordRoutes, { prefix: '/api/v1' });
  await app.register(webRoutes);
  await app.register(publicRoutes);
  return app;
}
