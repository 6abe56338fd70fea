// /api/v1/notifications: the signed-in reader's own notifications, newest first, and marking one read.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorName } from '../kernel/access/can.ts';
import type { WriteContext } from '../kernel/audit/audited-write.ts';
import { authorize } from '../http/actor.ts';
import { errorOut } from '../kernel/fields.ts';
import { notificationsOf } from './notifications.repository.ts';
import { presentNotification } from './notifications.presenters.ts';
import * as s from './notifications.schemas.ts';
import { markNotificationRead } from './notifications.service.ts';

const tags = ['notifications'];
const security: Record<string, string[]>[] = [{ sessionCookie: [] }];

/** The reader's user id; `can` refuses anyone but a signed-in account (401 for the public, 403 for the bearer token). */
function recipientOf(request: FastifyRequest, action: 'read' | 'update'): string {
  const userId = request.actor.kind === 'user' ? request.actor.id : '';
  authorize(request, action, { type: 'notification', userId });
  return userId;
}

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.deps;
  const ctx = (request: FastifyRequest): WriteContext => ({
    actor: actorName(request.actor),
    requestId: request.id,
    now: app.deps.now(),
  });

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the number unread',
        security,
        querystring: s.listQuery,
        response: { 200: s.listOut, 400: errorOut, 401: errorOut, 403: errorOut },
      },
    },
    async (request) => {
      const userId = recipientOf(request, 'read');
      const { items, unread } = await notificationsOf(database.db, userId, {
        limit: request.query.limit,
        unreadOnly: request.query.unread === 'true',
      });
      return { unread, items: items.map(presentNotification) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of your notifications read (again: no change)',
        security,
        params: s.idParams,
        response: { 200: s.notificationOut, 404: errorOut },
      },
    },
    async (request) => {
      const userId = recipientOf(request, 'update');
      return presentNotification(await markNotificationRead(database, ctx(request), userId, request.params.id));
    },
  );
};
