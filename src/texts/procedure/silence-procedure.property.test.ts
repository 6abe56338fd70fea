// Property tests: random sequences of events (right and wrong actors, members outside the format,
// malformed input, times scattered around the deadline) are applied in order, refused ones skipped,
// and the procedure's invariants are checked after every step.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  OUTSIDER,
  admin,
  auditor,
  chair,
  deepFreeze,
  delegateOf,
  headOf,
  newText,
  secretariat,
} from './procedure-fixtures.ts';
import { guardTransition, isDeadlineDue, transition } from './silence-procedure.ts';
import type { Actor, ProcedureErrorCode, ProcedureEvent, ProcedureRecord, TextState } from './types.ts';

const START = Date.parse('2002-09-24T08:00:00Z');
const MINUTE = 60_000;
const MEMBERS = ['FR', 'RU', 'US', OUTSIDER];
const ACTORS: Actor[] = [
  chair,
  secretariat,
  admin,
  auditor,
  delegateOf('FR'),
  ...MEMBERS.map(headOf),
  { ...chair, userId: 'u-chair-flagged', member: 'RU', headOfDelegation: true },
];

type Timing = { anchor: 'clock' | 'deadline' | 'invalid'; minutes: number };
/** A deadline as minutes after the event, or a malformed string. */
type Deadline = number | string;
type Version = number | 'current';
type Step =
  | { kind: 'newVersion'; actor: Actor; timing: Timing }
  | { kind: 'deadlineReached'; timing: Timing }
  | { kind: 'placeReservation' | 'breakSilence'; actor: Actor; member: string; text: string; timing: Timing }
  | { kind: 'liftReservation'; actor: Actor; member: string; timing: Timing }
  | { kind: 'openSilence'; actor: Actor; version: Version; deadline: Deadline; timeZone: string; timing: Timing }
  | { kind: 'extendDeadline'; actor: Actor; deadline: Deadline; timing: Timing }
  | { kind: 'recordAgreedAtMeeting'; actor: Actor; version: Version; meetingId: string; timing: Timing };

const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
// Mostly the right actor, so procedures get somewhere; sometimes anyone, so refusals are exercised.
const actorOr = (right: Actor) => fc.oneof(weighted(3, fc.constant(right)), weighted(1, fc.constantFrom(...ACTORS)));
// Times either advance a running clock or land around the deadline in force, where the rules bite.
const timing: fc.Arbitrary<Timing> = fc.oneof(
  weighted(10, fc.record({ anchor: fc.constant('clock' as const), minutes: fc.integer({ min: -10, max: 240 }) })),
  weighted(
    6,
    fc.record({
      anchor: fc.constant('deadline' as const),
      minutes: fc.oneof(fc.constantFrom(0, -1), fc.integer({ min: -120, max: 120 }), fc.integer({ min: 0, max: 7200 })),
    }),
  ),
  weighted(1, fc.record({ anchor: fc.constant('invalid' as const), minutes: fc.constant(0) })),
);
const deadline: fc.Arbitrary<Deadline> = fc.oneof(
  weighted(8, fc.integer({ min: -60, max: 2880 })),
  weighted(1, fc.constantFrom('2002-02-30T10:00:00Z', 'tomorrow', '2002-09-25T18:00:00')),
);
const version: fc.Arbitrary<Version> = fc.oneof(
  weighted(4, fc.constant('current' as const)),
  weighted(1, fc.integer({ min: 0, max: 4 })),
);
const words = fc.oneof(weighted(4, fc.constant('We cannot join consensus.')), weighted(1, fc.constantFrom('', '  ')));
const zone = fc.oneof(
  weighted(6, fc.constantFrom('Europe/Warsaw', 'UTC', 'America/New_York')),
  weighted(1, fc.constant('Mars/Olympus')),
);
const byMember = <K extends 'placeReservation' | 'breakSilence' | 'liftReservation'>(kind: K) =>
  fc.constantFrom(...MEMBERS).chain((member) =>
    fc.record({
      kind: fc.constant(kind),
      actor: actorOr(headOf(member)),
      member: fc.constant(member),
      text: words,
      timing,
    }),
  );

const step: fc.Arbitrary<Step> = fc.oneof(
  weighted(2, fc.record({ kind: fc.constant('newVersion' as const), actor: actorOr(secretariat), timing })),
  weighted(3, fc.record({ kind: fc.constant('deadlineReached' as const), timing })),
  weighted(2, byMember('placeReservation')),
  weighted(3, byMember('liftReservation')),
  weighted(5, byMember('breakSilence')),
  weighted(
    5,
    fc.record({
      kind: fc.constant('openSilence' as const),
      actor: actorOr(chair),
      version,
      deadline,
      timeZone: zone,
      timing,
    }),
  ),
  weighted(3, fc.record({ kind: fc.constant('extendDeadline' as const), actor: actorOr(chair), deadline, timing })),
  weighted(
    1,
    fc.record({
      kind: fc.constant('recordAgreedAtMeeting' as const),
      actor: actorOr(chair),
      version,
      meetingId: fc.constantFrom('mtg-1', ' '),
      timing,
    }),
  ),
);

/** Turns a generated step into an event, placing its times relative to the clock or the deadline in force. */
function toEvent(s: Step, state: TextState, clock: number): ProcedureEvent {
  const anchor = s.timing.anchor === 'deadline' && state.procedure ? Date.parse(state.procedure.deadline) : clock;
  const atMs = anchor + s.timing.minutes * MINUTE;
  const at = s.timing.anchor === 'invalid' ? 'not-a-time' : new Date(atMs).toISOString();
  const later = (d: Deadline) => (typeof d === 'string' ? d : new Date(atMs + d * MINUTE).toISOString());
  const v = (x: Version) => (x === 'current' ? state.currentVersion : x);
  switch (s.kind) {
    case 'deadlineReached':
      return { type: 'deadlineReached', at };
    case 'newVersion':
      return { type: 'newVersion', actor: s.actor, at };
    case 'placeReservation':
      return { type: 'placeReservation', actor: s.actor, at, member: s.member, reason: s.text };
    case 'breakSilence':
      return { type: 'breakSilence', actor: s.actor, at, member: s.member, statement: s.text };
    case 'liftReservation':
      return { type: 'liftReservation', actor: s.actor, at, member: s.member };
    case 'openSilence':
      return {
        type: 'openSilence',
        actor: s.actor,
        at,
        version: v(s.version),
        deadline: later(s.deadline),
        timeZone: s.timeZone,
      };
    case 'extendDeadline':
      return { type: 'extendDeadline', actor: s.actor, at, deadline: later(s.deadline) };
    case 'recordAgreedAtMeeting':
      return { type: 'recordAgreedAtMeeting', actor: s.actor, at, version: v(s.version), meetingId: s.meetingId };
  }
}

const ms = (instant: string) => Date.parse(instant);

/** The invariants every reachable state keeps. */
function checkState(state: TextState): void {
  const { procedure, history, adoption } = state;
  assert.equal(state.status === 'under_silence', procedure !== null && procedure.outcome === null);
  assert.equal(state.status === 'adopted', adoption !== null);
  history.forEach((record, i) => {
    assert.equal(record.sequence, i + 1);
    assert.notEqual(record.outcome, null);
    if (record.outcome === 'failed') {
      assert.ok(record.brokenBy && ms(record.brokenBy.at) < ms(record.deadline), 'broken before its deadline');
      assert.equal(record.closedAt, record.brokenBy.at);
    } else {
      assert.equal(record.brokenBy, undefined);
      assert.equal(record.closedAt, record.deadline);
      assert.equal(i, history.length - 1, 'nothing follows an adoption');
    }
    record.extensions.forEach((x, j) => {
      assert.ok(ms(x.at) < ms(x.from) && ms(x.from) < ms(x.to), 'extended before it passed, to a later time');
      assert.equal(x.to, record.extensions[j + 1]?.from ?? record.deadline);
    });
  });
  if (procedure !== null && procedure.outcome === null) {
    assert.equal(procedure.sequence, history.length + 1);
    assert.equal(procedure.version, state.currentVersion, 'the version under silence is not edited');
  }
  if (procedure !== null && procedure.outcome !== null) assert.deepEqual(history.at(-1), procedure);
  for (const member of Object.keys(state.reservations)) assert.ok(state.formatMembers.includes(member));
  for (const { brokenBy } of history) {
    assert.ok(brokenBy === undefined || state.formatMembers.includes(brokenBy.member));
  }
  if (state.status !== 'drafting') {
    assert.deepEqual(state.reservations, {}, 'no reservation stands under silence or after adoption');
  }
  if (adoption?.how === 'silence') {
    assert.ok(procedure !== null);
    assert.equal(procedure.outcome, 'adopted');
    assert.equal(adoption.at, procedure.deadline, 'adopted at the deadline in force');
    assert.equal(adoption.procedure, procedure.sequence);
    assert.equal(adoption.version, procedure.version);
    assert.ok(ms(adoption.recordedAt) >= ms(adoption.at));
  }
  if (adoption?.how === 'meeting') assert.ok(history.every((r) => r.outcome === 'failed'));
}

// On an adopted text: TEXT_ADOPTED, or a refusal checked before it (a bad `at`, or who is acting).
const CODES_AFTER_ADOPTION = new Set<ProcedureErrorCode>([
  'TEXT_ADOPTED',
  'INVALID_INSTANT',
  'NOT_CHAIR',
  'NOT_DRAFTER',
  'NOT_HEAD_OF_DELEGATION',
  'NOT_YOUR_MEMBER',
  'MEMBER_NOT_IN_FORMAT',
]);

const seen = { adoptedBySilence: 0, adoptedLate: 0, adoptedAtMeeting: 0, failed: 0, extended: 0, refused: 0 };

/** Runs the steps; checks each transition and the state after it. Returns the final state and clock. */
function run(steps: readonly Step[]): { state: TextState; clock: number } {
  let state = newText();
  let clock = START;
  const closed = new Map<number, ProcedureRecord>();
  const brokenIn = new Set<number>();
  let adopted: TextState | null = null;
  let adoptions = 0;
  for (const s of steps) {
    const event = toEvent(s, state, clock);
    const before = structuredClone(state);
    const result = transition(state, event);
    assert.deepEqual(guardTransition(state, event), result.ok ? null : result.error, 'guard agrees');
    assert.deepEqual(state, before, 'the input state is never changed');
    if (event.type === 'deadlineReached') assert.equal(isDeadlineDue(state, event.at), result.ok);
    if (!Number.isNaN(ms(event.at))) clock = ms(event.at);
    if (adopted !== null) {
      assert.ok(!result.ok, `${event.type} was accepted after adoption`);
      assert.ok(CODES_AFTER_ADOPTION.has(result.error.code), result.error.code);
    }
    if (!result.ok) {
      seen.refused++;
      continue;
    }
    checkAuthorized(event, state.formatMembers);
    state = deepFreeze(result.state);
    for (const effect of result.effects) {
      if (effect.type === 'silence_broken') brokenIn.add(effect.procedure);
      if (effect.type === 'deadline_extended') seen.extended++;
      if (effect.type === 'failed') seen.failed++;
      if (effect.type === 'adopted') adoptions++;
    }
    checkState(state);
    for (const record of state.history) {
      const earlier = closed.get(record.sequence);
      if (earlier) assert.deepEqual(record, earlier, 'a closed procedure never changes');
      else closed.set(record.sequence, record);
    }
    assert.equal(closed.size, state.history.length, 'no closed procedure disappears');
    if (state.adoption?.how === 'silence') {
      assert.ok(!brokenIn.has(state.adoption.procedure ?? -1), 'an adopted procedure was never broken');
    }
    assert.ok(adoptions <= 1, 'adopted at most once');
    if (state.adoption !== null) adopted = state;
  }
  if (adopted !== null) {
    assert.deepEqual(state, adopted, 'nothing changed the adopted text');
    if (adopted.adoption?.how === 'meeting') seen.adoptedAtMeeting++;
    else seen.adoptedBySilence++;
    if (adopted.adoption && adopted.adoption.recordedAt !== adopted.adoption.at) seen.adoptedLate++;
  }
  return { state, clock };
}

/** Accepted events came from someone allowed to send them. */
function checkAuthorized(event: ProcedureEvent, format: readonly string[]): void {
  switch (event.type) {
    case 'deadlineReached':
      return;
    case 'newVersion':
      return assert.ok(['secretariat', 'chair'].includes(event.actor.role));
    case 'openSilence':
    case 'extendDeadline':
    case 'recordAgreedAtMeeting':
      return assert.equal(event.actor.role, 'chair');
    default: {
      const { actor, member } = event;
      assert.ok(actor.role === 'delegate' && actor.headOfDelegation && actor.member === member);
      assert.ok(format.includes(member), `${member} acted on a text outside its format`);
    }
  }
}

describe('silence procedure properties', () => {
  test('random event sequences keep every invariant', () => {
    const sequences = fc.array(step, { minLength: 1, maxLength: 40, size: 'max' });
    fc.assert(
      fc.property(sequences, (steps) => void run(steps)),
      { numRuns: 300 },
    );
    // The generator must actually reach the interesting states, or the properties above prove little.
    for (const [what, count] of Object.entries(seen)) assert.ok(count > 0, `no run reached: ${what}`);
  });

  test('a text left under silence is adopted exactly once, at its deadline, however late the signals', () => {
    const sequences = fc.array(step, { maxLength: 30, size: 'max' });
    const delays = fc.array(fc.integer({ min: 0, max: 10 * 24 * 60 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(sequences, delays, (steps, lateBy) => {
        const { state } = run(steps);
        const open = state.status === 'under_silence' ? state.procedure : null;
        fc.pre(open !== null);
        const signal = (minutes: number): ProcedureEvent => ({
          type: 'deadlineReached',
          at: new Date(ms(open.deadline) + minutes * MINUTE).toISOString(),
        });
        // Servers deciding concurrently from the same stored state all reach the same adoption...
        for (const minutes of lateBy) {
          const result = transition(state, signal(minutes));
          assert.ok(result.ok);
          assert.equal(result.state.adoption?.at, open.deadline);
        }
        // ...and applied one after another (the store re-runs the guard in its transaction), only one adopts.
        let current = state;
        let adoptions = 0;
        for (const minutes of lateBy) {
          const result = transition(current, signal(minutes));
          if (result.ok) {
            adoptions++;
            current = result.state;
          } else {
            assert.equal(result.error.code, 'TEXT_ADOPTED');
          }
        }
        assert.equal(adoptions, 1);
        assert.equal(current.adoption?.at, open.deadline);
      }),
      { numRuns: 300 },
    );
  });
});
