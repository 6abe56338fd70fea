// Failed sign-ins are throttled per email address and client, never per account alone: after five
// failures in a row that client waits 1 s, 2 s, 4 s… (up to LOGIN_LOCKOUT_MINUTES) before its next
// attempt there, while the owner elsewhere signs in at once. Unknown and known addresses answer alike,
// and every attempt is audited. (This replaced a lockout that any stranger could set off: ten wrong
// passwords refused even the right one for 15 minutes, with 423 telling that the account existed.)
// Time is moved, not waited. Plus the per-address rate limit of the sign-in endpoints.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';
import { auditEvents, createAccountsApp, DEMO, DEMO_PASSWORD, json, setCookie, type AccountsApp } from './helpers.ts';

const attempt = (t: AccountsApp, password: string, email: string = DEMO.headRu, remoteAddress = '10.1.1.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', headers: json, remoteAddress, payload: { email, password } });
const answer = (res: Awaited<ReturnType<typeof attempt>>) => ({
  status: res.statusCode,
  code: res.json().error?.code,
  message: res.json().error?.message,
  retryAfter: res.headers['retry-after'],
});
const seconds = (t: AccountsApp, s: number) => t.clock.set(new Date(t.clock.now().getTime() + s * 1000).toISOString());

for (const dialect of DIALECTS) {
  describe(`sign-in throttle on ${dialect}`, () => {
    let t: AccountsApp;
    before(async () => {
      t = await createAccountsApp(dialect);
    });
    after(async () => t?.close());

    test("a stranger's wrong passwords slow the stranger down but never stop the owner signing in", async () => {
      for (let i = 1; i <= 5; i += 1) {
        const res = await attempt(t, `wrong-password-${i}`, DEMO.chair, '10.6.6.6');
        assert.equal(res.statusCode, 401, `attempt ${i}`);
        assert.equal(res.json().error.code, 'INVALID_CREDENTIALS');
      }
      const waiting = await attempt(t, 'wrong-password-6', DEMO.chair, '10.6.6.6');
      assert.equal(waiting.statusCode, 429);
      assert.equal(waiting.json().error.code, 'RATE_LIMITED');
      assert.equal(
        waiting.json().error.message,
        'Too many failed sign-ins to this email address from your device. Wait 1 second and try again; sign-in from other devices is not held back.',
      );
      assert.equal(waiting.headers['retry-after'], '1');
      // The owner, from their own device, at once and again later: the right password always works.
      const owner = await attempt(t, DEMO_PASSWORD, DEMO.chair, '10.2.2.2');
      assert.equal(owner.statusCode, 200, owner.body);
      assert.ok(setCookie(owner, 'concord_session'));
      for (let i = 0; i < 30; i += 1) {
        seconds(t, 3600);
        await attempt(t, `more-wrong-${i}`, DEMO.chair, '10.6.6.6');
      }
      assert.equal((await attempt(t, DEMO_PASSWORD, DEMO.chair, '10.2.2.2')).statusCode, 200);
      const user = await t.db.database.db
        .selectFrom('users')
        .select(['locked_until'])
        .where('email', '=', DEMO.chair)
        .executeTakeFirstOrThrow();
      assert.equal(user.locked_until, null, 'no account is ever locked');
    });

    test('the wait doubles from one second up to LOGIN_LOCKOUT_MINUTES, and even the right password waits it', async () => {
      const from = '10.7.7.7';
      for (let i = 0; i < 5; i += 1) assert.equal((await attempt(t, `w-${i}`, DEMO.headPl, from)).statusCode, 401);
      const waits: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        const held = await attempt(t, DEMO_PASSWORD, DEMO.headPl, from);
        assert.equal(held.statusCode, 429, 'the right password is held back too until the wait has passed');
        waits.push(String(held.headers['retry-after']));
        seconds(t, Number(held.headers['retry-after']));
        assert.equal((await attempt(t, `w-more-${i}`, DEMO.headPl, from)).statusCode, 401);
      }
      assert.deepEqual(waits, ['1', '2', '4', '8', '16', '32', '64', '128', '256', '512', '900', '900']);
      seconds(t, 900);
      assert.equal((await attempt(t, DEMO_PASSWORD, DEMO.headPl, from)).statusCode, 200);
      // A success forgets the failures of that client: five more are free again.
      for (let i = 0; i < 5; i += 1) assert.equal((await attempt(t, `again-${i}`, DEMO.headPl, from)).statusCode, 401);
    });

    test('an unknown address answers exactly like a known one, attempt by attempt', async () => {
      const known: unknown[] = [];
      const unknown: unknown[] = [];
      for (let i = 0; i < 8; i += 1) {
        known.push(answer(await attempt(t, `x-${i}`, DEMO.auditor, '10.8.8.8')));
        unknown.push(answer(await attempt(t, `x-${i}`, 'nobody@demo.concord', '10.8.8.8')));
        if (i === 6) seconds(t, 1);
      }
      assert.deepEqual(unknown, known);
      assert.ok(known.some((a) => (a as { status: number }).status === 429));
      assert.ok(!known.some((a) => (a as { status: number }).status === 423));
    });

    test('every attempt is in the audit trail, throttled ones too, and the chain verifies', async () => {
      const before = (await auditEvents(t, 'session.sign_in_failed')).length;
      for (let i = 0; i < 5; i += 1) await attempt(t, `z-${i}`, DEMO.headRu, '10.9.9.9');
      await attempt(t, 'z-5', DEMO.headRu, '10.9.9.9');
      const events = (await auditEvents(t, 'session.sign_in_failed')).slice(before);
      assert.deepEqual(
        events.map((e) => e.summary.reason),
        [...Array(5).fill('wrong_password'), 'throttled'],
      );
      assert.ok(events.every((e) => e.summary.ip === '10.9.9.9'));
      assert.deepEqual(
        events.slice(0, 5).map((e) => e.summary.failuresInARow),
        [1, 2, 3, 4, 5],
      );
      assert.equal((await verifyAuditChain(t.db.database)).ok, true);
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
