// The error catalog: every error Concord returns has a stable code, an HTTP status and a message that
// says what was wrong and what to do. docs/errors.md documents the same list; a test keeps them in step.

export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid. Correct the fields listed in details and send it again.' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This endpoint accepts application/json only. Set Content-Type: application/json.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is larger than this server accepts. Send a smaller body.' },
  AUTHENTICATION_REQUIRED: { status: 401, message: 'This action needs you to be signed in. Sign in at /sign-in (API: POST /api/v1/session), or send Authorization: Bearer <ADMIN_TOKEN>.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The email address or password is not correct. Check both and try again.' },
  ACCOUNT_LOCKED: { status: 423, message: 'Sign-in to this account is locked for a while after too many wrong passwords. Try again after the time given, or ask an administrator.' },
  CSRF_FAILED: { status: 403, message: 'The request was refused because it did not carry the security token of your session, or came from another site. Reload the page and try again.' },
  SETUP_LINK_INVALID: { status: 400, message: 'This set-password link is not valid: it was already used, has expired, or was replaced by a newer one. Ask an administrator for a new link.' },
  WRITES_DISABLED: { status: 403, message: 'Writes through the API are disabled on this server: no ADMIN_TOKEN is configured.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  SEARCH_INVALID: { status: 400, message: 'The search cannot be run as written. Search for at least one word, in fewer than 500 characters.' },
  NOT_FOUND: { status: 404, message: 'No such item. Check the identifier.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such page or endpoint. The API is described at /api/docs.' },
  ALREADY_EXISTS: { status: 409, message: 'An item with this identifier already exists. Choose another code, or update the existing item.' },
  UNKNOWN_REFERENCE: { status: 422, message: 'The request refers to an item that does not exist. Create it first or correct the reference.' },
  IN_USE: { status: 409, message: 'The item is still referred to by other items. Remove those references first.' },
  INVALID_TRANSITION: { status: 409, message: 'The item cannot move to this status from the one it is in. The message names the allowed next step.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Wait a moment and try again.' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is not reachable right now. Try again shortly.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. Nothing was changed; the request id identifies it in the logs.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** One problem with one input field, for VALIDATION_FAILED and UNKNOWN_REFERENCE. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** An expected, catalogued failure: thrown by services and handlers, rendered by the error handler. */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message ?? errorCatalog[code].message);
    this.status = errorCatalog[code].status;
  }
}

/** Shorthand for a 404 that reads the same whether the item is missing or hidden. */
export function notFound(kind: string, id: string): AppError {
  return new AppError('NOT_FOUND', `No ${kind} "${id}". Check the identifier.`);
}

/** The JSON shape of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId: string };
}
