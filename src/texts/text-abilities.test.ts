import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../kernel/access/can.ts';
import type { Text } from './model.ts';
import { initialTextState, transition } from './procedure/silence-procedure.ts';
import type { TextState } from './procedure/types.ts';
import { textAbilities } from './text-abilities.ts';

const NOW = new Date('2002-09-20T10:00:00Z');
const user = (roles: ('chair' | 'secretariat' | 'delegate')[], member: string | null, hod = false): Actor => ({
  kind: 'user',
  id: `u-${roles[0]}-${member}`,
  roles,
  member,
  headOfDelegation: hod,
  clearance: 'SECRET',
});
const chair = user(['chair'], null);
const secretariat = user(['secretariat'], null);
const headRus = user(['delegate'], 'RUS', true);
const delegatePol = user(['delegate'], 'POL');
const text = (state: TextState, kind: Text['kind'] = 'statement'): Text => ({
  id: 't',
  bodyCode: 'nrc',
  formatCode: 'nrc-20',
  kind,
  title: 'T',
  language: 'en',
  languageGroupId: 't',
  state,
  rowVersion: 1,
  deadlineAt: null,
  createdBy: 'x',
  createdAt: '',
  updatedAt: '',
});
const drafting = initialTextState({ textId: 't', formatMembers: ['POL', 'RUS', 'USA'] });
const underSilence = (() => {
  const r = transition(drafting, {
    type: 'openSilence',
    actor: { userId: 'c', role: 'chair', member: null, headOfDelegation: false },
    version: 1,
    deadline: '2002-09-27T10:00:00Z',
    timeZone: 'Europe/Brussels',
    at: '2002-09-19T10:00:00Z',
  });
  assert.ok(r.ok);
  return r.state;
})();

test('in drafting: the chair opens silence and records agreement, the secretariat drafts, a head of delegation reserves', () => {
  assert.equal(textAbilities(chair, text(drafting), null, NOW).openSilence, true);
  assert.equal(textAbilities(chair, text(drafting), null, NOW).recordAgreement, true);
  assert.equal(textAbilities(secretariat, text(drafting), null, NOW).openSilence, false);
  assert.equal(textAbilities(secretariat, text(drafting), null, NOW).newVersion, true);
  const rus = textAbilities(headRus, text(drafting), null, NOW);
  assert.deepEqual(
    [rus.placeReservation, rus.liftReservation, rus.breakSilence, rus.newVersion, rus.takePosition],
    [true, false, false, false, true],
  );
  const pol = textAbilities(delegatePol, text(drafting), null, NOW);
  assert.deepEqual(
    [pol.placeReservation, pol.takePosition],
    [false, true],
    'a delegate who is not head of delegation comments but does not reserve',
  );
});

test('under silence: heads of delegation may break it, the chair may extend, nobody drafts', () => {
  assert.equal(textAbilities(headRus, text(underSilence), null, NOW).breakSilence, true);
  assert.equal(textAbilities(chair, text(underSilence), null, NOW).extendDeadline, true);
  assert.equal(textAbilities(secretariat, text(underSilence), null, NOW).newVersion, false);
  assert.equal(
    textAbilities(headRus, text(underSilence), null, new Date('2002-09-27T10:00:00Z')).breakSilence,
    false,
    'not at the deadline',
  );
});
