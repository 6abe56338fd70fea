// Bodies and topics carry what their signed-in reader may do, decided by `can` on the item itself (a
// body with its format's members and public flag): the secretariat changes and deletes, a delegate only
// reads; a body a delegate may not see is left out of the list and answers 404 like a missing one; a
// delegate's writes are refused with 403 and change nothing; bad input is a coded 400 naming the field.
// On both real databases, through the real API with real sessions.
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

const EDITOR = { update: true, delete: true };
const READER = { update: false, delete: false };

for (const dialect of DIALECTS) {
  describe(`bodies and topics with abilities (${dialect})`, () => {
    let a: AccountsApp;
    let secretariat: Client;
    let chair: Client;
    let headRu: Client;
    let headPl: Client;
    before(async () => {
      a = await createAccountsApp(dialect);
      [secretariat, chair, headRu, headPl] = await Promise.all([
        signIn(a.app, DEMO.secretariat),
        signIn(a.app, DEMO.chair),
        signIn(a.app, DEMO.headRu),
        signIn(a.app, DEMO.headPl),
      ]);
    });
    after(async () => a?.close());

    const get = (url: string, client?: Client) =>
      a.app.inject({ url, headers: client ? { cookie: client.cookie } : {} });
    const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, client: Client | 'admin', payload?: unknown) =>
      a.app.inject({
        method,
        url,
        headers: { ...(payload === undefined ? {} : json), ...(client === 'admin' ? admin : client.headers) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const codes = (items: { code: string }[]) => items.map((i) => i.code);

    test('the secretariat may change and delete every body and topic and add to both lists; the North Atlantic Council included', async () => {
      const bodies = await get('/api/v1/bodies', secretariat);
      assert.equal(bodies.statusCode, 200, bodies.body);
      assert.deepEqual(bodies.json().abilities, { create: true });
      assert.ok(codes(bodies.json().items).includes('nac'), 'staff see the body at 19');
      for (const b of bodies.json().items) assert.deepEqual(b.abilities, EDITOR, `body ${b.code}`);
      assert.deepEqual((await get('/api/v1/bodies/nac', secretariat)).json().abilities, EDITOR);
      assert.deepEqual((await get('/api/v1/bodies/nrc', secretariat)).json().abilities, EDITOR);

      const topics = await get('/api/v1/topics', secretariat);
      assert.deepEqual(topics.json().abilities, { create: true });
      assert.equal(topics.json().items.length, 9);
      for (const t of topics.json().items) assert.deepEqual(t.abilities, EDITOR, `topic ${t.code}`);
      assert.deepEqual((await get('/api/v1/topics/terrorism', secretariat)).json().abilities, EDITOR);
    });

    test('a delegate and the chair only read: item abilities are false and the lists say they may not add', async () => {
      for (const [who, client] of [
        ['head.ru', () => headRu],
        ['head.pl', () => headPl],
        ['chair', () => chair],
      ] as const) {
        const bodies = (await get('/api/v1/bodies', client())).json();
        assert.deepEqual(bodies.abilities, { create: false }, `bodies list as ${who}`);
        assert.ok(bodies.items.length > 0);
        for (const b of bodies.items) assert.deepEqual(b.abilities, READER, `body ${b.code} as ${who}`);
        assert.deepEqual(
          (await get('/api/v1/bodies/wg-peacekeeping', client())).json().abilities,
          READER,
          `wg-peacekeeping as ${who}`,
        );
        const topics = (await get('/api/v1/topics', client())).json();
        assert.deepEqual(topics.abilities, { create: false }, `topics list as ${who}`);
        for (const t of topics.items) assert.deepEqual(t.abilities, READER, `topic ${t.code} as ${who}`);
        assert.deepEqual(
          (await get('/api/v1/topics/crisis-management', client())).json().abilities,
          READER,
          `topic as ${who}`,
        );
      }
      // An Ally's delegate sees the body at 19, still read-only.
      assert.deepEqual((await get('/api/v1/bodies/nac', headPl)).json().abilities, READER);
    });

    test('head.ru, outside NATO (at 19), does not find the North Atlantic Council in the list and gets 404 for it like a missing body', async () => {
      const list = (await get('/api/v1/bodies', headRu)).json();
      assert.equal(codes(list.items).includes('nac'), false);
      assert.ok(codes(list.items).includes('nrc'), 'the bodies at 20 are listed');
      assert.equal(JSON.stringify(list).includes('North Atlantic Council'), false);
      const hidden = await get('/api/v1/bodies/nac', headRu);
      const missing = await get('/api/v1/bodies/no-such-body', headRu);
      assert.equal(hidden.statusCode, 404);
      assert.equal(missing.statusCode, 404);
      assert.equal(hidden.json().error.code, missing.json().error.code);
      assert.equal(
        hidden.json().error.message.replace('nac', 'X'),
        missing.json().error.message.replace('no-such-body', 'X'),
      );
      assert.equal((await get('/api/v1/bodies/nac/achievements', headRu)).statusCode, 404);
    });

    test('the public and the admin token read bodies and topics in their old shape, without abilities', async () => {
      const bodies = (await get('/api/v1/bodies')).json();
      assert.equal('abilities' in bodies, false);
      assert.equal('abilities' in bodies.items[0], false);
      const topic = (await a.app.inject({ url: '/api/v1/topics/terrorism', headers: admin })).json();
      assert.deepEqual(Object.keys(topic).sort(), ['code', 'description', 'name', 'position', 'source']);
      const nac = (await a.app.inject({ url: '/api/v1/bodies/nac', headers: admin })).json();
      assert.deepEqual(Object.keys(nac).sort(), [
        'chair',
        'code',
        'description',
        'format',
        'kind',
        'name',
        'parent',
        'public',
        'topics',
      ]);
    });

    test('the secretariat creates, changes and deletes a body and a topic; each answer carries the abilities', async () => {
      const topic = await send('POST', '/api/v1/topics', secretariat, { code: 'cyber-defence', name: 'Cyber defence' });
      assert.equal(topic.statusCode, 201, topic.body);
      assert.deepEqual(topic.json().abilities, EDITOR);
      const body = await send('POST', '/api/v1/bodies', secretariat, {
        code: 'wg-cyber',
        name: 'Working Group on Cyber Defence',
        kind: 'working_group',
        parent: 'nrc',
        format: 'nrc-20',
        topics: ['cyber-defence'],
      });
      assert.equal(body.statusCode, 201, body.body);
      assert.deepEqual(body.json().abilities, EDITOR);
      assert.deepEqual(body.json().topics, ['cyber-defence']);
      const renamed = await send('PATCH', '/api/v1/bodies/wg-cyber', secretariat, {
        name: 'Working Group on Cyber Security',
        public: true,
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.equal(renamed.json().name, 'Working Group on Cyber Security');
      assert.deepEqual(renamed.json().abilities, EDITOR);
      // The new body is at 20 and public: head.ru sees it, read-only.
      assert.deepEqual((await get('/api/v1/bodies/wg-cyber', headRu)).json().abilities, READER);
      const topicRenamed = await send('PATCH', '/api/v1/topics/cyber-defence', secretariat, {
        description: 'Defence against attacks on networks.',
      });
      assert.equal(topicRenamed.statusCode, 200, topicRenamed.body);
      assert.deepEqual(topicRenamed.json().abilities, EDITOR);

      // A topic a body refers to is refused, naming the body; once the body is gone it goes.
      const inUse = await send('DELETE', '/api/v1/topics/cyber-defence', secretariat);
      assert.equal(inUse.statusCode, 409, inUse.body);
      assert.equal(inUse.json().error.code, 'IN_USE');
      assert.match(inUse.json().error.message, /wg-cyber/);
      assert.equal((await send('DELETE', '/api/v1/bodies/wg-cyber', secretariat)).statusCode, 204);
      assert.equal((await get('/api/v1/bodies/wg-cyber', secretariat)).statusCode, 404);
      assert.equal((await send('DELETE', '/api/v1/topics/cyber-defence', secretariat)).statusCode, 204);
    });

    test("a delegate's POST, PATCH and DELETE on bodies and topics get 403 and change nothing, even on a body they may not see", async () => {
      const events = await auditCount(a);
      const refusals = [
        await send('POST', '/api/v1/bodies', headPl, {
          code: 'wg-pl',
          name: 'Polish group',
          kind: 'working_group',
          format: 'nrc-20',
        }),
        await send('PATCH', '/api/v1/bodies/wg-peacekeeping', headRu, { name: 'Renamed' }),
        await send('PATCH', '/api/v1/bodies/nac', headRu, { format: 'nrc-20' }),
        await send('DELETE', '/api/v1/bodies/nrc-prepcom', headPl),
        await send('DELETE', '/api/v1/bodies/nac', headRu),
        await send('POST', '/api/v1/topics', headRu, { code: 'new-topic', name: 'New topic' }),
        await send('PATCH', '/api/v1/topics/terrorism', headPl, { name: 'Terror' }),
        await send('DELETE', '/api/v1/topics/new-threats', headRu),
        await send('PATCH', '/api/v1/bodies/nrc', chair, { name: 'The Council' }),
      ];
      for (const res of refusals) {
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'FORBIDDEN');
      }
      assert.equal((await get('/api/v1/bodies/wg-peacekeeping')).json().name, 'Working Group on Peacekeeping');
      assert.equal((await get('/api/v1/bodies/nac', secretariat)).json().format, 'nato-19');
      assert.equal((await get('/api/v1/topics/terrorism')).json().name, 'Struggle against terrorism');
      assert.equal((await get('/api/v1/topics/new-topic')).statusCode, 404);
      assert.equal(await auditCount(a), events, 'no refused write was recorded as a change');
    });

    test('bad input gets a coded 400 naming the field', async () => {
      const cases: [string, string, unknown, string][] = [
        [
          'POST',
          '/api/v1/bodies',
          { code: 'Bad Code', name: 'A group', kind: 'working_group', format: 'nrc-20' },
          'code',
        ],
        ['POST', '/api/v1/bodies', { code: 'wg-x', name: '', kind: 'working_group', format: 'nrc-20' }, 'name'],
        ['POST', '/api/v1/bodies', { code: 'wg-x', name: 'X', kind: 'club', format: 'nrc-20' }, 'kind'],
        [
          'POST',
          '/api/v1/bodies',
          { code: 'wg-x', name: 'X', kind: 'working_group', format: 'nrc-20', chair: 'someone' },
          'chair',
        ],
        [
          'POST',
          '/api/v1/bodies',
          { code: 'wg-x', name: 'X', kind: 'working_group', format: 'nrc-20', colour: 'red' },
          'colour',
        ],
        ['POST', '/api/v1/topics', { code: 'x', name: 'X', position: -1 }, 'position'],
        ['PATCH', '/api/v1/topics/terrorism', { name: '   ' }, 'name'],
      ];
      for (const [method, url, payload, field] of cases) {
        const res = await send(method as 'POST' | 'PATCH', url, secretariat, payload);
        assert.equal(res.statusCode, 400, `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED', res.body);
        const paths = (res.json().error.details ?? []).map((d: { path: string }) => d.path);
        assert.ok(paths.includes(field), `${JSON.stringify(payload)} names ${field}: ${res.body}`);
      }
    });

    test('a body under itself, directly or through its own sub-body, gets a coded 400 naming the parent, and nothing changes', async () => {
      const events = await auditCount(a);
      const self = await send('PATCH', '/api/v1/bodies/nrc-prepcom', secretariat, { parent: 'nrc-prepcom' });
      assert.equal(self.statusCode, 400, self.body);
      assert.equal(self.json().error.code, 'VALIDATION_FAILED');
      assert.deepEqual(self.json().error.details, [{ path: 'parent', message: 'is the body itself' }]);
      assert.match(self.json().error.message, /cannot be its own parent/);
      const createdUnderItself = await send('POST', '/api/v1/bodies', secretariat, {
        code: 'wg-loop',
        name: 'Loop',
        kind: 'working_group',
        parent: 'wg-loop',
        format: 'nrc-20',
      });
      assert.equal(createdUnderItself.statusCode, 400, createdUnderItself.body);
      // The council's Preparatory Committee is below the council: the council cannot move under it.
      const before = (await get('/api/v1/bodies/nrc', secretariat)).json();
      assert.equal((await get('/api/v1/bodies/nrc-prepcom', secretariat)).json().parent, 'nrc');
      const loop = await send('PATCH', '/api/v1/bodies/nrc', secretariat, { parent: 'nrc-prepcom' });
      assert.equal(loop.statusCode, 400, loop.body);
      assert.equal(loop.json().error.code, 'VALIDATION_FAILED');
      assert.deepEqual(loop.json().error.details, [{ path: 'parent', message: 'is below "nrc"' }]);
      assert.match(loop.json().error.message, /cannot sit under "nrc-prepcom", which is itself below "nrc"/);
      assert.deepEqual((await get('/api/v1/bodies/nrc', secretariat)).json(), before);
      assert.equal((await get('/api/v1/bodies/wg-loop', secretariat)).statusCode, 404);
      assert.equal(await auditCount(a), events, 'nothing refused was recorded');
    });

    test('a reference to nothing (format, parent, chair, topic) gets a coded 422, a taken name a 409, each naming the field', async () => {
      const events = await auditCount(a);
      const cases: [unknown, string[]][] = [
        [{ format: 'no-such-format' }, ['format']],
        [
          { parent: 'no-such-body', chair: '00000000-0000-4000-8000-000000000000', topics: ['terrorism', 'gardening'] },
          ['parent', 'chair', 'topics[1]'],
        ],
      ];
      for (const [payload, fields] of cases) {
        const res = await send('PATCH', '/api/v1/bodies/nrc-prepcom', secretariat, payload);
        assert.equal(res.statusCode, 422, `${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.code, 'UNKNOWN_REFERENCE');
        assert.deepEqual(
          res.json().error.details.map((d: { path: string }) => d.path),
          fields,
        );
      }
      const taken = await send('POST', '/api/v1/bodies', secretariat, {
        code: 'wg-again',
        name: 'Working Group on Peacekeeping',
        kind: 'working_group',
        format: 'nrc-20',
      });
      assert.equal(taken.statusCode, 409, taken.body);
      assert.equal(taken.json().error.code, 'ALREADY_EXISTS');
      assert.deepEqual(taken.json().error.details, [{ path: 'name', message: 'is already used' }]);
      assert.equal((await get('/api/v1/bodies/wg-again', secretariat)).statusCode, 404);
      assert.equal(await auditCount(a), events, 'nothing refused was recorded');
    });
  });
}
