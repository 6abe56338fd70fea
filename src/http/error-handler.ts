// Turns every failure into the catalogued JSON shape (or an HTML page for browsers), so a client
// always learns what was wrong and what to do, and an unexpected error never leaks internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorCatalog, type ErrorBody, type ErrorCode, type ErrorDetail } from '../kernel/errors.ts';
import { isDatabaseTimeout } from '../kernel/db/connect.ts';
import { renderErrorPage } from '../web/error-page.ts';

// Fastify's own error codes for bad requests, mapped to ours.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

// Connection failures (node, PostgreSQL class 08 and shutdown 57P0x) and SQLite's busy timeout: the
// request did nothing and may be retried, so they are a 503, not a 500.
const DATABASE_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '08000',
  '08001',
  '08003',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  'SQLITE_BUSY',
]);

/** The Retry-After of a 503 DATABASE_UNAVAILABLE, in seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

function validationDetails(error: FastifyError): ErrorDetail[] {
  const context = (error as FastifyError & { validationContext?: string }).validationContext;
  return (error.validation ?? []).flatMap((issue) => {
    const base = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean);
    const path = base.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
    const keys = (issue.params as { keys?: string[] } | undefined)?.keys;
    if (issue.keyword === 'unrecognized_keys' && keys) {
      return keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'is not a known field; remove it' }));
    }
    return [{ path: path || context || 'body', message: issue.message ?? 'is not valid' }];
  });
}

/** Classifies any thrown value as a catalogued error. Unknown errors become INTERNAL. */
export function toAppError(error: unknown): { appError: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { appError: error, unexpected: false };
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const details = validationDetails(fastifyError);
    const summary = details.map((d) => `${d.path} ${d.message}`).join('; ');
    return {
      appError: new AppError('VALIDATION_FAILED', `The request is not valid: ${summary}.`, details),
      unexpected: false,
    };
  }
  if ((fastifyError?.code && DATABASE_DOWN_CODES.has(fastifyError.code)) || isDatabaseTimeout(error))
    return { appError: new AppError('DATABASE_UNAVAILABLE'), unexpected: false };
  // A safety net: services check references and name them, but should a foreign key still refuse a
  // delete, the client hears IN_USE (and nothing was changed), never a 500.
  if (fastifyError?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || fastifyError?.code === '23503') {
    return {
      appError: new AppError(
        'IN_USE',
        'The item is still referred to by other items, so nothing was changed. Remove those references first.',
      ),
      unexpected: false,
    };
  }
  const mapped = fastifyError?.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return { appError: new AppError(mapped), unexpected: false };
  if (fastifyError?.statusCode === 429) return { appError: new AppError('RATE_LIMITED'), unexpected: false };
  if (fastifyError?.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return {
      appError: new AppError('VALIDATION_FAILED', `The request is not valid: ${fastifyError.message}.`),
      unexpected: false,
    };
  }
  return { appError: new AppError('INTERNAL'), unexpected: true };
}

function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
}

/** Sends one error response in the catalogued shape. */
export function sendError(request: FastifyRequest, reply: FastifyReply, appError: AppError): FastifyReply {
  reply.status(appError.status);
  // The database is back within seconds or not soon: either way a client should not retry at once.
  if (appError.code === 'DATABASE_UNAVAILABLE' && !reply.hasHeader('retry-after'))
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(renderErrorPage(appError));
  const body: ErrorBody = { error: { code: appError.code, message: appError.message, requestId: request.id } };
  if (appError.details.length > 0) body.error.details = appError.details;
  return reply.type('application/json; charset=utf-8').send(body);
}

/** Installs the error and not-found handlers on the app. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { appError, unexpected } = toAppError(error);
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    else if (appError.status >= 500) request.log.error({ code: appError.code }, appError.message);
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => {
    const appError = new AppError(
      'ROUTE_NOT_FOUND',
      `No such page or endpoint: ${request.method} ${request.url.split('?')[0]}. The API is described at /api/docs.`,
    );
    return sendError(request, reply, appError);
  });
}

export { errorCatalog };
