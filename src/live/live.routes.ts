// GET /api/v1/live: the signed-in reader's stream of live events (Server-Sent Events). The stream is
// written by the LiveHub of this app server, which asks `can` for every event and every stream.
// The hub is reachable through liveHubOf(app) for the server's shutdown, the benchmark and tests.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LiveHub, type LiveHubOptions } from './live-hub.ts';

const hubs = new WeakMap<object, LiveHub>();

/** The live hub of an app built by buildApp (undefined before the routes are registered). */
export function liveHubOf(app: FastifyInstance): LiveHub | undefined {
  return hubs.get(app.deps);
}

export interface LiveRoutesOptions {
  /** Overrides of the hub's intervals and limits (tests). */
  hub?: Partial<Omit<LiveHubOptions, 'bus' | 'database' | 'logger' | 'now'>>;
}

export const liveRoutes: FastifyPluginAsyncZod<LiveRoutesOptions> = async (app, options) => {
  const { live, database, logger, now } = app.deps;
  const hub = new LiveHub({ bus: live, database, logger, now, ...options.hub });
  hubs.set(app.deps, hub);
  hub.start();
  // Open streams would keep the server from closing: end them first (browsers reconnect elsewhere).
  app.addHook('preClose', async () => hub.stop());

  app.get(
    '/live',
    {
      // Streams are counted per account (LiveHub), so connections are rate-limited per account too,
      // not per address: a whole delegation behind one proxy address must be able to connect.
      // 120 a minute leaves room for EventSource reconnections (every 3 s) of a few tabs.
      config: {
        rateLimit: {
          max: 120,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) =>
            request.actor.kind === 'user' ? `live:${request.actor.id}` : `live-ip:${request.ip}`,
          errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
            new AppError(
              'RATE_LIMITED',
              `Too many live-update connections for your account. Wait ${context.after} and reload.`,
            ),
        },
      },
      schema: {
        tags: ['live'],
        summary: 'Live updates (text/event-stream) about the items you may see',
        description:
          'Server-Sent Events for signed-in accounts (session cookie). Each event is `id: <event id>` and `data: {"id","type","itemId","at","payload"}`; ' +
          'an `event: resync` means events may have been missed (reload what you show); `event: end` with a reason precedes the server closing the stream. ' +
          'Keep-alive comments every 15 s; reconnect with Last-Event-ID to receive what you missed (best effort).',
        security: [{ sessionCookie: [] }],
      },
    },
    async (request, reply) => {
      hub.open(request, reply);
    },
  );
};
