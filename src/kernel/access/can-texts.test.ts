// Need-to-know and rights on draft texts and decisions (issue 5): the format rule, drafting by the
// secretariat and the chair, positions by delegates of members of the format, release by the secretariat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Role } from './can.ts';

const allies = ['BEL', 'POL', 'USA'];
const at20 = [...allies, 'RUS'];
const user = (roles: Role[], member: string | null, headOfDelegation = false): Actor => ({
  kind: 'user',
  id: 'u',
  roles,
  member,
  headOfDelegation,
  clearance: 'UNCLASSIFIED',
});
const rus = user(['delegate'], 'RUS', true);
const pol = user(['delegate'], 'POL');
const secretariat = user(['secretariat'], null);
const chair = user(['chair'], null);
const auditor = user(['auditor'], null);
const publicActor: Actor = { kind: 'public' };
const text = (formatMembers: string[], part: 'draft' | 'position' = 'draft') => ({
  type: 'text' as const,
  formatMembers,
  part,
});
const decision = (formatMembers: string[], part: 'register' | 'release' = 'register') => ({
  type: 'decision' as const,
  formatMembers,
  part,
});

test('a text at 19 is read by Allies and staff, never by Russia or the public', () => {
  assert.equal(can(rus, 'read', text(allies)), false);
  assert.equal(can(publicActor, 'read', text(allies)), false);
  assert.equal(can(pol, 'read', text(allies)), true);
  for (const staff of [
    secretariat,
    chair,
    auditor,
    { kind: 'admin-token' } as Actor,
    { kind: 'system', name: 'deadlines' } as Actor,
  ]) {
    assert.equal(can(staff, 'read', text(allies)), true);
  }
});

test('texts are never public, even at 20; a delegate without a member reads nothing', () => {
  assert.equal(can(publicActor, 'read', text(at20)), false);
  assert.equal(can(user(['delegate'], null), 'read', text(at20)), false);
  assert.equal(can(rus, 'read', text(at20)), true);
});

test('drafting is for the secretariat, the chair and the machine; not for delegates, auditors or the public', () => {
  for (const action of ['create', 'update'] as const) {
    assert.equal(can(secretariat, action, text(at20)), true);
    assert.equal(can(chair, action, text(at20)), true);
    assert.equal(can({ kind: 'admin-token' }, action, text(at20)), true);
    assert.equal(can(rus, action, text(at20)), false);
    assert.equal(can(auditor, action, text(at20)), false);
    assert.equal(can(user(['admin'], null), action, text(at20)), false);
    assert.equal(can(publicActor, action, text(at20)), false);
  }
});

test('positions are taken by delegates of members of the format only', () => {
  assert.equal(can(rus, 'create', text(at20, 'position')), true);
  assert.equal(can(pol, 'create', text(at20, 'position')), true, 'any delegate, not only the head of delegation');
  assert.equal(can(rus, 'create', text(allies, 'position')), false);
  assert.equal(can(secretariat, 'create', text(at20, 'position')), false);
  assert.equal(can({ kind: 'admin-token' }, 'create', text(at20, 'position')), false);
  assert.equal(can(publicActor, 'create', text(at20, 'position')), false);
});

test('the decision register follows the format rule; only the secretariat releases', () => {
  assert.equal(can(rus, 'read', decision(allies)), false);
  assert.equal(can(rus, 'read', decision(at20)), true);
  assert.equal(can(publicActor, 'read', decision(at20)), false);
  assert.equal(can(secretariat, 'update', decision(at20, 'release')), true);
  assert.equal(can({ kind: 'admin-token' }, 'update', decision(at20, 'release')), true);
  assert.equal(can(chair, 'update', decision(at20, 'release')), false);
  assert.equal(can(rus, 'update', decision(at20, 'release')), false);
  assert.equal(can(secretariat, 'update', decision(at20)), false, 'the register itself is written by adoption only');
});
