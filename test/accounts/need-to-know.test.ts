// The central security rule through a real session cookie, on both databases: the Russian head of
// delegation does not see the North Atlantic Council (NATO at 19) anywhere — API item, API list, the
// /council page — while the Polish head of delegation and the secretariat do.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { createAccountsApp, DEMO, signIn, type AccountsApp } from './helpers.ts';

for (const dialect of DIALECTS) {
  describe(`need-to-know through the session on ${dialect}`, () => {
    let t: AccountsApp;
    before(async () => {
      t = await createAccountsApp(dialect);
    });
    after(async () => t?.close());

    const views = async (cookie: string) => {
      const item = await t.app.inject({ url: '/api/v1/bodies/nac', headers: { cookie } });
      const list = (await t.app.inject({ url: '/api/v1/bodies', headers: { cookie } }))
        .json()
        .items.map((b: { code: string }) => b.code) as string[];
      const page = (await t.app.inject({ url: '/council', headers: { cookie, accept: 'text/html' } })).body;
      return { item, list, page };
    };

    test('head.ru@demo.concord gets 404 for /api/v1/bodies/nac, and nac is absent from /api/v1/bodies and from /council', async () => {
      const ru = await signIn(t.app, DEMO.headRu);
      const { item, list, page } = await views(ru.cookie);
      const missing = await t.app.inject({ url: '/api/v1/bodies/no-such-body', headers: { cookie: ru.cookie } });
      assert.equal(item.statusCode, 404);
      assert.equal(
        item.json().error.message.replace('nac', 'X'),
        missing.json().error.message.replace('no-such-body', 'X'),
        'hidden reads like missing',
      );
      assert.equal(list.includes('nac'), false);
      assert.ok(list.includes('nrc'), 'the NRC (at 20) is visible to Russia');
      assert.equal(page.includes('North Atlantic Council'), false);
      assert.match(page, /Signed in as <strong>Head of the Russian Delegation \(demo\)<\/strong>/);
    });

    for (const [who, email] of [
      ['head.pl@demo.concord', DEMO.headPl],
      ['secretariat@demo.concord', DEMO.secretariat],
    ] as const) {
      test(`${who} sees the North Atlantic Council in the API and on /council`, async () => {
        const client = await signIn(t.app, email);
        const { item, list, page } = await views(client.cookie);
        assert.equal(item.statusCode, 200);
        assert.equal(item.json().format, 'nato-19');
        assert.ok(list.includes('nac'));
        assert.match(page, /North Atlantic Council/);
      });
    }

    test('the public sees neither, and the masthead offers to sign in', async () => {
      const { item, list, page } = await views('');
      assert.equal(item.statusCode, 404);
      assert.equal(list.includes('nac'), false);
      assert.equal(page.includes('North Atlantic Council'), false);
      assert.match(page, /<a href="\/sign-in\?next=%2Fcouncil">Sign in<\/a>/);
    });
  });
}
