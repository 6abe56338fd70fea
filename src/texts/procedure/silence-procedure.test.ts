import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BREAK_AT,
  DEADLINE,
  OPEN_AT,
  OUTSIDER,
  T1,
  TEXT_ID,
  accepted,
  admin,
  applyAll,
  auditor,
  chair,
  delegateOf,
  ev,
  headOf,
  minutesAfter,
  newText,
  refused,
  secretariat,
  states,
} from './procedure-fixtures.ts';
import type { StateName } from './procedure-fixtures.ts';
import { isDeadlineDue } from './silence-procedure.ts';
import type { ProcedureErrorCode, ProcedureEvent } from './types.ts';

describe('every event in every state', () => {
  type Outcome = ProcedureErrorCode | 'ok';
  const columns: readonly StateName[] = [
    'drafting',
    'reserved',
    'underSilence',
    'failed',
    'adoptedBySilence',
    'adoptedAtMeeting',
  ];
  const A = 'TEXT_ADOPTED';
  const NUS = 'NOT_UNDER_SILENCE';
  const VUS = 'VERSION_UNDER_SILENCE';
  // One row per event, one column per state (in the order of `columns`).
  const matrix: Array<[ProcedureEvent, ...Outcome[]]> = [
    [ev.newVersion(), 'ok', 'ok', VUS, 'ok', A, A],
    [ev.place('FR'), 'ok', 'ALREADY_RESERVED', VUS, 'ok', A, A],
    [ev.lift('FR'), 'NO_RESERVATION', 'ok', 'NO_RESERVATION', 'NO_RESERVATION', A, A],
    [ev.open({ at: T1 }), 'ok', 'RESERVATIONS_STAND', 'ALREADY_UNDER_SILENCE', 'ok', A, A],
    [ev.extend('2002-09-26T16:00:00Z'), NUS, NUS, 'ok', NUS, A, A],
    [ev.brk('RU'), NUS, NUS, 'ok', 'ALREADY_BROKEN', A, A],
    [ev.due(), NUS, NUS, 'ok', NUS, A, A],
    [ev.agree(), 'ok', 'RESERVATIONS_STAND', VUS, 'ok', A, A],
  ];
  for (const [event, ...outcomes] of matrix) {
    columns.forEach((stateName, i) => {
      const outcome = outcomes[i] ?? assert.fail('matrix row too short');
      test(`${event.type} in ${stateName}: ${outcome === 'ok' ? 'accepted' : `refused with ${outcome}`}`, () => {
        const state = states[stateName]();
        if (outcome === 'ok') accepted(state, event);
        else refused(state, event, outcome);
      });
    });
  }
});

describe('openSilence', () => {
  test('the chair puts the current version under silence; the deadline is kept in UTC with its zone', () => {
    const { state, effects } = accepted(newText(), ev.open());
    assert.equal(state.status, 'under_silence');
    assert.deepEqual(state.procedure, {
      sequence: 1,
      version: 1,
      openedAt: OPEN_AT,
      openedBy: 'u-chair',
      deadline: DEADLINE,
      timeZone: 'Europe/Warsaw',
      extensions: [],
      outcome: null,
      closedAt: null,
    });
    assert.deepEqual(effects, [
      {
        type: 'silence_opened',
        textId: TEXT_ID,
        at: OPEN_AT,
        procedure: 1,
        version: 1,
        deadline: DEADLINE,
        timeZone: 'Europe/Warsaw',
        by: 'u-chair',
      },
    ]);
  });
  test('only the chair may open silence', () => {
    for (const actor of [secretariat, admin, auditor, headOf('FR')]) {
      refused(newText(), ev.open({ actor }), 'NOT_CHAIR');
    }
  });
  test('standing reservations block it and the error names every member holding one', () => {
    const state = applyAll(states.reserved(), [ev.place('US', { at: OPEN_AT })]).state;
    const error = refused(state, ev.open({ at: T1 }), 'RESERVATIONS_STAND');
    assert.deepEqual(error.details, { members: ['FR', 'US'] });
    assert.match(error.message, /FR, US/);
  });
  test('the version must exist and be the current one', () => {
    for (const version of [0, 2, 1.5, -1]) refused(newText(), ev.open({ version }), 'UNKNOWN_VERSION');
    refused(newText(2), ev.open({ version: 1 }), 'NOT_CURRENT_VERSION');
    accepted(newText(2), ev.open({ version: 2 }));
  });
  test('the deadline must be a real instant with an offset, in the future', () => {
    const malformed = ['tomorrow', '2002-02-30T10:00:00Z', '2002-09-25T18:00:00', '2002-09-25', '2002-09-25T24:00:00Z'];
    for (const deadline of malformed) {
      refused(newText(), ev.open({ deadline }), 'INVALID_INSTANT');
    }
    refused(newText(), ev.open({ deadline: OPEN_AT }), 'DEADLINE_IN_PAST');
    refused(newText(), ev.open({ deadline: minutesAfter(OPEN_AT, -1) }), 'DEADLINE_IN_PAST');
  });
  test('the time zone must be an IANA zone name', () => {
    for (const timeZone of ['Mars/Olympus', '', '+02:00', 'Europe/Nowhere']) {
      refused(newText(), ev.open({ timeZone }), 'INVALID_TIME_ZONE');
    }
    const { state } = accepted(newText(), ev.open({ timeZone: 'America/New_York' }));
    assert.equal(state.procedure?.timeZone, 'America/New_York');
  });
  test('after a failure a new procedure opens with the next number; the failed one stays in history', () => {
    const failed = states.failed();
    const { state } = accepted(failed, ev.open({ at: T1, deadline: '2002-09-26T16:00:00Z' }));
    assert.equal(state.procedure?.sequence, 2);
    assert.equal(state.history.length, 1);
    assert.deepEqual(state.history[0], failed.procedure);
  });
});

describe('extendDeadline', () => {
  test('the chair moves the deadline later before it passes, and each extension is recorded', () => {
    const first = accepted(states.underSilence(), ev.extend('2002-09-26T16:00:00Z'));
    const second = accepted(first.state, ev.extend('2002-09-27T12:00:00+02:00', { at: minutesAfter(T1, 60) }));
    assert.equal(second.state.procedure?.deadline, '2002-09-27T10:00:00.000Z');
    assert.deepEqual(second.state.procedure?.extensions, [
      { from: DEADLINE, to: '2002-09-26T16:00:00.000Z', at: T1, by: 'u-chair' },
      {
        from: '2002-09-26T16:00:00.000Z',
        to: '2002-09-27T10:00:00.000Z',
        at: '2002-09-25T11:00:00.000Z',
        by: 'u-chair',
      },
    ]);
    assert.deepEqual(first.effects, [
      {
        type: 'deadline_extended',
        textId: TEXT_ID,
        at: T1,
        procedure: 1,
        version: 1,
        from: DEADLINE,
        to: '2002-09-26T16:00:00.000Z',
        timeZone: 'Europe/Warsaw',
        by: 'u-chair',
      },
    ]);
  });
  test('refused once the deadline has passed, even by a millisecond', () => {
    refused(states.underSilence(), ev.extend('2002-09-26T16:00:00Z', { at: DEADLINE }), 'DEADLINE_PASSED');
    const justAfter = '2002-09-25T16:00:00.001Z';
    refused(states.underSilence(), ev.extend('2002-09-26T16:00:00Z', { at: justAfter }), 'DEADLINE_PASSED');
  });
  test('the new deadline must be later than the current one and than now', () => {
    refused(states.underSilence(), ev.extend(DEADLINE), 'DEADLINE_NOT_LATER');
    refused(states.underSilence(), ev.extend('2002-09-25T12:00:00Z'), 'DEADLINE_NOT_LATER');
    refused(states.underSilence(), ev.extend('2002-09-25T09:00:00Z'), 'DEADLINE_IN_PAST');
    refused(states.underSilence(), ev.extend('next week'), 'INVALID_INSTANT');
  });
  test('only the chair may extend', () => {
    for (const actor of [secretariat, headOf('FR'), admin]) {
      refused(states.underSilence(), ev.extend('2002-09-26T16:00:00Z', { actor }), 'NOT_CHAIR');
    }
  });
});

describe('breakSilence', () => {
  test('a head of delegation in the format breaks silence before the deadline: the procedure fails', () => {
    const { state, effects } = accepted(states.underSilence(), ev.brk('RU'));
    const brokenBy = { member: 'RU', statement: 'We cannot join consensus.', at: T1, by: 'u-hod-RU' };
    assert.equal(state.status, 'drafting');
    const opened = states.underSilence().procedure;
    assert.deepEqual(state.procedure, { ...opened, outcome: 'failed', closedAt: T1, brokenBy });
    assert.deepEqual(state.history, [state.procedure]);
    assert.equal(state.adoption, null);
    assert.deepEqual(effects, [
      {
        type: 'silence_broken',
        textId: TEXT_ID,
        at: T1,
        procedure: 1,
        version: 1,
        member: 'RU',
        statement: 'We cannot join consensus.',
        by: 'u-hod-RU',
      },
      { type: 'failed', textId: TEXT_ID, at: T1, procedure: 1, version: 1 },
    ]);
  });
  test('refused at or after the deadline', () => {
    refused(states.underSilence(), ev.brk('RU', { at: DEADLINE }), 'DEADLINE_PASSED');
    refused(states.underSilence(), ev.brk('RU', { at: minutesAfter(DEADLINE, 3 * 24 * 60) }), 'DEADLINE_PASSED');
  });
  test('an extension reopens the window up to the new deadline', () => {
    const extended = accepted(states.underSilence(), ev.extend('2002-09-26T16:00:00Z')).state;
    accepted(extended, ev.brk('US', { at: minutesAfter(DEADLINE, 60) }));
  });
  test('refused for another member, by anyone but a head of delegation, for a member outside the format', () => {
    const s = states.underSilence();
    refused(s, ev.brk('RU', { actor: headOf('FR') }), 'NOT_YOUR_MEMBER');
    for (const actor of [delegateOf('RU'), chair, secretariat, { ...chair, member: 'RU', headOfDelegation: true }]) {
      refused(s, ev.brk('RU', { actor }), 'NOT_HEAD_OF_DELEGATION');
    }
    refused(s, ev.brk(OUTSIDER), 'MEMBER_NOT_IN_FORMAT');
  });
  test('needs a statement', () => {
    for (const statement of ['', ' \n\t']) {
      refused(states.underSilence(), ev.brk('RU', { statement }), 'EMPTY_STATEMENT');
    }
  });
  test('breaking twice is refused and names who broke it first', () => {
    const error = refused(states.failed(), ev.brk('FR'), 'ALREADY_BROKEN');
    assert.deepEqual(error.details, { member: 'RU', at: BREAK_AT });
  });
});

describe('deadlineReached', () => {
  test('adopts at the deadline exactly', () => {
    const { state, effects } = accepted(states.underSilence(), ev.due(DEADLINE));
    assert.equal(state.status, 'adopted');
    assert.deepEqual(state.adoption, { version: 1, at: DEADLINE, how: 'silence', recordedAt: DEADLINE, procedure: 1 });
    assert.deepEqual(state.procedure, { ...states.underSilence().procedure, outcome: 'adopted', closedAt: DEADLINE });
    assert.deepEqual(state.history, [state.procedure]);
    assert.deepEqual(effects, [
      {
        type: 'adopted',
        textId: TEXT_ID,
        version: 1,
        at: DEADLINE,
        how: 'silence',
        recordedAt: DEADLINE,
        procedure: 1,
        by: null,
      },
    ]);
  });
  test('recorded days late (server down), the adoption time is still the deadline', () => {
    const late = minutesAfter(DEADLINE, 3 * 24 * 60 + 17);
    const { state } = accepted(states.underSilence(), ev.due(late));
    assert.equal(state.adoption?.at, DEADLINE);
    assert.equal(state.adoption?.recordedAt, late);
    assert.equal(state.procedure?.closedAt, DEADLINE);
  });
  test('after extensions, the adoption time is the deadline in force', () => {
    const extended = applyAll(states.underSilence(), [ev.extend('2002-09-26T16:00:00Z')]).state;
    refused(extended, ev.due(DEADLINE), 'DEADLINE_NOT_REACHED');
    assert.equal(accepted(extended, ev.due('2002-09-30T00:00:00Z')).state.adoption?.at, '2002-09-26T16:00:00.000Z');
  });
  test('refused before the deadline', () => {
    refused(states.underSilence(), ev.due('2002-09-25T15:59:59.999Z'), 'DEADLINE_NOT_REACHED');
  });
  test('adopts exactly once: a second server sending it again is refused and changes nothing', () => {
    const adopted = states.adoptedBySilence();
    refused(adopted, ev.due(minutesAfter(DEADLINE, 1)), 'TEXT_ADOPTED');
    refused(adopted, ev.due(DEADLINE), 'TEXT_ADOPTED');
  });
  test('an unparsable time is refused', () => {
    refused(states.underSilence(), ev.due('soon'), 'INVALID_INSTANT');
  });
});

describe('a closed text', () => {
  test('nothing changes an adopted text, whoever sends what', () => {
    for (const adopted of [states.adoptedBySilence(), states.adoptedAtMeeting()]) {
      const events = [
        ev.newVersion(),
        ev.place('FR'),
        ev.lift('FR'),
        ev.open({ at: T1 }),
        ev.extend('2002-09-30T00:00:00Z'),
        ev.brk('RU'),
        ev.due(),
        ev.agree(),
      ];
      for (const event of events) {
        refused(adopted, event, 'TEXT_ADOPTED');
      }
    }
  });
  test('authorization is checked before the closed state, so outsiders learn nothing', () => {
    refused(states.adoptedBySilence(), ev.brk(OUTSIDER), 'MEMBER_NOT_IN_FORMAT');
    refused(states.adoptedBySilence(), ev.open({ actor: headOf('FR') }), 'NOT_CHAIR');
  });
});

describe('isDeadlineDue', () => {
  test('true from the deadline on while under silence, false otherwise', () => {
    const s = states.underSilence();
    assert.equal(isDeadlineDue(s, '2002-09-25T15:59:59.999Z'), false);
    assert.equal(isDeadlineDue(s, DEADLINE), true);
    assert.equal(isDeadlineDue(s, '2002-09-28T00:00:00Z'), true);
    assert.equal(isDeadlineDue(s, 'not a time'), false);
    for (const other of [states.drafting(), states.failed(), states.adoptedBySilence()]) {
      assert.equal(isDeadlineDue(other, DEADLINE), false);
    }
  });
});
