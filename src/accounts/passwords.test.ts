import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords.ts';

test('passwords are hashed with argon2id at 19 MiB, 2 passes, 1 lane, salted', async () => {
  const hash = await hashPassword('concord-demo-2002');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.notEqual(hash, await hashPassword('concord-demo-2002'));
  assert.equal(await verifyPassword(hash, 'concord-demo-2002'), true);
  assert.equal(await verifyPassword(hash, 'concord-demo-2003'), false);
  assert.equal(await verifyPassword('not a hash', 'x'), false);
  assert.equal(await verifyAgainstDummy('anything'), false);
});

test('a new password needs 12 characters (as people count them), at most 256, not only spaces', () => {
  assert.match(passwordProblem('short') ?? '', /^must be at least 12 characters long \(it has 5\)/);
  assert.equal(passwordProblem('twelve chars'), null);
  assert.equal(passwordProblem('пароль-пароль'), null);
  assert.match(passwordProblem('😀'.repeat(11)) ?? '', /it has 11/);
  assert.match(passwordProblem('x'.repeat(257)) ?? '', /at most 256/);
  assert.equal(passwordProblem(' '.repeat(12)), 'must not be only spaces');
});
