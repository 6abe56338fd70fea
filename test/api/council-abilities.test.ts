// Members, persons and formats carry what their signed-in reader may do, decided by `can` (the
// secretariat edits reference data, a delegate only reads); a format's usage — what a change of its
// members affects — is for staff only; and a change of members may not leave an item seen by more
// members than its body. On both real databases, through the real API with real sessions.
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
  describe(`council abilities and format usage (${dialect})`, () => {
    let a: AccountsApp;
    let secretariat: Client;
    let chair: Client;
    let auditor: Client;
    let headRu: Client;
    let headPl: Client;
    before(async () => {
      a = await createAccountsApp(dialect);
      [secretariat, chair, auditor, headRu, headPl] = await Promise.all([
        signIn(a.app, DEMO.secretariat),
        signIn(a.app, DEMO.chair),
        signIn(a.app, DEMO.auditor),
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

    test('members, persons and formats: the secretariat may change and delete, head.ru and the chair only read; lists say who may add', async () => {
      for (const [who, client, item, create] of [
        ['secretariat', () => secretariat, EDITOR, true],
        ['head.ru', () => headRu, READER, false],
        ['chair', () => chair, READER, false],
      ] as const) {
        for (const list of ['/api/v1/members', '/api/v1/persons', '/api/v1/formats']) {
          const res = await get(list, client());
          assert.equal(res.statusCode, 200, `${list} as ${who}`);
          const body = res.json<{ items: { abilities: unknown }[]; abilities: unknown }>();
          assert.ok(body.items.length > 0, `${list} lists something`);
          for (const i of body.items) assert.deepEqual(i.abilities, item, `${list} item as ${who}`);
          assert.deepEqual(body.abilities, { create }, `${list} list abilities as ${who}`);
        }
        assert.deepEqual((await get('/api/v1/members/POL', client())).json().abilities, item, `member POL as ${who}`);
        assert.deepEqual(
          (await get('/api/v1/formats/nato-19', client())).json().abilities,
          item,
          `format nato-19 as ${who}`,
        );
        const someone = (await get('/api/v1/persons', client())).json().items[0].id as string;
        assert.deepEqual(
          (await get(`/api/v1/persons/${someone}`, client())).json().abilities,
          item,
          `a person as ${who}`,
        );
      }
    });

    test('the public and the admin token read reference data in its old shape, without abilities', async () => {
      const members = (await get('/api/v1/members')).json();
      assert.equal('abilities' in members, false);
      assert.equal('abilities' in members.items[0], false);
      const format = (await a.app.inject({ url: '/api/v1/formats/nato-19', headers: admin })).json();
      assert.deepEqual(Object.keys(format).sort(), ['code', 'description', 'members', 'name']);
    });

    test('a delegate gets 403 on every write and nothing changes; the public gets 401', async () => {
      const events = await auditCount(a);
      const person = (await get('/api/v1/persons', headPl))
        .json()
        .items.find((p: { name: string }) => p.name === 'Jerzy Szmajdziński') as { id: string };
      const refusals = [
        await send('PATCH', '/api/v1/members/POL', headPl, { name: 'Polska' }),
        await send('PATCH', '/api/v1/members/RUS', headRu, { groups: ['Ally'] }),
        await send('POST', '/api/v1/persons', headPl, {
          name: 'Someone',
          functions: [{ title: 'Ambassador', member: 'POL' }],
        }),
        await send('PATCH', `/api/v1/persons/${person.id}`, headPl, { functions: [] }),
        await send('DELETE', `/api/v1/persons/${person.id}`, headPl),
        // The central rule: a partner's delegate cannot let itself into the Allies' format.
        await send('PATCH', '/api/v1/formats/nato-19', headRu, { members: ['RUS', 'USA'] }),
        await send('DELETE', '/api/v1/formats/nato-19', headRu),
        await send('POST', '/api/v1/formats', chair, { code: 'chairs', name: 'Chairs', members: ['POL'] }),
      ];
      for (const res of refusals) {
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'FORBIDDEN');
      }
      const anonymous = await a.app.inject({
        method: 'PATCH',
        url: '/api/v1/formats/nato-19',
        headers: json,
        payload: { members: ['RUS'] },
      });
      assert.equal(anonymous.statusCode, 401);
      assert.equal((await get('/api/v1/members/POL')).json().name, 'Poland');
      assert.equal((await get('/api/v1/formats/nato-19')).json().members.includes('RUS'), false);
      assert.equal((await get(`/api/v1/persons/${person.id}`)).json().functions.length, 1);
      assert.equal(await auditCount(a), events, 'no refused write was recorded as a change');
    });

    test('usage counts the items of a format and how many are public, for staff; a new meeting at 19 is counted', async () => {
      const usage = async (client: Client) => {
        const res = await get('/api/v1/formats/nato-19/usage', client);
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      // The demo at 19: the Defence Ministers' meeting in Warsaw and the North Atlantic Council, neither public.
      const expected = {
        format: 'nato-19',
        meetings: { total: 1, public: 0 },
        projects: { total: 0, public: 0 },
        events: { total: 0, public: 0 },
        bodies: { total: 1, public: 0 },
        texts: { total: 0 },
      };
      assert.deepEqual(await usage(secretariat), expected);
      assert.deepEqual(await usage(chair), expected, 'the chair is staff');
      assert.deepEqual(await usage(auditor), expected, 'the auditor is staff');
      const nrc = (await get('/api/v1/formats/nrc-20/usage', secretariat)).json();
      assert.deepEqual(nrc.bodies, { total: 5, public: 5 });
      assert.equal(nrc.texts.total, 2);

      const created = await send('POST', '/api/v1/meetings', secretariat, {
        body: 'nac',
        level: 'Ambassadors',
        startsAt: '2002-10-02T10:00',
        endsAt: '2002-10-02T12:00',
        timeZone: 'Europe/Brussels',
        public: true,
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual((await usage(secretariat)).meetings, { total: 2, public: 1 });

      const missing = await get('/api/v1/formats/no-such-format/usage', secretariat);
      assert.equal(missing.statusCode, 404);
    });

    test('usage is refused to delegates (403, even for a format that does not exist) and to the public (401)', async () => {
      for (const client of [headRu, headPl]) {
        for (const code of ['nato-19', 'nrc-20', 'no-such-format']) {
          const res = await get(`/api/v1/formats/${code}/usage`, client);
          assert.equal(res.statusCode, 403, `${code}: ${res.body}`);
          assert.equal(res.json().error.code, 'FORBIDDEN');
          assert.doesNotMatch(res.body, /meetings|total/);
        }
      }
      const anonymous = await get('/api/v1/formats/nato-19/usage');
      assert.equal(anonymous.statusCode, 401);
    });

    test('a function cannot end before it starts; the detail names the function field', async () => {
      const res = await send('POST', '/api/v1/persons', secretariat, {
        name: 'Backwards',
        functions: [{ title: 'Ambassador', member: 'POL', startedOn: '2002-10-01', endedOn: '2002-09-01' }],
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().error.details, [
        { path: 'functions[0].endedOn', message: 'must be on or after the day the function started' },
      ]);
    });

    test('a person still referred to, and a format used only by a text, are refused with 409 naming the references', async () => {
      const robertson = (await get('/api/v1/persons', secretariat))
        .json()
        .items.find((p: { name: string }) => p.name.startsWith('Lord Robertson')) as { id: string };
      const person = await send('DELETE', `/api/v1/persons/${robertson.id}`, secretariat);
      assert.equal(person.statusCode, 409);
      assert.equal(person.json().error.code, 'IN_USE');
      assert.equal(
        person.json().error.message,
        'The person "Lord Robertson of Port Ellen" is still used by body "nrc" (as chair), body "nac" (as chair), 2 meeting participant(s). Remove those references first.',
      );

      // Texts refer to their format too: before they were counted, the database's bare refusal named nothing.
      assert.equal(
        (
          await send('POST', '/api/v1/formats', 'admin', {
            code: 'allies-three',
            name: 'Three Allies',
            members: ['USA', 'GBR', 'FRA'],
          })
        ).statusCode,
        201,
      );
      const text = await send('POST', '/api/v1/texts', 'admin', {
        body: 'nac',
        format: 'allies-three',
        kind: 'statement',
        title: 'A statement of three',
        text: 'Wording.',
      });
      assert.equal(text.statusCode, 201, text.body);
      const format = await send('DELETE', '/api/v1/formats/allies-three', secretariat);
      assert.equal(format.statusCode, 409, format.body);
      assert.equal(format.json().error.code, 'IN_USE');
      assert.match(format.json().error.message, /1 text\(s\)/);
      assert.equal((await get('/api/v1/formats/allies-three/usage', secretariat)).json().texts.total, 1);
    });

    test('a change of members may not show an item to members its body does not admit; other changes go through', async () => {
      assert.equal(
        (
          await send('POST', '/api/v1/formats', 'admin', {
            code: 'quad',
            name: 'Quad',
            members: ['USA', 'GBR', 'FRA', 'DEU'],
          })
        ).statusCode,
        201,
      );
      const meeting = await send('POST', '/api/v1/meetings', 'admin', {
        body: 'nac',
        format: 'quad',
        level: 'Ministers',
        startsAt: '2002-11-20T10:00',
        endsAt: '2002-11-20T12:00',
        timeZone: 'Europe/Prague',
      });
      assert.equal(meeting.statusCode, 201, meeting.body);
      const events = await auditCount(a, 'format.updated');

      // Adding Russia to the Quad would show the Quad's meeting of the North Atlantic Council to Russia.
      const widened = await send('PATCH', '/api/v1/formats/quad', secretariat, {
        members: ['USA', 'GBR', 'FRA', 'DEU', 'RUS'],
      });
      assert.equal(widened.statusCode, 400, widened.body);
      assert.equal(widened.json().error.code, 'VALIDATION_FAILED');
      assert.deepEqual(widened.json().error.details, [
        {
          path: 'members',
          message:
            'would show 1 meeting(s) of the body "nac" (in Quad) to RUS, who would not be in that body\'s format NATO (at 19)',
        },
      ]);
      // Taking the United States out of NATO (at 19) would leave the Quad's meeting wider than its body.
      const narrowed = await send('PATCH', '/api/v1/formats/nato-19', secretariat, {
        members: (await get('/api/v1/formats/nato-19')).json().members.filter((m: string) => m !== 'USA'),
      });
      assert.equal(narrowed.statusCode, 400, narrowed.body);
      assert.match(
        narrowed.json().error.details[0].message,
        /to USA, who would not be in that body's format NATO \(at 19\)/,
      );
      assert.equal((await get('/api/v1/formats/quad')).json().members.includes('RUS'), false);
      assert.equal((await get('/api/v1/formats/nato-19')).json().members.includes('USA'), true);
      assert.equal(await auditCount(a, 'format.updated'), events);

      // Iceland is not in the Quad, so it may leave NATO (at 19); and the Quad may shrink.
      const iceland = await send('PATCH', '/api/v1/formats/nato-19', secretariat, {
        members: (await get('/api/v1/formats/nato-19')).json().members.filter((m: string) => m !== 'ISL'),
      });
      assert.equal(iceland.statusCode, 200, iceland.body);
      assert.equal(iceland.json().members.length, 18);
      assert.deepEqual(iceland.json().abilities, EDITOR);
      const quad = await send('PATCH', '/api/v1/formats/quad', secretariat, { members: ['USA', 'GBR'], name: 'Two' });
      assert.equal(quad.statusCode, 200, quad.body);
      assert.equal(await auditCount(a, 'format.updated'), events + 2);
    });
  });
}
