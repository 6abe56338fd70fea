// The guard of the consensus procedure: why an event would be refused in a state. `transition` runs it
// first, and callers run it again inside their database transaction, so both see the same rules.
import {
  instantMs,
  isValidTimeZone,
  knownInstantMs as ms,
  knownInstantIso as iso,
} from '../../kernel/time/instants.ts';
import { procedureErrors as E } from './procedure-errors.ts';
import type { Actor, MemberCode, ProcedureError, ProcedureEvent, SilenceProcedure, TextState } from './types.ts';

type Check = ProcedureError | null;

/** The procedure running now, if the text is under silence. */
export function openProcedure(state: TextState): SilenceProcedure | null {
  return state.status === 'under_silence' ? state.procedure : null;
}

function atError(at: unknown): Check {
  return instantMs(at) === null ? E.invalidInstant('at', String(at)) : null;
}

function chairError(actor: Actor, action: string): Check {
  return actor.role === 'chair' ? null : E.notChair(action, actor.role);
}

// Authorization comes before any look at the text's state, so a refused actor learns nothing about it.
function delegationError(state: TextState, actor: Actor, member: MemberCode, action: string): Check {
  if (actor.role !== 'delegate' || !actor.headOfDelegation || actor.member === null) {
    return E.notHeadOfDelegation(action);
  }
  if (actor.member !== member) return E.notYourMember(actor.member, member);
  if (!state.formatMembers.includes(member)) return E.memberNotInFormat(member);
  return null;
}

function adoptedError(state: TextState): Check {
  return state.adoption === null ? null : E.textAdopted(state.adoption.version, state.adoption.at);
}

function underSilenceError(state: TextState, action: string): Check {
  const open = openProcedure(state);
  return open === null ? null : E.versionUnderSilence(action, open.version, open.deadline);
}

function notUnderSilenceError(state: TextState, action: string): Check {
  return openProcedure(state) === null ? E.notUnderSilence(action) : null;
}

// A member trying to break silence after someone else did is better told who did than "not under silence".
function alreadyBrokenError(state: TextState): Check {
  const broken = openProcedure(state) === null ? state.procedure?.brokenBy : undefined;
  return broken === undefined ? null : E.alreadyBroken(broken.member, broken.at);
}

function versionError(state: TextState, version: number): Check {
  const exists = Number.isInteger(version) && version >= 1 && version <= state.currentVersion;
  return exists ? null : E.unknownVersion(version, state.currentVersion);
}

function reservationsError(state: TextState): Check {
  const members = Object.keys(state.reservations).sort();
  return members.length === 0 ? null : E.reservationsStand(members);
}

function blank(text: unknown): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

/** Why `event` would be refused in `state`, or null if it would be accepted; `transition` runs the same check. */
export function guardTransition(state: TextState, event: ProcedureEvent): ProcedureError | null {
  // Order: the instant, then who acts, then a closed text, then malformed input, then state conflicts,
  // then timing. The first failing check is the one reported.
  switch (event.type) {
    case 'newVersion':
      return (
        atError(event.at) ??
        (event.actor.role === 'secretariat' || event.actor.role === 'chair' ? null : E.notDrafter(event.actor.role)) ??
        adoptedError(state) ??
        underSilenceError(state, 'make a new version')
      );
    case 'placeReservation':
      return (
        atError(event.at) ??
        delegationError(state, event.actor, event.member, 'place a reservation') ??
        adoptedError(state) ??
        (blank(event.reason) ? E.emptyReason() : null) ??
        underSilenceError(state, 'place a reservation') ??
        (Object.hasOwn(state.reservations, event.member) ? E.alreadyReserved(event.member) : null)
      );
    case 'liftReservation':
      return (
        atError(event.at) ??
        delegationError(state, event.actor, event.member, 'lift a reservation') ??
        adoptedError(state) ??
        (Object.hasOwn(state.reservations, event.member) ? null : E.noReservation(event.member))
      );
    case 'openSilence':
      return (
        atError(event.at) ??
        chairError(event.actor, 'put a text under silence') ??
        adoptedError(state) ??
        (instantMs(event.deadline) === null ? E.invalidInstant('deadline', String(event.deadline)) : null) ??
        (isValidTimeZone(event.timeZone) ? null : E.invalidTimeZone(String(event.timeZone))) ??
        versionError(state, event.version) ??
        openSilenceStateError(state, event.version) ??
        (ms(event.deadline) <= ms(event.at) ? E.deadlineInPast(iso(event.deadline), iso(event.at)) : null)
      );
    case 'extendDeadline':
      return (
        atError(event.at) ??
        chairError(event.actor, 'extend a silence deadline') ??
        adoptedError(state) ??
        (instantMs(event.deadline) === null ? E.invalidInstant('deadline', String(event.deadline)) : null) ??
        notUnderSilenceError(state, 'extend the deadline') ??
        extendTimingError(openProcedure(state), event.deadline, event.at)
      );
    case 'breakSilence':
      return (
        atError(event.at) ??
        delegationError(state, event.actor, event.member, 'break silence') ??
        adoptedError(state) ??
        (blank(event.statement) ? E.emptyStatement() : null) ??
        alreadyBrokenError(state) ??
        notUnderSilenceError(state, 'break silence') ??
        deadlinePassedError(openProcedure(state), 'break silence', event.at)
      );
    case 'deadlineReached':
      return (
        atError(event.at) ??
        adoptedError(state) ??
        notUnderSilenceError(state, 'adopt by silence') ??
        deadlineNotReachedError(openProcedure(state), event.at)
      );
    case 'recordAgreedAtMeeting':
      return (
        atError(event.at) ??
        chairError(event.actor, 'record agreement at a meeting') ??
        adoptedError(state) ??
        versionError(state, event.version) ??
        (blank(event.meetingId) ? E.invalidMeetingId() : null) ??
        underSilenceError(state, 'record agreement at a meeting') ??
        reservationsError(state)
      );
    default:
      return E.unknownEvent(String((event as { type?: unknown }).type));
  }
}

function openSilenceStateError(state: TextState, version: number): Check {
  const open = openProcedure(state);
  if (open !== null) return E.alreadyUnderSilence(open.version, open.deadline);
  if (version !== state.currentVersion) return E.notCurrentVersion(version, state.currentVersion);
  return reservationsError(state);
}

function deadlinePassedError(open: SilenceProcedure | null, action: string, at: string): Check {
  if (open === null || ms(at) < ms(open.deadline)) return null;
  return E.deadlinePassed(action, open.deadline, iso(at));
}

function deadlineNotReachedError(open: SilenceProcedure | null, at: string): Check {
  if (open === null || ms(at) >= ms(open.deadline)) return null;
  return E.deadlineNotReached(open.deadline, iso(at));
}

function extendTimingError(open: SilenceProcedure | null, deadline: string, at: string): Check {
  if (open === null) return null;
  return (
    deadlinePassedError(open, 'extend the deadline', at) ??
    (ms(deadline) <= ms(at) ? E.deadlineInPast(iso(deadline), iso(at)) : null) ??
    (ms(deadline) <= ms(open.deadline) ? E.deadlineNotLater(iso(deadline), open.deadline) : null)
  );
}
