// The catalogue of refusals of the consensus procedure. Codes are stable (programs and tests match on
// them); messages tell a person what was wrong and what to do next. Authorization messages deliberately
// say nothing about the text's state, so a refused actor learns nothing they could not already see.
import type { MemberCode, ProcedureError, ProcedureErrorCode, Role } from './types.ts';

/** The HTTP status a request handler should answer with for each code. */
export const PROCEDURE_ERROR_HTTP_STATUS: Readonly<Record<ProcedureErrorCode, 403 | 409 | 422>> = {
  NOT_CHAIR: 403,
  NOT_DRAFTER: 403,
  NOT_HEAD_OF_DELEGATION: 403,
  NOT_YOUR_MEMBER: 403,
  MEMBER_NOT_IN_FORMAT: 403,
  TEXT_ADOPTED: 409,
  INVALID_INSTANT: 422,
  INVALID_TIME_ZONE: 422,
  EMPTY_STATEMENT: 422,
  EMPTY_REASON: 422,
  INVALID_MEETING_ID: 422,
  UNKNOWN_VERSION: 422,
  NOT_CURRENT_VERSION: 409,
  ALREADY_UNDER_SILENCE: 409,
  VERSION_UNDER_SILENCE: 409,
  NOT_UNDER_SILENCE: 409,
  ALREADY_BROKEN: 409,
  RESERVATIONS_STAND: 409,
  ALREADY_RESERVED: 409,
  NO_RESERVATION: 409,
  DEADLINE_IN_PAST: 422,
  DEADLINE_NOT_LATER: 422,
  DEADLINE_PASSED: 409,
  DEADLINE_NOT_REACHED: 409,
  UNKNOWN_EVENT: 422,
};

function err(code: ProcedureErrorCode, message: string, details?: ProcedureError['details']): ProcedureError {
  return details === undefined ? { code, message } : { code, message, details };
}

/** Error factories, one per code, so every refusal of a kind reads the same wherever it is raised. */
export const procedureErrors = {
  notChair: (action: string, role: Role): ProcedureError =>
    err('NOT_CHAIR', `Only the chair may ${action}; you are acting as ${role}. Ask the chair to do it.`),

  notDrafter: (role: Role): ProcedureError =>
    err(
      'NOT_DRAFTER',
      `Only the secretariat or the chair may make a new version of a draft; you are acting as ${role}. ` +
        'Send your proposed wording to the secretariat.',
    ),

  notHeadOfDelegation: (action: string): ProcedureError =>
    err(
      'NOT_HEAD_OF_DELEGATION',
      `Only a member's head of delegation may ${action}. Ask your head of delegation to do it.`,
    ),

  notYourMember: (actorMember: MemberCode | null, member: MemberCode): ProcedureError =>
    err(
      'NOT_YOUR_MEMBER',
      `You act for ${actorMember ?? 'no member'}, not for ${member}; a delegation speaks only for its own member. ` +
        `Name your own member, or ask ${member}'s head of delegation.`,
      { member },
    ),

  memberNotInFormat: (member: MemberCode): ProcedureError =>
    err(
      'MEMBER_NOT_IN_FORMAT',
      `${member} is not a member of this text's format, so it takes no part in its consensus. ` +
        'Only members of the format may place reservations or break silence.',
      { member },
    ),

  textAdopted: (version: number, at: string): ProcedureError =>
    err(
      'TEXT_ADOPTED',
      `The text was adopted (version ${version}, at ${at}) and can no longer change. ` +
        'Start a new draft text if the matter must be reopened.',
      { version, at },
    ),

  invalidInstant: (field: string, value: string): ProcedureError =>
    err(
      'INVALID_INSTANT',
      `${field} "${value}" is not a valid instant. Give an ISO-8601 date and time with its UTC offset, ` +
        'e.g. 2002-09-25T18:00:00+02:00 or 2002-09-25T16:00:00Z.',
      { field, value },
    ),

  invalidTimeZone: (timeZone: string): ProcedureError =>
    err(
      'INVALID_TIME_ZONE',
      `"${timeZone}" is not a known IANA time zone. Give a zone name such as Europe/Brussels or UTC.`,
      { timeZone },
    ),

  emptyStatement: (): ProcedureError =>
    err(
      'EMPTY_STATEMENT',
      'Breaking silence needs a statement explaining the objection. Write the statement and send it again.',
    ),

  emptyReason: (): ProcedureError =>
    err('EMPTY_REASON', 'A reservation needs a reason. Write what your member reserves on, then place it again.'),

  invalidMeetingId: (): ProcedureError =>
    err('INVALID_MEETING_ID', 'Agreement at a meeting must name the meeting. Give the id of the meeting held.'),

  unknownVersion: (version: number, currentVersion: number): ProcedureError =>
    err(
      'UNKNOWN_VERSION',
      `Version ${version} does not exist; the text has versions 1 to ${currentVersion}. Pick one of those.`,
      { version, currentVersion },
    ),

  notCurrentVersion: (version: number, currentVersion: number): ProcedureError =>
    err(
      'NOT_CURRENT_VERSION',
      `Version ${version} is not the current draft (version ${currentVersion} is). Only the current version ` +
        'may be put under silence; make the wording you want a new version first.',
      { version, currentVersion },
    ),

  alreadyUnderSilence: (version: number, deadline: string): ProcedureError =>
    err(
      'ALREADY_UNDER_SILENCE',
      `Version ${version} is already under silence until ${deadline}. Extend that deadline, or wait until ` +
        'the procedure ends before opening another.',
      { version, deadline },
    ),

  versionUnderSilence: (action: string, version: number, deadline: string): ProcedureError =>
    err(
      'VERSION_UNDER_SILENCE',
      `Cannot ${action}: version ${version} is under silence until ${deadline}. ` +
        'A member who objects breaks silence; otherwise wait until the procedure ends.',
      { version, deadline },
    ),

  notUnderSilence: (action: string): ProcedureError =>
    err(
      'NOT_UNDER_SILENCE',
      `Cannot ${action}: the text is not under silence. The chair must first put a version under silence.`,
    ),

  alreadyBroken: (member: MemberCode, at: string): ProcedureError =>
    err(
      'ALREADY_BROKEN',
      `Silence was already broken by ${member} at ${at}; the procedure has failed and the text is back in ` +
        'drafting. Nothing more is needed to object.',
      { member, at },
    ),

  reservationsStand: (members: readonly MemberCode[]): ProcedureError =>
    err(
      'RESERVATIONS_STAND',
      `Reservations stand from ${members.join(', ')}. They must be lifted by their heads of delegation ` +
        'before consensus can be sought.',
      { members },
    ),

  alreadyReserved: (member: MemberCode): ProcedureError =>
    err(
      'ALREADY_RESERVED',
      `${member} already has a reservation on this text. Lift it first if it should be replaced.`,
      { member },
    ),

  noReservation: (member: MemberCode): ProcedureError =>
    err('NO_RESERVATION', `${member} has no reservation on this text, so there is nothing to lift.`, { member }),

  deadlineInPast: (deadline: string, at: string): ProcedureError =>
    err(
      'DEADLINE_IN_PAST',
      `The deadline ${deadline} is not in the future (it is now ${at}). Choose a later deadline.`,
      { deadline, at },
    ),

  deadlineNotLater: (deadline: string, current: string): ProcedureError =>
    err(
      'DEADLINE_NOT_LATER',
      `The new deadline ${deadline} is not later than the current one, ${current}. ` +
        'An extension can only move the deadline later.',
      { deadline, current },
    ),

  deadlinePassed: (action: string, deadline: string, at: string): ProcedureError =>
    err(
      'DEADLINE_PASSED',
      `Cannot ${action}: the deadline ${deadline} has passed (it is now ${at}). ` +
        'Silence held, so the text is adopted at the deadline.',
      { deadline, at },
    ),

  deadlineNotReached: (deadline: string, at: string): ProcedureError =>
    err(
      'DEADLINE_NOT_REACHED',
      `The deadline ${deadline} has not been reached (it is now ${at}). Try again at or after the deadline.`,
      { deadline, at },
    ),

  unknownEvent: (type: string): ProcedureError =>
    err('UNKNOWN_EVENT', `"${type}" is not an event of the consensus procedure. Send one of the known events.`, {
      type,
    }),
} as const;
