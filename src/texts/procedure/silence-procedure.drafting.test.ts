// Unit tests of the drafting side of the procedure (versions, reservations, agreement at a meeting), of
// instant parsing and of the error catalogue; silence itself is in silence-procedure.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FORMAT,
  OUTSIDER,
  T1,
  TEXT_ID,
  accepted,
  admin,
  auditor,
  chair,
  deepFreeze,
  delegateOf,
  ev,
  headOf,
  newText,
  refused,
  secretariat,
  states,
} from './procedure-fixtures.ts';
import { isValidTimeZone, normalizeInstant } from '../../kernel/time/instants.ts';
import { PROCEDURE_ERROR_HTTP_STATUS } from './procedure-errors.ts';
import { initialTextState } from './silence-procedure.ts';
import { PROCEDURE_ERROR_CODES } from './types.ts';
import type { ProcedureEvent } from './types.ts';

describe('initialTextState', () => {
  test('starts in drafting at version 1 with nothing pending', () => {
    assert.deepEqual(initialTextState({ textId: 't', formatMembers: ['FR'] }), {
      textId: 't',
      formatMembers: ['FR'],
      status: 'drafting',
      currentVersion: 1,
      reservations: {},
      procedure: null,
      history: [],
      adoption: null,
    });
  });
  test('rejects an empty id, an empty or repeating format and a version below 1', () => {
    assert.throws(() => initialTextState({ textId: ' ', formatMembers: ['FR'] }), TypeError);
    assert.throws(() => initialTextState({ textId: 't', formatMembers: [] }), TypeError);
    assert.throws(() => initialTextState({ textId: 't', formatMembers: ['FR', 'FR'] }), TypeError);
    assert.throws(() => initialTextState({ textId: 't', formatMembers: ['FR'], currentVersion: 0 }), RangeError);
  });
});

describe('newVersion', () => {
  test('the secretariat or the chair adds the next version', () => {
    const { state, effects } = accepted(newText(), ev.newVersion());
    assert.equal(state.currentVersion, 2);
    assert.deepEqual(effects, [{ type: 'version_created', textId: state.textId, at: T1, version: 2, by: 'u-sec' }]);
    assert.equal(accepted(state, ev.newVersion({ actor: chair })).state.currentVersion, 3);
  });
  test('delegates, admins and auditors may not edit the draft', () => {
    for (const actor of [headOf('FR'), delegateOf('FR'), admin, auditor]) {
      refused(newText(), ev.newVersion({ actor }), 'NOT_DRAFTER');
    }
  });
  test('an unparsable time is refused', () => {
    refused(newText(), ev.newVersion({ at: 'yesterday' }), 'INVALID_INSTANT');
    refused(newText(), ev.newVersion({ at: '2002-09-25T10:00:00' }), 'INVALID_INSTANT');
  });
});

describe('reservations', () => {
  test('a head of delegation places and lifts a reservation for their own member', () => {
    const placed = accepted(newText(), ev.place('FR'));
    const reason = 'Paragraph 3 needs capitals.';
    assert.deepEqual(placed.state.reservations, { FR: { reason, placedAt: T1, placedBy: 'u-hod-FR' } });
    assert.deepEqual(placed.effects, [
      { type: 'reservation_placed', textId: TEXT_ID, at: T1, member: 'FR', reason, by: 'u-hod-FR' },
    ]);
    const lifted = accepted(placed.state, ev.lift('FR'));
    assert.deepEqual(lifted.state.reservations, {});
    assert.deepEqual(lifted.effects, [
      { type: 'reservation_lifted', textId: TEXT_ID, at: T1, member: 'FR', by: 'u-hod-FR' },
    ]);
  });
  test('only the head of delegation, for their own member, of a member in the format', () => {
    const secretariatFlaggedAsHead = { ...secretariat, member: 'FR', headOfDelegation: true };
    for (const actor of [delegateOf('FR'), chair, secretariat, secretariatFlaggedAsHead]) {
      refused(newText(), ev.place('FR', { actor }), 'NOT_HEAD_OF_DELEGATION');
      refused(states.reserved(), ev.lift('FR', { actor }), 'NOT_HEAD_OF_DELEGATION');
    }
    refused(newText(), ev.place('RU', { actor: headOf('FR') }), 'NOT_YOUR_MEMBER');
    refused(states.reserved(), ev.lift('FR', { actor: headOf('RU') }), 'NOT_YOUR_MEMBER');
    refused(newText(), ev.place(OUTSIDER), 'MEMBER_NOT_IN_FORMAT');
    refused(newText(), ev.lift(OUTSIDER), 'MEMBER_NOT_IN_FORMAT');
  });
  test('a reservation needs a reason', () => {
    refused(newText(), ev.place('FR', { reason: '  ' }), 'EMPTY_REASON');
  });
  test('member codes that are also object keys are handled as plain codes', () => {
    const text = deepFreeze(initialTextState({ textId: 't', formatMembers: ['constructor', 'toString'] }));
    refused(text, ev.lift('toString'), 'NO_RESERVATION');
    const placed = accepted(text, ev.place('constructor')).state;
    assert.deepEqual(Object.keys(placed.reservations), ['constructor']);
    refused(placed, ev.open({ at: T1 }), 'RESERVATIONS_STAND');
  });
});

describe('recordAgreedAtMeeting', () => {
  test('the chair records a version agreed at a meeting: the text is adopted', () => {
    const { state, effects } = accepted(newText(2), ev.agree({ version: 1 }));
    const meetingId = 'mtg-warsaw-2002-09-25';
    assert.deepEqual(state.adoption, { version: 1, at: T1, how: 'meeting', recordedAt: T1, meetingId });
    assert.deepEqual(effects, [
      {
        type: 'adopted',
        textId: TEXT_ID,
        version: 1,
        at: T1,
        how: 'meeting',
        recordedAt: T1,
        meetingId,
        by: 'u-chair',
      },
    ]);
  });
  test('only the chair, for an existing version, naming the meeting', () => {
    for (const actor of [secretariat, headOf('FR'), auditor]) refused(newText(), ev.agree({ actor }), 'NOT_CHAIR');
    refused(newText(), ev.agree({ version: 2 }), 'UNKNOWN_VERSION');
    refused(newText(), ev.agree({ meetingId: ' ' }), 'INVALID_MEETING_ID');
  });
});

describe('error catalogue', () => {
  test('every code has an HTTP status, and an unknown event is refused with a code', () => {
    assert.deepEqual(Object.keys(PROCEDURE_ERROR_HTTP_STATUS).sort(), [...PROCEDURE_ERROR_CODES].sort());
    refused(newText(), { type: 'vote', at: T1 } as unknown as ProcedureEvent, 'UNKNOWN_EVENT');
  });
  test('the format list is not leaked into refusals of outsiders', () => {
    const error = refused(newText(), ev.place(OUTSIDER), 'MEMBER_NOT_IN_FORMAT');
    for (const member of FORMAT) assert.doesNotMatch(error.message, new RegExp(`\\b${member}\\b`));
  });
});

describe('instants and time zones', () => {
  test('ISO-8601 instants with an offset are normalised to UTC', () => {
    const cases: Array<[string, string]> = [
      ['2002-09-25T18:00:00+02:00', '2002-09-25T16:00:00.000Z'],
      ['2002-09-25T16:00Z', '2002-09-25T16:00:00.000Z'],
      ['2002-09-25T16:00:00-05:30', '2002-09-25T21:30:00.000Z'],
      ['2002-09-25T16:00:00.123456Z', '2002-09-25T16:00:00.123Z'],
      ['2004-02-29T00:00:00Z', '2004-02-29T00:00:00.000Z'],
      ['0050-01-01T00:00:00Z', '0050-01-01T00:00:00.000Z'],
    ];
    for (const [input, expected] of cases) assert.equal(normalizeInstant(input), expected, input);
  });
  test('anything ambiguous or impossible is rejected rather than guessed', () => {
    const rejected = [
      '2003-02-29T00:00:00Z',
      '2002-09-25T16:00:00',
      '2002-09-25',
      '2002-09-25T16:60:00Z',
      '2002-09-25T24:00:00Z',
      '2002-09-25T16:00:00+24:00',
      ' 2002-09-25T16:00:00Z',
      'Wed, 25 Sep 2002 16:00:00 GMT',
      123,
      undefined,
    ];
    for (const input of rejected) assert.equal(normalizeInstant(input), null, String(input));
  });
  test('time zones must be IANA names', () => {
    for (const zone of ['Europe/Warsaw', 'UTC', 'America/Argentina/Buenos_Aires']) {
      assert.equal(isValidTimeZone(zone), true, zone);
    }
    for (const zone of ['+02:00', '', 'Mars/Olympus', 42]) assert.equal(isValidTimeZone(zone), false, String(zone));
  });
});
