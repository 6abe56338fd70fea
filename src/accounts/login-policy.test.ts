import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  afterFailedLogin,
  describeInstant,
  sessionExpiry,
  THROTTLE_MEMORY_MS,
  throttleDelayMs,
  throttleWaitMs,
  type ThrottleState,
} from './login-policy.ts';

const now = new Date('2002-09-25T08:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

test('five failures are free; then the wait doubles from one second up to the cap', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => throttleDelayMs(n, 900_000)),
    [0, 0, 0, 0, 1000, 2000, 4000, 8000, 16_000, 32_000],
  );
  assert.equal(throttleDelayMs(15, 900_000), 900_000, 'capped at LOGIN_LOCKOUT_MINUTES');
  assert.equal(throttleDelayMs(10_000, 900_000), 900_000, 'no overflow however many failures');
});

test('the wait runs from the last failure, ends exactly at its end, and is forgotten after a quiet day', () => {
  let state: ThrottleState | undefined;
  for (let i = 0; i < 4; i += 1) state = afterFailedLogin(state, now, 900_000);
  assert.equal(throttleWaitMs(state, now), 0, 'four failures: no wait');
  state = afterFailedLogin(state, now, 900_000);
  assert.equal(throttleWaitMs(state, now), 1000);
  assert.equal(throttleWaitMs(state, later(999)), 1);
  assert.equal(throttleWaitMs(state, later(1000)), 0);
  state = afterFailedLogin(state, later(1000), 900_000);
  assert.equal(state.failures, 6);
  assert.equal(throttleWaitMs(state, later(1000)), 2000);
  const quiet = later(1000 + THROTTLE_MEMORY_MS);
  assert.equal(afterFailedLogin(state, quiet, 900_000).failures, 1, 'the count starts again after a quiet day');
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
