// CSRF on both databases: a write authenticated by the session cookie needs the session's token in
// x-csrf-token; without it (or with another) it is 403 CSRF_FAILED and nothing changes. A request from
// another Origin is refused. The bearer token needs no CSRF token (a browser never adds it by itself).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import {
  admin,
  auditCount,
  createAccountsApp,
  DEMO,
  DEMO_PASSWORD,
  json,
  setCookie,
  signIn,
  type AccountsApp,
  type Client,
} from './helpers.ts';

for (const dialect of DIALECTS) {
  describe(`CSRF on ${dialect}`, () => {
    let t: AccountsApp;
    let staff: Client;
    before(async () => {
      t = await createAccountsApp(dialect);
      staff = await signIn(t.app, DEMO.secretariat);
    });
    after(async () => t?.close());

    const topic = (code: string) => ({ code, name: `Topic ${code}` });
    const topicExists = async (code: string) =>
      (await t.app.inject({ url: `/api/v1/topics/${code}` })).statusCode === 200;

    test('a write with the session cookie but no x-csrf-token is 403 CSRF_FAILED, and nothing is written', async () => {
      const before = await auditCount(t);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/topics',
        headers: { ...json, cookie: staff.cookie },
        payload: topic('no-token'),
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'CSRF_FAILED');
      assert.match(
        res.json().error.message,
        /without the security token of the session \(header x-csrf-token; GET \/api\/v1\/session returns it\)\. Nothing was changed\./,
      );
      assert.equal(await topicExists('no-token'), false);
      assert.equal(await auditCount(t), before);
    });

    test("a wrong token, or another session's token, is 403 too, and nothing is written", async () => {
      const other = await signIn(t.app, DEMO.chair);
      const before = await auditCount(t);
      for (const token of ['x'.repeat(43), other.csrf, '']) {
        const res = await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/topics/terrorism',
          headers: { ...json, cookie: staff.cookie, 'x-csrf-token': token },
          payload: { name: 'Changed' },
        });
        assert.equal(res.statusCode, 403, token);
        assert.equal(res.json().error.code, 'CSRF_FAILED');
      }
      const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: staff.cookie } });
      assert.equal(del.statusCode, 403, 'signing out needs the token too');
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: staff.cookie } })).json().actor,
        'user',
      );
      assert.equal((await t.app.inject({ url: '/api/v1/topics/terrorism' })).json().name, 'Struggle against terrorism');
      assert.equal(await auditCount(t), before);
    });

    test('with the right token the write succeeds and is audited under the user', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/topics',
        headers: { ...json, ...staff.headers },
        payload: topic('with-token'),
      });
      assert.equal(res.statusCode, 201, res.body);
      const event = await t.db.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('object_id', '=', 'with-token')
        .executeTakeFirstOrThrow();
      assert.equal(event.actor, `user:${staff.userId}`);
      assert.equal(event.action, 'topic.created');
    });

    test('a write whose Origin is another site is refused even with the token; the same origin is accepted', async () => {
      const cross = await t.app.inject({
        method: 'POST',
        url: '/api/v1/topics',
        headers: { ...json, ...staff.headers, origin: 'https://evil.example' },
        payload: topic('cross-site'),
      });
      assert.equal(cross.statusCode, 403);
      assert.equal(cross.json().error.code, 'CSRF_FAILED');
      assert.match(cross.json().error.message, /came from another site \(https:\/\/evil\.example\)/);
      const fetchMeta = await t.app.inject({
        method: 'POST',
        url: '/api/v1/topics',
        headers: { ...json, ...staff.headers, 'sec-fetch-site': 'cross-site' },
        payload: topic('cross-site'),
      });
      assert.equal(fetchMeta.statusCode, 403);
      assert.equal(await topicExists('cross-site'), false);
      const same = await t.app.inject({
        method: 'POST',
        url: '/api/v1/topics',
        headers: { ...json, ...staff.headers, host: 'concord.test:8080', origin: 'http://concord.test:8080' },
        payload: topic('same-site'),
      });
      assert.equal(same.statusCode, 201, same.body);
    });

    test('sign-in needs no CSRF token but refuses another Origin (no login CSRF)', async () => {
      const cross = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { ...json, origin: 'https://evil.example' },
        payload: { email: DEMO.chair, password: DEMO_PASSWORD },
      });
      assert.equal(cross.statusCode, 403);
      assert.equal(cross.json().error.code, 'CSRF_FAILED');
      assert.equal(setCookie(cross, 'concord_session'), undefined);
      const form = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `email=${DEMO.chair}&password=${DEMO_PASSWORD}`,
      });
      assert.equal(form.statusCode, 415, 'the API takes JSON only, so a plain cross-site form cannot post to it');
    });

    test('the bearer token writes without a CSRF token, even next to a session cookie', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/topics',
        headers: { ...json, ...admin, cookie: staff.cookie },
        payload: topic('bearer'),
      });
      assert.equal(res.statusCode, 201, res.body);
      const event = await t.db.database.db
        .selectFrom('audit_events')
        .select('actor')
        .where('object_id', '=', 'bearer')
        .executeTakeFirstOrThrow();
      assert.equal(event.actor, 'admin-token');
    });
  });
}
