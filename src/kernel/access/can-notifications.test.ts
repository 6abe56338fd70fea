// Notifications are personal: only their recipient reads them or marks them read — not the
// secretariat, not an administrator, not the bearer token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor } from './can.ts';

const user = (id: string, roles: ('delegate' | 'secretariat' | 'admin')[]): Actor => ({
  kind: 'user',
  id,
  roles,
  member: roles.includes('delegate') ? 'POL' : null,
  headOfDelegation: false,
  clearance: 'UNCLASSIFIED',
});
const mine = { type: 'notification', userId: 'u1' } as const;

test('the recipient reads and marks read their own notifications', () => {
  assert.equal(can(user('u1', ['delegate']), 'read', mine), true);
  assert.equal(can(user('u1', ['delegate']), 'update', mine), true);
});

test('nobody else reads them, however senior, and nobody creates or deletes them through `can`', () => {
  for (const other of [user('u2', ['delegate']), user('u2', ['secretariat']), user('u2', ['admin'])]) {
    assert.equal(can(other, 'read', mine), false);
    assert.equal(can(other, 'update', mine), false);
  }
  for (const actor of [{ kind: 'public' }, { kind: 'admin-token' }, { kind: 'system', name: 'x' }] as Actor[])
    assert.equal(can(actor, 'read', mine), false);
  assert.equal(can(user('u1', ['delegate']), 'delete', mine), false);
  assert.equal(can(user('u1', ['delegate']), 'create', mine), false);
});
