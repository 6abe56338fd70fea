// The error catalog: every error Concord returns has a stable code, an HTTP status and a message that
// says what was wrong and what to do. docs/errors.md documents the same list; a test keeps them in step.

export const errorCatalog = {
  VALIDATION_FAILED: {
    status: 400,
    message: 'The request is not valid. Correct the fields listed in details and send it again.',
  },
  INVALID_JSON: {
    status: 400,
    message: 'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'This endpoint accepts application/json only. Set Content-Type: application/json.',
  },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is larger than this server accepts. Send a smaller body.' },
  AUTHENTICATION_REQUIRED: {
    status: 401,
    message:
      'This action needs you to be signed in. Sign in at /sign-in (API: POST /api/v1/session), or send Authorization: Bearer <ADMIN_TOKEN>.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message: 'The email address or password is not correct. Check both and try again.',
  },
  CSRF_FAILED: {
    status: 403,
    message:
      'The request was refused because it did not carry the security token of your session, or came from another site. Reload the page and try again.',
  },
  SETUP_LINK_INVALID: {
    status: 400,
    message:
      'This set-password link is not valid: it was already used, has expired, or was replaced by a newer one. Ask an administrator for a new link.',
  },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  SEARCH_INVALID: {
    status: 400,
    message: 'The search cannot be run as written. Search for at least one word, in fewer than 500 characters.',
  },
  NOT_FOUND: { status: 404, message: 'No such item. Check the identifier.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such page or endpoint. The API is described at /api/docs.' },
  ALREADY_EXISTS: {
    status: 409,
    message: 'An item with this identifier already exists. Choose another code, or update the existing item.',
  },
  UNKNOWN_REFERENCE: {
    status: 422,
    message: 'The request refers to an item that does not exist. Create it first or correct the reference.',
  },
  IN_USE: { status: 409, message: 'The item is still referred to by other items. Remove those references first.' },
  // The consensus procedure of draft texts (issue 5; src/texts/procedure/procedure-errors.ts gives each refusal's own message).
  NOT_CHAIR: { status: 403, message: 'Only the chair may do this in a consensus procedure. Ask the chair to do it.' },
  NOT_DRAFTER: {
    status: 403,
    message:
      'Only the secretariat or the chair may make a new version of a draft. Send your proposed wording to the secretariat.',
  },
  NOT_HEAD_OF_DELEGATION: {
    status: 403,
    message: "Only a member's head of delegation may do this. Ask your head of delegation to do it.",
  },
  NOT_YOUR_MEMBER: { status: 403, message: 'A delegation speaks only for its own member. Name your own member.' },
  MEMBER_NOT_IN_FORMAT: {
    status: 403,
    message:
      "The member is not in this text's format, so it takes no part in its consensus. Only members of the format may act on it.",
  },
  TEXT_ADOPTED: {
    status: 409,
    message: 'The text was adopted and can no longer change. Start a new draft text if the matter must be reopened.',
  },
  INVALID_INSTANT: {
    status: 422,
    message:
      'A time is not a valid instant. Give an ISO-8601 date and time with its offset, or a local time with a time zone.',
  },
  INVALID_TIME_ZONE: {
    status: 422,
    message: 'The time zone is not a known IANA zone name. Give a zone such as Europe/Brussels or UTC.',
  },
  EMPTY_STATEMENT: {
    status: 422,
    message: 'Breaking silence needs a statement explaining the objection. Write the statement and send it again.',
  },
  EMPTY_REASON: {
    status: 422,
    message: 'A reservation needs a reason. Write what your member reserves on, then place it again.',
  },
  INVALID_MEETING_ID: {
    status: 422,
    message: 'Agreement at a meeting must name the meeting. Give the id of the meeting held.',
  },
  MEETING_WIDER_THAN_TEXT: {
    status: 422,
    message:
      "The meeting's format admits members the text's format does not, and the agreement would put the text in that meeting's outcome before them. Record it at a meeting in the text's format or a narrower one.",
  },
  UNKNOWN_VERSION: { status: 422, message: 'The version does not exist. Pick one of the versions of the text.' },
  NOT_CURRENT_VERSION: {
    status: 409,
    message: 'Only the current version may be put under silence. Make the wording you want a new version first.',
  },
  ALREADY_UNDER_SILENCE: {
    status: 409,
    message: 'A version is already under silence. Extend that deadline, or wait until the procedure ends.',
  },
  VERSION_UNDER_SILENCE: {
    status: 409,
    message:
      'A version is under silence, so the text cannot change now. A member who objects breaks silence; otherwise wait until the procedure ends.',
  },
  NOT_UNDER_SILENCE: {
    status: 409,
    message: 'The text is not under silence. The chair must first put a version under silence.',
  },
  ALREADY_BROKEN: {
    status: 409,
    message:
      'Silence was already broken; the procedure has failed and the text is back in drafting. Nothing more is needed to object.',
  },
  RESERVATIONS_STAND: {
    status: 409,
    message:
      'Reservations stand, so consensus cannot be sought yet. They must be lifted by their heads of delegation first.',
  },
  ALREADY_RESERVED: {
    status: 409,
    message: 'The member already has a reservation on this text. Lift it first if it should be replaced.',
  },
  NO_RESERVATION: {
    status: 409,
    message: 'The member has no reservation on this text, so there is nothing to lift. Check the member.',
  },
  DEADLINE_IN_PAST: { status: 422, message: 'The deadline is not in the future. Choose a later deadline.' },
  DEADLINE_NOT_LATER: {
    status: 422,
    message: 'An extension can only move the deadline later. Choose a deadline after the current one.',
  },
  DEADLINE_PASSED: {
    status: 409,
    message:
      'The deadline has passed: silence held, so the text is adopted at the deadline. Nothing can change the procedure now.',
  },
  DEADLINE_NOT_REACHED: {
    status: 409,
    message: 'The deadline has not been reached yet. Try again at or after the deadline.',
  },
  UNKNOWN_EVENT: {
    status: 422,
    message: 'This is not an event of the consensus procedure. Send one of the known events.',
  },
  NOT_RELEASABLE: {
    status: 409,
    message:
      "Only an adopted statement or chairman's statement can be released to the public record. Decisions and concepts stay in the register.",
  },
  ALREADY_RELEASED: {
    status: 409,
    message: 'This decision was already released to the public record. Open the record item named in the message.',
  },
  INVALID_TRANSITION: {
    status: 409,
    message: 'The item cannot move to this status from the one it is in. The message names the allowed next step.',
  },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Wait a moment and try again.' },
  LIVE_TOO_MANY_STREAMS: {
    status: 429,
    message:
      'Too many live-update streams are open for your account or on this server. Close other Concord tabs or windows and reload.',
  },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is not reachable right now. Try again shortly.' },
  INTERNAL: {
    status: 500,
    message: 'Something went wrong on our side. Nothing was changed; the request id identifies it in the logs.',
  },
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
