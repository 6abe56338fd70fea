// The body rule applies to parents (issue 11, finding 6), on both real databases: a body may admit no
// member its parent's format does not; a change of a body's format, or of a format's members, must keep
// its sub-bodies inside it; and a body visible to a reader (a public one) names its parent only when the
// reader may see the parent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import {
  admin,
  auditCount,
  createAccountsApp,
  DEMO,
  json,
  signIn,
  type AccountsApp,
  type Client,
} from '../accounts/helpers.ts';

for (const dialect of DIALECTS) {
  describe(`bodies under their parents (${dialect})`, () => {
    let a: AccountsApp;
    let headRu: Client;
    before(async () => {
      a = await createAccountsApp(dialect);
      headRu = await signIn(a.app, DEMO.headRu);
    });
    after(async () => a?.close());

    const get = (url: string, client?: Client) =>
      a.app.inject({ url, headers: client ? { cookie: client.cookie } : {} });
    const send = (method: 'POST' | 'PATCH', url: string, payload: unknown) =>
      a.app.inject({ method, url, headers: { ...json, ...admin }, payload: payload as object });

    test('a body at 20 under the North Atlantic Council at 19 is refused, naming Russia; nothing changes', async () => {
      const events = await auditCount(a);
      const created = await send('POST', '/api/v1/bodies', {
        code: 'wg-under-nac',
        name: 'Working group under the NAC (demo)',
        kind: 'working_group',
        parent: 'nac',
        format: 'nrc-20',
      });
      assert.equal(created.statusCode, 400, created.body);
      assert.equal(created.json().error.code, 'VALIDATION_FAILED');
      assert.deepEqual(created.json().error.details, [
        { path: 'parent', message: 'admits RUS, who are not in the format of its parent "nac"' },
      ]);
      const moved = await send('PATCH', '/api/v1/bodies/wg-peacekeeping', { parent: 'nac' });
      assert.equal(moved.statusCode, 400, moved.body);
      assert.match(moved.json().error.message, /RUS/);
      assert.equal((await get('/api/v1/bodies/wg-peacekeeping', headRu)).json().parent, 'nrc-prepcom');
      assert.equal(await auditCount(a), events, 'nothing refused was recorded');
    });

    test('narrowing a parent below its sub-bodies is refused, by its format or by its format’s members', async () => {
      const narrowed = await send('PATCH', '/api/v1/bodies/nrc-prepcom', { format: 'nato-19' });
      assert.equal(narrowed.statusCode, 400, narrowed.body);
      const paths = narrowed.json().error.details.map((d: { path: string }) => d.path);
      assert.ok(paths.length > 0 && paths.every((p: string) => p === 'format'), narrowed.body);
      assert.match(narrowed.json().error.message, /sub-body "wg-/);
      // A format of their own for the Preparatory Committee, then Russia removed from it.
      const own = await send('POST', '/api/v1/formats', {
        code: 'prepcom-20',
        name: 'Preparatory Committee (at 20, demo)',
        members: (await get('/api/v1/formats/nrc-20')).json().members,
      });
      assert.equal(own.statusCode, 201, own.body);
      assert.equal((await send('PATCH', '/api/v1/bodies/nrc-prepcom', { format: 'prepcom-20' })).statusCode, 200);
      const members = (own.json().members as string[]).filter((m) => m !== 'RUS');
      const shrunk = await send('PATCH', '/api/v1/formats/prepcom-20', { members });
      assert.equal(shrunk.statusCode, 400, shrunk.body);
      assert.match(shrunk.json().error.message, /sub-body\(ies\) of the body "nrc-prepcom".*RUS/);
    });

    test('a public body at 19 under a body Russia may not see names no parent to Russia', async () => {
      const created = await send('POST', '/api/v1/bodies', {
        code: 'nac-public-group',
        name: 'Public group of the NAC (demo)',
        kind: 'ad_hoc_group',
        parent: 'nac',
        format: 'nato-19',
        public: true,
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await get('/api/v1/bodies/nac', headRu)).statusCode, 404);
      const one = await get('/api/v1/bodies/nac-public-group', headRu);
      assert.equal(one.statusCode, 200, one.body);
      assert.equal(one.json().parent, null);
      const listed = (await get('/api/v1/bodies', headRu))
        .json()
        .items.find((b: { code: string }) => b.code === 'nac-public-group');
      assert.equal(listed.parent, null);
      assert.ok(!JSON.stringify((await get('/api/v1/bodies', headRu)).json()).includes('"nac"'));
    });
  });
}
