// Public means public to everyone (issue 11, finding 7), on both databases: the NATO meeting at 19, once
// marked public, is on the public calendar; a signed-in Russian delegate then reads it too, as the
// public does, instead of a 404 that pretends it does not exist.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { auth, createTestApp, type TestApp } from '../support/app.ts';
import { DEMO, IDS, json, signIn } from './support.ts';

for (const dialect of DIALECTS) {
  describe(`a public item at 19 on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t?.close());

    test('the meeting at 19 made public is read by the public and by the Russian delegate alike', async () => {
      const ru = await signIn(t.app, DEMO.headRu);
      assert.equal(
        (await t.app.inject({ url: `/api/v1/meetings/${IDS.meetingAt19}`, headers: ru.headers })).statusCode,
        404,
      );
      const made = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/meetings/${IDS.meetingAt19}`,
        headers: { ...json, ...auth },
        payload: { public: true },
      });
      assert.equal(made.statusCode, 200, made.body);
      for (const headers of [{}, ru.headers]) {
        const item = await t.app.inject({ url: `/api/v1/meetings/${IDS.meetingAt19}`, headers });
        assert.equal(item.statusCode, 200, item.body);
        assert.equal(item.json().title, made.json().title);
        const list = (await t.app.inject({ url: '/api/v1/meetings', headers })).json();
        assert.ok(list.items.some((m: { id: string }) => m.id === IDS.meetingAt19));
        const agenda = (
          await t.app.inject({ url: '/api/v1/calendar/agenda?from=2002-09-01&to=2002-09-30', headers })
        ).json();
        assert.ok(agenda.entries.some((e: { id: string }) => e.id === IDS.meetingAt19));
      }
    });
  });
}
