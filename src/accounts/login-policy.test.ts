import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterWrongPassword, describeInstant, lockEnd, sessionExpiry } from './login-policy.ts';

const now = new Date('2002-09-25T08:00:00Z');

test('the tenth wrong password in a row locks for the configured minutes and restarts the count', () => {
  let state = { failedLogins: 0, lockedUntil: null as string | null };
  for (let i = 1; i <= 9; i += 1) {
    const next = afterWrongPassword(state, now, 15);
    assert.equal(next.lockedNow, false);
    assert.equal(next.failedLogins, i);
    state = next;
  }
  const locked = afterWrongPassword(state, now, 15);
  assert.deepEqual(locked, { failedLogins: 0, lockedUntil: '2002-09-25T08:15:00.000Z', lockedNow: true });
  assert.deepEqual(lockEnd(locked, new Date('2002-09-25T08:14:59Z')), new Date('2002-09-25T08:15:00Z'));
  assert.equal(lockEnd(locked, new Date('2002-09-25T08:15:00Z')), null, 'the lock ends exactly at its end');
});

test('a session expires at the earlier of its idle and its absolute limit', () => {
  const created = new Date('2002-09-25T08:00:00Z');
  assert.equal(sessionExpiry(created, created, 120, 12).toISOString(), '2002-09-25T10:00:00.000Z');
  assert.equal(
    sessionExpiry(created, new Date('2002-09-25T19:00:00Z'), 120, 12).toISOString(),
    '2002-09-25T20:00:00.000Z',
  );
});

test('a lockout end is told in UTC, in words', () => {
  assert.equal(describeInstant(new Date('2002-09-25T08:15:42Z')), '08:15 UTC on 25 September 2002');
});
