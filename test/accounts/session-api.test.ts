// The session contract on both databases: sign in, who am I, sign out; cookie flags; tokens stored only
// as hashes; identical answers for unknown addresses and wrong passwords; session expiry.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DIALECTS } from '../support/databases.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';
import {
  auditCount,
  auditEvents,
  createAccountsApp,
  DEMO,
  DEMO_PASSWORD,
  json,
  setCookie,
  signIn,
  type AccountsApp,
} from './helpers.ts';

for (const dialect of DIALECTS) {
  describe(`session API on ${dialect}`, () => {
    let t: AccountsApp;
    before(async () => {
      t = await createAccountsApp(dialect);
    });
    after(async () => t?.close());

    test('POST /api/v1/session signs in: the user, roles, member and clearance, a CSRF token, and an HttpOnly SameSite=Lax cookie', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: json,
        payload: { email: ' Head.PL@demo.concord ', password: DEMO_PASSWORD },
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.actor, 'user');
      assert.deepEqual(
        { ...body.user, id: 'x' },
        {
          id: 'x',
          email: DEMO.headPl,
          name: 'Head of the Polish Delegation (demo)',
          roles: ['delegate'],
          member: 'POL',
          headOfDelegation: true,
          clearance: 'CONFIDENTIAL',
        },
      );
      assert.match(body.csrfToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(body.expiresAt, '2026-01-01T11:00:00.000Z', 'idle limit of 120 minutes');
      const cookie = setCookie(res, 'concord_session')!;
      assert.match(cookie.value, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, '/');
      assert.equal(cookie.secure, undefined, 'plain http without SECURE_COOKIES: not Secure');
      assert.equal(cookie.maxAge, 12 * 3600);

      // The database keeps the SHA-256 of the token, never the token.
      const rows = await t.db.database.db.selectFrom('sessions').selectAll().execute();
      const hash = createHash('sha256').update(cookie.value).digest('hex');
      assert.ok(rows.some((r) => r.id === hash));
      assert.equal(JSON.stringify(rows).includes(cookie.value), false);

      const me = await t.app.inject({ url: '/api/v1/session', headers: { cookie: `concord_session=${cookie.value}` } });
      assert.deepEqual(me.json(), body);
      assert.equal(me.headers['cache-control'], 'private, no-store');
      const [event] = (await auditEvents(t, 'session.signed_in')).slice(-1);
      assert.equal(event!.actor, `user:${body.user.id}`);
      assert.equal(event!.summary.session, hash.slice(0, 12));
    });

    test('GET /api/v1/session without a session says public; with the bearer token, admin-token', async () => {
      const none = {
        createMeetings: false,
        createProjects: false,
        createEvents: false,
        createTexts: false,
        viewAccounts: false,
        manageAccounts: false,
      };
      assert.deepEqual((await t.app.inject({ url: '/api/v1/session' })).json(), {
        actor: 'public',
        user: null,
        csrfToken: null,
        expiresAt: null,
        abilities: none,
      });
      assert.equal(
        (
          await t.app.inject({ url: '/api/v1/session', headers: { authorization: `Bearer ${t.config.adminToken}` } })
        ).json().actor,
        'admin-token',
      );
    });

    test('the session says what its user may start: the secretariat everything but accounts (which it may list), a delegate nothing, the chair texts', async () => {
      const all = {
        createMeetings: true,
        createProjects: true,
        createEvents: true,
        createTexts: true,
        viewAccounts: true,
        manageAccounts: false,
      };
      const none = {
        createMeetings: false,
        createProjects: false,
        createEvents: false,
        createTexts: false,
        viewAccounts: false,
        manageAccounts: false,
      };
      for (const [email, expected] of [
        [DEMO.secretariat, all],
        [DEMO.headRu, none],
        [DEMO.auditor, none],
        [DEMO.chair, { ...none, createTexts: true }],
      ] as const) {
        const client = await signIn(t.app, email);
        const res = await t.app.inject({ url: '/api/v1/session', headers: { cookie: client.cookie } });
        assert.deepEqual(res.json().abilities, expected, email);
      }
    });

    test('DELETE /api/v1/session signs out: the row is deleted, the cookie cleared, the old cookie is the public', async () => {
      const client = await signIn(t.app, DEMO.secretariat);
      const before = await auditCount(t, 'session.signed_out');
      const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: client.headers });
      assert.equal(res.statusCode, 204);
      const cleared = setCookie(res, 'concord_session')!;
      assert.equal(cleared.value, '');
      assert.ok(cleared.expires && cleared.expires.getTime() <= Date.now());
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: client.cookie } })).json().actor,
        'public',
      );
      assert.equal(await auditCount(t, 'session.signed_out'), before + 1);
      const write = await t.app.inject({
        method: 'POST',
        url: '/api/v1/topics',
        headers: { ...json, ...client.headers },
        payload: { code: 'after-sign-out', name: 'After sign-out' },
      });
      assert.equal(write.statusCode, 401);
      assert.equal(write.json().error.code, 'AUTHENTICATION_REQUIRED');
    });

    test('signing in again rotates the session: a new token, and the old one stops working', async () => {
      const first = await signIn(t.app, DEMO.chair);
      const second = await signIn(t.app, DEMO.chair, DEMO_PASSWORD, { cookie: first.cookie });
      assert.notEqual(first.cookie, second.cookie);
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: first.cookie } })).json().actor,
        'public',
      );
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: second.cookie } })).json().user.email,
        DEMO.chair,
      );
    });

    test('an unknown address and a wrong password get the same 401, in similar time; the audit holds no password', async () => {
      const attempt = (email: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          headers: json,
          payload: { email, password: 'not-the-password-123' },
        });
      const timed = async (email: string) => {
        const started = performance.now();
        const res = await attempt(email);
        return { res, ms: performance.now() - started };
      };
      await timed('nobody@demo.concord'); // warm-up: the dummy hash is computed once
      const unknown: number[] = [];
      const wrong: number[] = [];
      let answers: [string, string] = ['', ''];
      for (let i = 0; i < 3; i += 1) {
        const u = await timed('nobody@demo.concord');
        const w = await timed(DEMO.auditor);
        unknown.push(u.ms);
        wrong.push(w.ms);
        const strip = (body: string) => JSON.stringify({ ...JSON.parse(body).error, requestId: 'x' });
        answers = [strip(u.res.body), strip(w.res.body)];
        assert.equal(u.res.statusCode, 401);
        assert.equal(w.res.statusCode, 401);
      }
      assert.equal(answers[0], answers[1]);
      assert.match(answers[0], /INVALID_CREDENTIALS.*The email address or password is not correct/);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
      const ratio = median(unknown) / median(wrong);
      assert.ok(
        ratio > 0.33 && ratio < 3,
        `unknown ${median(unknown).toFixed(1)} ms vs wrong ${median(wrong).toFixed(1)} ms`,
      );
      const failures = await auditEvents(t, 'session.sign_in_failed');
      assert.ok(failures.some((e) => e.summary.reason === 'unknown_email' && e.object_id === '-'));
      assert.ok(failures.some((e) => e.summary.reason === 'wrong_password'));
      const all = await t.db.database.db.selectFrom('audit_events').select('summary').execute();
      assert.equal(
        all.some(
          (e) =>
            e.summary.includes('not-the-password') ||
            e.summary.includes(DEMO_PASSWORD) ||
            e.summary.includes('nobody@'),
        ),
        false,
      );
      // Reset the auditor's counter for the other tests.
      await signIn(t.app, DEMO.auditor);
    });

    test('a sign-in without a password is 400 naming the field, and writes nothing', async () => {
      const before = await auditCount(t);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: json,
        payload: { email: DEMO.chair, remember: true },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.deepEqual(res.json().error.details, [
        { path: 'password', message: 'is required' },
        { path: 'remember', message: 'is not a known field; remove it' },
      ]);
      assert.equal(await auditCount(t), before);
    });

    test('a session ends after 120 idle minutes (then it is the public) and 12 hours after sign-in whatever the activity', async () => {
      const idle = await signIn(t.app, DEMO.headRu);
      t.clock.advanceMinutes(119);
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: idle.cookie } })).json().actor,
        'user',
        'still alive; this request moves the idle deadline',
      );
      t.clock.advanceMinutes(119);
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: idle.cookie } })).json().actor,
        'user',
      );
      t.clock.advanceMinutes(121);
      const expired = await t.app.inject({ url: '/api/v1/session', headers: { cookie: idle.cookie } });
      assert.equal(expired.json().actor, 'public');
      assert.equal(setCookie(expired, 'concord_session')?.value, '', 'the stale cookie is cleared');
      assert.equal(
        (await t.app.inject({ url: '/api/v1/bodies/nac', headers: { cookie: idle.cookie } })).statusCode,
        404,
      );

      const busy = await signIn(t.app, DEMO.headRu);
      for (let minutes = 0; minutes < 11 * 60; minutes += 100) {
        t.clock.advanceMinutes(100);
        assert.equal(
          (await t.app.inject({ url: '/api/v1/session', headers: { cookie: busy.cookie } })).json().actor,
          'user',
        );
      }
      t.clock.advanceMinutes(100); // 12 h 20 min after sign-in
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: busy.cookie } })).json().actor,
        'public',
      );
      t.clock.set('2026-01-01T09:00:00Z');
    });

    test('every sign-in event is in the audit chain, and the chain verifies', async () => {
      assert.ok((await auditCount(t, 'session.signed_in')) >= 5);
      assert.equal((await verifyAuditChain(t.db.database)).ok, true);
    });
  });
}

describe('Secure cookies', () => {
  test('https behind a trusted proxy (TRUST_PROXY) or SECURE_COOKIES=true gives Secure; an untrusted X-Forwarded-Proto does not', async () => {
    for (const [env, headers, secure] of [
      [{}, { 'x-forwarded-proto': 'https' }, undefined],
      [{ TRUST_PROXY: '127.0.0.1' }, { 'x-forwarded-proto': 'https' }, true],
      [{ TRUST_PROXY: '1' }, { 'x-forwarded-proto': 'https' }, true],
      [{ TRUST_PROXY: '127.0.0.1' }, {}, undefined],
      [{ SECURE_COOKIES: 'true' }, {}, true],
      [{ PUBLIC_URL: 'https://concord.example.org' }, {}, true],
    ] as [Record<string, string>, Record<string, string>, true | undefined][]) {
      const t = await createAccountsApp('sqlite', { env });
      try {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          headers: { ...json, ...headers },
          payload: { email: DEMO.chair, password: DEMO_PASSWORD },
        });
        assert.equal(res.statusCode, 200);
        assert.equal(setCookie(res, 'concord_session')!.secure, secure, JSON.stringify({ env, headers }));
      } finally {
        await t.close();
      }
    }
  });
});
