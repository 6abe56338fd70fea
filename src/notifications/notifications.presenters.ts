// The API shape of a notification, field by field (the delivery bookkeeping stays inside).
import type { z } from 'zod';
import type { Notification } from './model.ts';
import type { notificationOut } from './notifications.schemas.ts';

export function presentNotification(n: Notification): z.infer<typeof notificationOut> {
  return {
    id: n.id,
    kind: n.kind,
    subject: n.subject,
    body: n.body,
    link: n.link,
    itemId: n.itemId,
    createdAt: n.createdAt,
    readAt: n.readAt,
    email: n.emailStatus,
  };
}
