// Releasing a decision checks who asks before what they sent: a delegate or the chair hears 403 and the
// public 401 whatever the body, so a refusal never depends on (or reveals) how the body is checked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { createTextsApp, DEMO, json, signIn, type Client, type TextsApp } from './support.ts';

for (const dialect of DIALECTS) {
  describe(`release checks permission before the body on ${dialect}`, () => {
    let t: TextsApp;
    let secretariat: Client;
    let chair: Client;
    let headRu: Client;
    before(async () => {
      t = await createTextsApp(dialect);
      secretariat = await signIn(t.app, DEMO.secretariat);
      chair = await signIn(t.app, DEMO.chair);
      headRu = await signIn(t.app, DEMO.headRu);
    });
    after(async () => t?.close());

    const release = (who: Client | null, payload: unknown, reference = 'NRC-D(2002)0001') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/decisions/${encodeURIComponent(reference)}/release`,
        headers: { ...json, ...(who?.headers ?? {}) },
        payload: payload as object,
      });
    const badBodies = [{ speaker: 'not-a-uuid' }, { date: '2002-13-45' }, { unknown: 1 }, []];

    test('a delegate and the chair get 403 FORBIDDEN and the public 401 for any body', async () => {
      for (const body of badBodies) {
        for (const who of [headRu, chair]) {
          const res = await release(who, body);
          assert.equal(res.statusCode, 403, `${JSON.stringify(body)}: ${res.body}`);
          assert.equal(res.json().error.code, 'FORBIDDEN');
        }
        const anonymous = await release(null, body);
        assert.equal(anonymous.statusCode, 401, anonymous.body);
        assert.equal(anonymous.json().error.code, 'AUTHENTICATION_REQUIRED');
      }
    });

    test('the secretariat still has its body checked (400), then the reference (404)', async () => {
      const bad = await release(secretariat, { speaker: 'not-a-uuid' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
      assert.equal((await release(secretariat, {}, 'NRC-D(1999)0001')).statusCode, 404);
    });
  });
}
