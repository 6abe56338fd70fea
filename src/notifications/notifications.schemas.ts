// zod: the notifications API's inputs (strict) and outputs (explicit, → OpenAPI).
import { z } from 'zod';
import { EMAIL_STATUSES, NOTIFICATION_KINDS } from './model.ts';

export const listQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50),
  unread: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
});

export const idParams = z.strictObject({ id: z.string().uuid('must be the id (UUID) of a notification') });

export const notificationOut = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  subject: z.string(),
  body: z.string(),
  link: z.string(),
  itemId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  email: z.enum(EMAIL_STATUSES),
});

export const listOut = z.object({ unread: z.number().int(), items: z.array(notificationOut) });
