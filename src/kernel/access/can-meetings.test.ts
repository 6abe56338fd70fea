// Need-to-know for meetings, projects and events: the body rule, on each item's own format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Resource } from './can.ts';

const allies = ['BEL', 'POL', 'USA'];
const user = (roles: ('delegate' | 'secretariat')[], member: string | null): Actor => ({
  kind: 'user',
  id: 'u',
  roles,
  member,
  headOfDelegation: true,
  clearance: 'UNCLASSIFIED',
});
const rus = user(['delegate'], 'RUS');
const pol = user(['delegate'], 'POL');
const secretariat = user(['secretariat'], null);

for (const type of ['meeting', 'project', 'event'] as const) {
  test(`a ${type} at 19 is seen by Allies and staff, never by Russia or the public`, () => {
    const at19: Resource = { type, formatMembers: allies, isPublic: false };
    assert.equal(can(rus, 'read', at19), false);
    assert.equal(can({ kind: 'public' }, 'read', at19), false);
    assert.equal(can(pol, 'read', at19), true);
    assert.equal(can(secretariat, 'read', at19), true);
  });

  test(`a public ${type} at 20 is seen by everyone; only the secretariat writes it`, () => {
    const at20: Resource = { type, formatMembers: [...allies, 'RUS'], isPublic: true };
    assert.equal(can({ kind: 'public' }, 'read', at20), true);
    assert.equal(can(rus, 'read', at20), true);
    assert.equal(can(rus, 'update', at20), false);
    assert.equal(can(secretariat, 'create', at20), true);
  });
}

// Issue 11, finding 7: public means public to everyone, signed in or not. A public item at 19 is on the
// public site and calendar, so a signed-in Russian delegate reads it too (a 404 there would be a lie).
for (const type of ['body', 'meeting', 'project', 'event'] as const) {
  test(`a public ${type} at 19 is read by everyone: the public, Russia's delegate, an Ally, staff`, () => {
    const publicAt19: Resource = { type, formatMembers: allies, isPublic: true };
    assert.equal(can({ kind: 'public' }, 'read', publicAt19), true);
    assert.equal(can(rus, 'read', publicAt19), true);
    assert.equal(can(user(['delegate'], null), 'read', publicAt19), true);
    assert.equal(can(pol, 'read', publicAt19), true);
    assert.equal(can(secretariat, 'read', publicAt19), true);
    assert.equal(can(rus, 'update', publicAt19), false, 'public is for reading only');
    assert.equal(can({ kind: 'public' }, 'delete', publicAt19), false);
  });
}

test('calendar feed tokens are for signed-in actors only', () => {
  assert.equal(can({ kind: 'public' }, 'create', { type: 'calendar-feed-token' }), false);
  assert.equal(can(rus, 'create', { type: 'calendar-feed-token' }), true);
  assert.equal(can({ kind: 'admin-token' }, 'delete', { type: 'calendar-feed-token' }), true);
});
