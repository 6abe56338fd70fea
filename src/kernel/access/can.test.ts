import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor } from './can.ts';

const allies = ['BEL', 'POL', 'USA'];
const at19 = { type: 'body' as const, formatMembers: allies, isPublic: false };
const at20Public = { type: 'body' as const, formatMembers: [...allies, 'RUS'], isPublic: true };
const delegate = (member: string): Actor => ({
  kind: 'user',
  id: member,
  roles: ['delegate'],
  member,
  headOfDelegation: true,
  clearance: 'RESTRICTED',
});

describe('can', () => {
  test('a delegate sees a body only when their member is in its format', () => {
    assert.equal(can(delegate('POL'), 'read', at19), true);
    assert.equal(can(delegate('RUS'), 'read', at19), false);
    assert.equal(can(delegate('RUS'), 'read', at20Public), true);
  });

  test('the public sees only bodies marked public; staff see all', () => {
    assert.equal(can({ kind: 'public' }, 'read', at19), false);
    assert.equal(can({ kind: 'public' }, 'read', at20Public), true);
    assert.equal(
      can(
        { kind: 'user', id: 's', roles: ['secretariat'], member: null, headOfDelegation: false, clearance: 'SECRET' },
        'read',
        at19,
      ),
      true,
    );
    assert.equal(can({ kind: 'admin-token' }, 'read', at19), true);
  });

  test('only the secretariat, admins and the system may write reference data', () => {
    assert.equal(can({ kind: 'public' }, 'create', { type: 'member' }), false);
    assert.equal(can(delegate('POL'), 'update', { type: 'format' }), false);
    assert.equal(
      can(
        { kind: 'user', id: 'a', roles: ['auditor'], member: null, headOfDelegation: false, clearance: 'SECRET' },
        'delete',
        { type: 'topic' },
      ),
      false,
    );
    assert.equal(
      can(
        { kind: 'user', id: 's', roles: ['secretariat'], member: null, headOfDelegation: false, clearance: 'SECRET' },
        'create',
        { type: 'member' },
      ),
      true,
    );
    assert.equal(
      can({ kind: 'system', name: 'demo' }, 'create', { type: 'body', formatMembers: [], isPublic: false }),
      true,
    );
  });
});

test('published record items are for everyone, unpublished ones for staff only', () => {
  assert.equal(can({ kind: 'public' }, 'read', { type: 'record-item', published: true }), true);
  assert.equal(can({ kind: 'public' }, 'read', { type: 'record-item', published: false }), false);
  assert.equal(
    can(
      { kind: 'user', id: 'r', roles: ['delegate'], member: 'RUS', headOfDelegation: true, clearance: 'RESTRICTED' },
      'read',
      { type: 'record-item', published: false },
    ),
    false,
  );
  assert.equal(
    can(
      { kind: 'user', id: 's', roles: ['secretariat'], member: null, headOfDelegation: false, clearance: 'SECRET' },
      'read',
      { type: 'record-item', published: false },
    ),
    true,
  );
});
