// Ten wrong passwords in a row lock sign-in to the account for LOGIN_LOCKOUT_MINUTES, even with the
// right password; when the lockout ends the right password works again. Time is moved, not waited.
// Plus the per-address rate limit of the sign-in endpoints.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';
import { auditEvents, createAccountsApp, DEMO, DEMO_PASSWORD, json, setCookie, type AccountsApp } from './helpers.ts';

const attempt = (t: AccountsApp, password: string, email: string = DEMO.headRu) =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload: { email, password } });

for (const dialect of DIALECTS) {
  describe(`lockout on ${dialect}`, () => {
    let t: AccountsApp;
    before(async () => {
      t = await createAccountsApp(dialect);
    });
    after(async () => t?.close());

    test('the 10th wrong password locks the account until a stated UTC time; the right password is refused until then, and works after', async () => {
      for (let i = 1; i <= 9; i += 1) {
        const res = await attempt(t, `wrong-password-${i}`);
        assert.equal(res.statusCode, 401, `attempt ${i}`);
        assert.equal(res.json().error.code, 'INVALID_CREDENTIALS');
      }
      const tenth = await attempt(t, 'wrong-password-10');
      assert.equal(tenth.statusCode, 423);
      assert.equal(tenth.json().error.code, 'ACCOUNT_LOCKED');
      assert.equal(
        tenth.json().error.message,
        'Too many wrong passwords: sign-in to this account is locked until 09:15 UTC on 1 January 2026. Try again then (the right password will work), or ask an administrator.',
      );
      assert.equal(tenth.headers['retry-after'], '900');

      t.clock.advanceMinutes(14);
      const during = await attempt(t, DEMO_PASSWORD);
      assert.equal(during.statusCode, 423, 'the right password is refused during the lockout');
      assert.equal(during.headers['retry-after'], '60');
      assert.equal(setCookie(during, 'concord_session'), undefined);
      // Other accounts are not affected.
      assert.equal((await attempt(t, DEMO_PASSWORD, DEMO.headPl)).statusCode, 200);

      t.clock.advanceMinutes(1);
      const afterwards = await attempt(t, DEMO_PASSWORD);
      assert.equal(afterwards.statusCode, 200, afterwards.body);
      const user = await t.db.database.db
        .selectFrom('users')
        .select(['failed_logins', 'locked_until'])
        .where('email', '=', DEMO.headRu)
        .executeTakeFirstOrThrow();
      assert.deepEqual(user, { failed_logins: 0, locked_until: null });

      const locked = await auditEvents(t, 'session.locked_out');
      assert.equal(locked.length, 1);
      assert.deepEqual(locked[0]!.summary, {
        where: 'sign-in',
        lockedUntil: '2026-01-01T09:15:00.000Z',
        ip: '127.0.0.1',
      });
      const failed = (await auditEvents(t, 'session.sign_in_failed')).filter(
        (e) => e.object_id === locked[0]!.object_id,
      );
      assert.deepEqual(
        failed.map((e) => e.summary.reason),
        [...Array(9).fill('wrong_password'), 'locked'],
      );
      assert.deepEqual(
        failed.slice(0, 9).map((e) => e.summary.failuresInARow),
        [1, 2, 3, 4, 5, 6, 7, 8, 9],
      );
      assert.equal((await verifyAuditChain(t.db.database)).ok, true);
    });

    test('after a lockout ends, the count starts again: nine more wrong passwords do not lock; a success resets the count', async () => {
      for (let i = 0; i < 9; i += 1) assert.equal((await attempt(t, `again-wrong-${i}`)).statusCode, 401);
      assert.equal((await attempt(t, DEMO_PASSWORD)).statusCode, 200);
      for (let i = 0; i < 9; i += 1) assert.equal((await attempt(t, `and-again-${i}`)).statusCode, 401);
      assert.equal((await attempt(t, DEMO_PASSWORD)).statusCode, 200);
    });
  });
}

describe('sign-in rate limit', () => {
  test('more than LOGIN_RATE_LIMIT attempts a minute from one address get 429 RATE_LIMITED; another address is unaffected', async () => {
    const t = await createAccountsApp('sqlite', { env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      const from = (remoteAddress: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          headers: json,
          remoteAddress,
          payload: { email: DEMO.chair, password: 'wrong-password-x' },
        });
      for (let i = 0; i < 3; i += 1) assert.equal((await from('10.0.0.1')).statusCode, 401);
      const limited = await from('10.0.0.1');
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().error.code, 'RATE_LIMITED');
      assert.match(
        limited.json().error.message,
        /^Too many sign-in attempts from your address\. Wait (1 minute|\d+ seconds) and try again\.$/,
      );
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal((await from('10.0.0.2')).statusCode, 401);
      // Reads are not held back by the sign-in limit.
      assert.equal((await t.app.inject({ url: '/api/v1/session', remoteAddress: '10.0.0.1' })).statusCode, 200);
    } finally {
      await t.close();
    }
  });
});
