// The account rules of `can`, the consistency of roles and member, and the return path after sign-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Role } from '../kernel/access/can.ts';
import { accountProblems } from './accounts.service.ts';
import { safeNext } from './accounts.web.ts';

const user = (id: string, roles: Role[]): Actor => ({
  kind: 'user',
  id,
  roles,
  member: null,
  headOfDelegation: false,
  clearance: 'SECRET',
});
const profile = (userId: string | null) => ({ type: 'account' as const, userId, part: 'profile' as const });
const password = (userId: string) => ({ type: 'account' as const, userId, part: 'password' as const });

test('admins create and change accounts; the secretariat reads them; everyone reads their own', () => {
  assert.equal(can(user('a', ['admin']), 'create', profile(null)), true);
  assert.equal(can({ kind: 'admin-token' }, 'update', profile('x')), true);
  assert.equal(can(user('s', ['secretariat']), 'create', profile(null)), false);
  assert.equal(can(user('s', ['secretariat']), 'read', profile(null)), true);
  assert.equal(can(user('c', ['chair']), 'read', profile(null)), false);
  assert.equal(can(user('d', ['delegate']), 'read', profile('d')), true);
  assert.equal(can(user('d', ['delegate']), 'read', profile('e')), false);
  assert.equal(can({ kind: 'public' }, 'read', profile(null)), false);
});

test('a password is changed by its owner only, never by an admin', () => {
  assert.equal(can(user('d', ['delegate']), 'update', password('d')), true);
  assert.equal(can(user('a', ['admin']), 'update', password('d')), false);
  assert.equal(can({ kind: 'admin-token' }, 'update', password('d')), false);
  assert.equal(can(user('d', ['delegate']), 'read', password('d')), false);
});

test('a delegate has one member and no other role; member and head of delegation are for delegates only', () => {
  assert.deepEqual(accountProblems({ roles: ['delegate'], memberCode: 'POL', headOfDelegation: true }), []);
  assert.deepEqual(accountProblems({ roles: ['secretariat', 'admin'], memberCode: null, headOfDelegation: false }), []);
  assert.deepEqual(
    accountProblems({ roles: ['delegate', 'chair'], memberCode: null, headOfDelegation: false }).map((p) => p.path),
    ['roles', 'member'],
  );
  assert.deepEqual(
    accountProblems({ roles: ['auditor'], memberCode: 'POL', headOfDelegation: true }).map((p) => p.path),
    ['member', 'headOfDelegation'],
  );
});

test('after sign-in, only a path of this site is followed', () => {
  assert.equal(safeNext('/council'), '/council');
  assert.equal(safeNext('/record/2002?page=2'), '/record/2002?page=2');
  for (const bad of [
    '',
    'council',
    '//evil.example',
    '/\\evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/a b',
  ])
    assert.equal(safeNext(bad), '/app/', bad);
});
