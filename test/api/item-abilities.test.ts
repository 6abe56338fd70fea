// Each meeting, project and event of the API carries what its reader may do with it, decided by `can`:
// the secretariat may change and delete, a delegate may only read, on lists and on single items alike.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { createAccountsApp, DEMO, signIn } from '../accounts/helpers.ts';

for (const dialect of DIALECTS) {
  describe(`item abilities (${dialect})`, () => {
    test('meetings, projects and events carry the reader’s abilities', async (t) => {
      const a = await createAccountsApp(dialect);
      t.after(() => a.close());
      const secretariat = await signIn(a.app, DEMO.secretariat);
      const delegate = await signIn(a.app, DEMO.headRu);
      for (const list of ['/api/v1/meetings', '/api/v1/projects', '/api/v1/events']) {
        for (const [who, client, expected] of [
          ['secretariat', secretariat, { update: true, delete: true }],
          ['head.ru', delegate, { update: false, delete: false }],
        ] as const) {
          const res = await a.app.inject({ url: list, headers: { cookie: client.cookie } });
          assert.equal(res.statusCode, 200, `${list} as ${who}`);
          const items = res.json().items as { id: string; abilities: unknown }[];
          assert.ok(items.length > 0, `${list} as ${who} lists something`);
          for (const item of items) assert.deepEqual(item.abilities, expected, `${list} item ${item.id} as ${who}`);
          const one = await a.app.inject({ url: `${list}/${items[0]!.id}`, headers: { cookie: client.cookie } });
          assert.deepEqual(one.json().abilities, expected, `${list}/${items[0]!.id} as ${who}`);
        }
      }
    });
  });
}
