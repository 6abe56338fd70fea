// The consensus procedure of a draft text, as plain JSON-able data: states, events, effects, errors.
// Every instant is an ISO-8601 UTC string normalised by the state machine (e.g. 2002-09-25T16:00:00.000Z).

/** A member's code, e.g. 'FR' or 'RU'. */
export type MemberCode = string;

export type Role = 'chair' | 'secretariat' | 'delegate' | 'admin' | 'auditor';

/** Who is acting. `member` and `headOfDelegation` only matter for delegates. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly member: MemberCode | null;
  readonly headOfDelegation: boolean;
}

export type TextStatus = 'drafting' | 'under_silence' | 'adopted';

export interface Reservation {
  readonly reason: string;
  readonly placedAt: string;
  readonly placedBy: string;
}

export interface DeadlineExtension {
  readonly from: string;
  readonly to: string;
  readonly at: string;
  readonly by: string;
}

export interface SilenceBreak {
  readonly member: MemberCode;
  readonly statement: string;
  readonly at: string;
  readonly by: string;
}

export type ProcedureOutcome = 'adopted' | 'failed';

/** One silence procedure on one version. `deadline` is the deadline in force (after any extension). */
export interface SilenceProcedure {
  /** 1 for the text's first procedure, then 2, 3, ... */
  readonly sequence: number;
  readonly version: number;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly deadline: string;
  /** The IANA zone the deadline was given in, kept for display only; comparisons use the instant. */
  readonly timeZone: string;
  readonly extensions: readonly DeadlineExtension[];
  readonly outcome: ProcedureOutcome | null;
  readonly closedAt: string | null;
  readonly brokenBy?: SilenceBreak;
}

/** A closed procedure, as kept in the text's history. */
export type ProcedureRecord = SilenceProcedure & { readonly outcome: ProcedureOutcome; readonly closedAt: string };

export interface Adoption {
  readonly version: number;
  /** For silence: the deadline in force, whenever the adoption was recorded. For a meeting: when recorded. */
  readonly at: string;
  readonly how: 'silence' | 'meeting';
  readonly recordedAt: string;
  readonly procedure?: number;
  readonly meetingId?: string;
}

export interface TextState {
  readonly textId: string;
  readonly formatMembers: readonly MemberCode[];
  readonly status: TextStatus;
  readonly currentVersion: number;
  readonly reservations: Readonly<Record<MemberCode, Reservation>>;
  /** The open procedure, or the latest closed one (which is then also the last entry of `history`). */
  readonly procedure: SilenceProcedure | null;
  /** Every closed procedure, oldest first. */
  readonly history: readonly ProcedureRecord[];
  readonly adoption: Adoption | null;
}

interface ByActor {
  readonly actor: Actor;
  readonly at: string;
}

export type ProcedureEvent =
  | ({ readonly type: 'newVersion' } & ByActor)
  | ({ readonly type: 'placeReservation'; readonly member: MemberCode; readonly reason: string } & ByActor)
  | ({ readonly type: 'liftReservation'; readonly member: MemberCode } & ByActor)
  | ({
      readonly type: 'openSilence';
      readonly version: number;
      readonly deadline: string;
      readonly timeZone: string;
    } & ByActor)
  | ({ readonly type: 'extendDeadline'; readonly deadline: string } & ByActor)
  | ({ readonly type: 'breakSilence'; readonly member: MemberCode; readonly statement: string } & ByActor)
  | ({ readonly type: 'recordAgreedAtMeeting'; readonly version: number; readonly meetingId: string } & ByActor)
  // Sent by the system (a scheduler, or a server catching up after downtime), hence no actor.
  | { readonly type: 'deadlineReached'; readonly at: string };

export type ProcedureEventType = ProcedureEvent['type'];

interface EffectBase {
  readonly textId: string;
  readonly at: string;
}

/** What happened, for the audit trail and notifications. `by` is a user id, null for the system. */
export type ProcedureEffect =
  | ({ readonly type: 'version_created'; readonly version: number; readonly by: string } & EffectBase)
  | ({
      readonly type: 'reservation_placed';
      readonly member: MemberCode;
      readonly reason: string;
      readonly by: string;
    } & EffectBase)
  | ({ readonly type: 'reservation_lifted'; readonly member: MemberCode; readonly by: string } & EffectBase)
  | ({
      readonly type: 'silence_opened';
      readonly procedure: number;
      readonly version: number;
      readonly deadline: string;
      readonly timeZone: string;
      readonly by: string;
    } & EffectBase)
  | ({
      readonly type: 'deadline_extended';
      readonly procedure: number;
      readonly version: number;
      readonly from: string;
      readonly to: string;
      readonly timeZone: string;
      readonly by: string;
    } & EffectBase)
  | ({
      readonly type: 'silence_broken';
      readonly procedure: number;
      readonly version: number;
      readonly member: MemberCode;
      readonly statement: string;
      readonly by: string;
    } & EffectBase)
  | ({ readonly type: 'failed'; readonly procedure: number; readonly version: number } & EffectBase)
  | ({
      readonly type: 'adopted';
      readonly version: number;
      readonly how: 'silence' | 'meeting';
      readonly recordedAt: string;
      readonly procedure?: number;
      readonly meetingId?: string;
      readonly by: string | null;
    } & EffectBase);

export const PROCEDURE_ERROR_CODES = [
  'NOT_CHAIR',
  'NOT_DRAFTER',
  'NOT_HEAD_OF_DELEGATION',
  'NOT_YOUR_MEMBER',
  'MEMBER_NOT_IN_FORMAT',
  'TEXT_ADOPTED',
  'INVALID_INSTANT',
  'INVALID_TIME_ZONE',
  'EMPTY_STATEMENT',
  'EMPTY_REASON',
  'INVALID_MEETING_ID',
  'UNKNOWN_VERSION',
  'NOT_CURRENT_VERSION',
  'ALREADY_UNDER_SILENCE',
  'VERSION_UNDER_SILENCE',
  'NOT_UNDER_SILENCE',
  'ALREADY_BROKEN',
  'RESERVATIONS_STAND',
  'ALREADY_RESERVED',
  'NO_RESERVATION',
  'DEADLINE_IN_PAST',
  'DEADLINE_NOT_LATER',
  'DEADLINE_PASSED',
  'DEADLINE_NOT_REACHED',
  'UNKNOWN_EVENT',
] as const;

export type ProcedureErrorCode = (typeof PROCEDURE_ERROR_CODES)[number];

/** A refusal: a stable code for programs, a message for people (what was wrong and what to do). */
export interface ProcedureError {
  readonly code: ProcedureErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number | readonly string[]>>;
}

export type TransitionResult =
  | { readonly ok: true; readonly state: TextState; readonly effects: readonly ProcedureEffect[] }
  | { readonly ok: false; readonly error: ProcedureError };
