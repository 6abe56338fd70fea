// The consensus procedure of a draft text as a pure state machine: no clock, no I/O. Time comes in on
// each event (`at`), so a server catching up after downtime replays the same decisions it would have
// taken on time. See README.md for the rules and invariants.
import { instantMs, knownInstantIso as iso, knownInstantMs as ms } from '../../kernel/time/instants.ts';
import { guardTransition, openProcedure } from './procedure-guards.ts';
import type {
  Adoption,
  MemberCode,
  ProcedureEffect,
  ProcedureEvent,
  ProcedureRecord,
  SilenceProcedure,
  TextState,
  TransitionResult,
} from './types.ts';

/** Re-exported so callers find the whole procedure API in one module. */
export { guardTransition } from './procedure-guards.ts';

/** A new draft text of a format: in drafting, without reservations or procedures. */
export function initialTextState(init: {
  textId: string;
  formatMembers: readonly MemberCode[];
  currentVersion?: number;
}): TextState {
  const currentVersion = init.currentVersion ?? 1;
  // These are programming errors (the caller builds the text from stored data), not user refusals.
  if (init.textId.trim() === '') throw new TypeError('initialTextState: textId must not be empty.');
  if (init.formatMembers.length === 0) throw new TypeError('initialTextState: a format has at least one member.');
  if (new Set(init.formatMembers).size !== init.formatMembers.length) {
    throw new TypeError('initialTextState: formatMembers must not repeat a member.');
  }
  if (!Number.isInteger(currentVersion) || currentVersion < 1) {
    throw new RangeError('initialTextState: currentVersion must be a whole number from 1.');
  }
  return {
    textId: init.textId,
    formatMembers: [...init.formatMembers],
    status: 'drafting',
    currentVersion,
    reservations: {},
    procedure: null,
    history: [],
    adoption: null,
  };
}

/** Applies one event: the next state and what happened, or the refusal. The input state is never modified. */
export function transition(state: TextState, event: ProcedureEvent): TransitionResult {
  const error = guardTransition(state, event);
  if (error !== null) return { ok: false, error };
  const { next, effects } = apply(state, event);
  return { ok: true, state: next, effects };
}

/** Whether, at `now`, silence has held until the deadline, so a `deadlineReached` event would adopt the text. */
export function isDeadlineDue(state: TextState, now: string): boolean {
  const open = openProcedure(state);
  const nowMs = instantMs(now);
  return open !== null && nowMs !== null && nowMs >= ms(open.deadline);
}

function mustBeOpen(state: TextState): SilenceProcedure {
  const open = openProcedure(state);
  if (open === null) throw new Error('silence-procedure: guard let through an event that needs an open procedure');
  return open;
}

// Only called after guardTransition accepted the event, so inputs are known valid here.
function apply(state: TextState, event: ProcedureEvent): { next: TextState; effects: ProcedureEffect[] } {
  const at = iso(event.at);
  const textId = state.textId;
  switch (event.type) {
    case 'newVersion': {
      const version = state.currentVersion + 1;
      return {
        next: { ...state, currentVersion: version },
        effects: [{ type: 'version_created', textId, at, version, by: event.actor.userId }],
      };
    }
    case 'placeReservation': {
      const { member, reason } = event;
      const reservation = { reason, placedAt: at, placedBy: event.actor.userId };
      return {
        next: { ...state, reservations: { ...state.reservations, [member]: reservation } },
        effects: [{ type: 'reservation_placed', textId, at, member, reason, by: event.actor.userId }],
      };
    }
    case 'liftReservation': {
      const reservations = Object.fromEntries(Object.entries(state.reservations).filter(([m]) => m !== event.member));
      return {
        next: { ...state, reservations },
        effects: [{ type: 'reservation_lifted', textId, at, member: event.member, by: event.actor.userId }],
      };
    }
    case 'openSilence': {
      const procedure: SilenceProcedure = {
        sequence: (state.procedure?.sequence ?? 0) + 1,
        version: event.version,
        openedAt: at,
        openedBy: event.actor.userId,
        deadline: iso(event.deadline),
        timeZone: event.timeZone,
        extensions: [],
        outcome: null,
        closedAt: null,
      };
      const { sequence, version, deadline, timeZone, openedBy: by } = procedure;
      return {
        next: { ...state, status: 'under_silence', procedure },
        effects: [{ type: 'silence_opened', textId, at, procedure: sequence, version, deadline, timeZone, by }],
      };
    }
    case 'extendDeadline': {
      const open = mustBeOpen(state);
      const extension = { from: open.deadline, to: iso(event.deadline), at, by: event.actor.userId };
      const procedure = { ...open, deadline: extension.to, extensions: [...open.extensions, extension] };
      const { sequence, version, timeZone } = open;
      const { from, to, by } = extension;
      return {
        next: { ...state, procedure },
        effects: [{ type: 'deadline_extended', textId, at, procedure: sequence, version, from, to, timeZone, by }],
      };
    }
    case 'breakSilence': {
      const open = mustBeOpen(state);
      const { member, statement } = event;
      const by = event.actor.userId;
      const brokenBy = { member, statement, at, by };
      const closed: ProcedureRecord = { ...open, outcome: 'failed', closedAt: at, brokenBy };
      const { sequence, version } = open;
      return {
        next: { ...state, status: 'drafting', procedure: closed, history: [...state.history, closed] },
        effects: [
          { type: 'silence_broken', textId, at, procedure: sequence, version, member, statement, by },
          { type: 'failed', textId, at, procedure: sequence, version },
        ],
      };
    }
    case 'deadlineReached': {
      const open = mustBeOpen(state);
      // Adopted at the deadline, not at `at`: if the servers were down, the record still shows the
      // moment silence actually held.
      const closed: ProcedureRecord = { ...open, outcome: 'adopted', closedAt: open.deadline };
      const adoption: Adoption = {
        version: open.version,
        at: open.deadline,
        how: 'silence',
        recordedAt: at,
        procedure: open.sequence,
      };
      return {
        next: { ...state, status: 'adopted', procedure: closed, history: [...state.history, closed], adoption },
        effects: [{ type: 'adopted', textId, ...adoption, by: null }],
      };
    }
    case 'recordAgreedAtMeeting': {
      const adoption: Adoption = {
        version: event.version,
        at,
        how: 'meeting',
        recordedAt: at,
        meetingId: event.meetingId,
      };
      return {
        next: { ...state, status: 'adopted', adoption },
        effects: [{ type: 'adopted', textId, ...adoption, by: event.actor.userId }],
      };
    }
  }
}
