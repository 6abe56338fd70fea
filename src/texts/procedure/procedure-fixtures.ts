// Factories shared by the procedure's unit and property tests (and usable by a demo seed): actors of
// every kind, instants relative to a reference, and a runner that stops loudly on a refusal.
import assert from 'node:assert/strict';
import { guardTransition, initialTextState, transition } from './silence-procedure.ts';
import type {
  Actor,
  MemberCode,
  ProcedureEffect,
  ProcedureError,
  ProcedureErrorCode,
  ProcedureEvent,
  TextState,
} from './types.ts';

/** Demo data: an invented text in a three-member format; UA stands for a member outside it. */
export const FORMAT: readonly MemberCode[] = ['FR', 'RU', 'US'];
export const OUTSIDER: MemberCode = 'UA';
export const TEXT_ID = 'text-demo-1';

export const chair: Actor = { userId: 'u-chair', role: 'chair', member: null, headOfDelegation: false };
export const secretariat: Actor = { userId: 'u-sec', role: 'secretariat', member: null, headOfDelegation: false };
export const admin: Actor = { userId: 'u-admin', role: 'admin', member: null, headOfDelegation: false };
export const auditor: Actor = { userId: 'u-auditor', role: 'auditor', member: null, headOfDelegation: false };

/** The head of delegation of `member`: the only one who may speak for it in a procedure. */
export function headOf(member: MemberCode): Actor {
  return { userId: `u-hod-${member}`, role: 'delegate', member, headOfDelegation: true };
}

/** A delegate of `member` who is not its head of delegation. */
export function delegateOf(member: MemberCode): Actor {
  return { userId: `u-del-${member}`, role: 'delegate', member, headOfDelegation: false };
}

/** The instant `minutes` after `instant`, in canonical UTC form. */
export function minutesAfter(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

/** Freezes a value and everything it holds, so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A new text of FORMAT, frozen. */
export function newText(currentVersion = 1): TextState {
  return deepFreeze(initialTextState({ textId: TEXT_ID, formatMembers: FORMAT, currentVersion }));
}

/** Applies events in order, throwing on the first refusal; returns the final state and all effects. */
export function applyAll(
  state: TextState,
  events: readonly ProcedureEvent[],
): { state: TextState; effects: ProcedureEffect[] } {
  const effects: ProcedureEffect[] = [];
  let current = state;
  for (const event of events) {
    const result = transition(current, event);
    if (!result.ok) throw new Error(`${event.type} refused: ${result.error.code}: ${result.error.message}`);
    current = deepFreeze(result.state);
    effects.push(...result.effects);
  }
  return { state: current, effects };
}

// Demo data: the chair puts version 1 under silence until 18:00 Warsaw time on 25 September 2002.
export const OPEN_AT = '2002-09-24T09:00:00.000Z';
export const BREAK_AT = '2002-09-24T12:00:00.000Z';
export const T1 = '2002-09-25T10:00:00.000Z';
export const DEADLINE = '2002-09-25T16:00:00.000Z';
export const DEADLINE_WARSAW = '2002-09-25T18:00:00+02:00';

type Ev<K extends ProcedureEvent['type']> = Extract<ProcedureEvent, { type: K }>;

/** Builders of valid events, each overridable, at T1 unless said otherwise. */
export const ev = {
  newVersion: (o: Partial<Ev<'newVersion'>> = {}): Ev<'newVersion'> => ({
    type: 'newVersion',
    actor: secretariat,
    at: T1,
    ...o,
  }),
  place: (member: MemberCode, o: Partial<Ev<'placeReservation'>> = {}): Ev<'placeReservation'> => ({
    type: 'placeReservation',
    actor: headOf(member),
    at: T1,
    member,
    reason: 'Paragraph 3 needs capitals.',
    ...o,
  }),
  lift: (member: MemberCode, o: Partial<Ev<'liftReservation'>> = {}): Ev<'liftReservation'> => ({
    type: 'liftReservation',
    actor: headOf(member),
    at: T1,
    member,
    ...o,
  }),
  open: (o: Partial<Ev<'openSilence'>> = {}): Ev<'openSilence'> => ({
    type: 'openSilence',
    actor: chair,
    at: OPEN_AT,
    version: 1,
    deadline: DEADLINE_WARSAW,
    timeZone: 'Europe/Warsaw',
    ...o,
  }),
  extend: (deadline: string, o: Partial<Ev<'extendDeadline'>> = {}): Ev<'extendDeadline'> => ({
    type: 'extendDeadline',
    actor: chair,
    at: T1,
    deadline,
    ...o,
  }),
  brk: (member: MemberCode, o: Partial<Ev<'breakSilence'>> = {}): Ev<'breakSilence'> => ({
    type: 'breakSilence',
    actor: headOf(member),
    at: T1,
    member,
    statement: 'We cannot join consensus.',
    ...o,
  }),
  due: (at: string = DEADLINE): Ev<'deadlineReached'> => ({ type: 'deadlineReached', at }),
  agree: (o: Partial<Ev<'recordAgreedAtMeeting'>> = {}): Ev<'recordAgreedAtMeeting'> => ({
    type: 'recordAgreedAtMeeting',
    actor: chair,
    at: T1,
    version: 1,
    meetingId: 'mtg-warsaw-2002-09-25',
    ...o,
  }),
};

/** The states a text can be in, each built through the public API. */
export const states = {
  drafting: (): TextState => newText(),
  reserved: (): TextState => applyAll(newText(), [ev.place('FR', { at: OPEN_AT })]).state,
  underSilence: (): TextState => applyAll(newText(), [ev.open()]).state,
  failed: (): TextState => applyAll(states.underSilence(), [ev.brk('RU', { at: BREAK_AT })]).state,
  adoptedBySilence: (): TextState => applyAll(states.underSilence(), [ev.due()]).state,
  adoptedAtMeeting: (): TextState => applyAll(newText(), [ev.agree({ at: BREAK_AT })]).state,
};
export type StateName = keyof typeof states;

/** Asserts the event is refused with `code`, that the guard says the same, and that the state is untouched. */
export function refused(state: TextState, event: ProcedureEvent, code: ProcedureErrorCode): ProcedureError {
  const before = structuredClone(state);
  const result = transition(state, event);
  assert.equal(result.ok, false, `expected ${event.type} to be refused with ${code}`);
  if (result.ok) throw new Error('unreachable');
  assert.equal(result.error.code, code, result.error.message);
  assert.deepEqual(guardTransition(state, event), result.error);
  assert.deepEqual(state, before);
  return result.error;
}

/** Asserts the event is accepted (and that the guard agrees); returns the new state and effects. */
export function accepted(
  state: TextState,
  event: ProcedureEvent,
): { state: TextState; effects: readonly ProcedureEffect[] } {
  const result = transition(state, event);
  if (!result.ok) assert.fail(`${event.type} refused: ${result.error.code}: ${result.error.message}`);
  assert.equal(guardTransition(state, event), null);
  return { state: deepFreeze(result.state), effects: result.effects };
}
