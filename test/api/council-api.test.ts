// The council API on both real databases: reading the demo, writing with audit, and bad input.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { DIALECTS } from '../support/databases.ts';
import { auth, createTestApp, type TestApp } from '../support/app.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';

const json = { 'content-type': 'application/json' };

for (const dialect of DIALECTS) {
  describe(`council API on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t?.close());

    const auditCount = async () =>
      Number(
        (
          await t.db.database.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('GET /api/v1/members lists the 20 members in seating order, Russia between Portugal and Spain', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/members' });
      assert.equal(res.statusCode, 200);
      const names = res.json().items.map((m: { name: string }) => m.name);
      assert.equal(names.length, 20);
      assert.deepEqual(names.slice(names.indexOf('Portugal'), names.indexOf('Portugal') + 3), [
        'Portugal',
        'Russia',
        'Spain',
      ]);
      const russia = res.json().items.find((m: { code: string }) => m.code === 'RUS');
      assert.deepEqual(russia, {
        code: 'RUS',
        name: 'Russia',
        sortName: 'Russia',
        kind: 'state',
        joinedOn: '2002-05-28',
        groups: ['Partner'],
      });
    });

    test('formats: NRC (at 20) has all members, NATO (at 19) excludes Russia', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/formats' });
      const formats = res.json().items as { code: string; name: string; members: string[] }[];
      assert.deepEqual(
        formats.map((f) => [f.name, f.members.length]),
        [
          ['NRC (at 20)', 20],
          ['NATO (at 19)', 19],
        ],
      );
      assert.equal(formats[1]!.members.includes('RUS'), false);
    });

    test('the council, its chair, topics and the working groups of the seed are served', async () => {
      const council = (await t.app.inject({ url: '/api/v1/council' })).json();
      assert.equal(council.name, 'NATO-Russia Council');
      const topics = (await t.app.inject({ url: '/api/v1/topics' })).json().items;
      assert.equal(topics.length, 9);
      assert.equal(topics[0].name, 'Struggle against terrorism');
      const nrc = (await t.app.inject({ url: '/api/v1/bodies/nrc' })).json();
      assert.equal(nrc.chair.name, 'Lord Robertson of Port Ellen');
      const bodies = (await t.app.inject({ url: '/api/v1/bodies' })).json().items.map((b: { code: string }) => b.code);
      for (const code of [
        'nrc',
        'nrc-prepcom',
        'wg-theatre-missile-defence',
        'wg-peacekeeping',
        'experts-defence-reform',
      ])
        assert.ok(bodies.includes(code), code);
    });

    test('a body in a format the reader is not entitled to is absent from the list and answers 404 like a missing one', async () => {
      const publicList = (await t.app.inject({ url: '/api/v1/bodies' }))
        .json()
        .items.map((b: { code: string }) => b.code);
      assert.equal(publicList.includes('nac'), false);
      const hidden = await t.app.inject({ url: '/api/v1/bodies/nac' });
      const missing = await t.app.inject({ url: '/api/v1/bodies/no-such-body' });
      assert.equal(hidden.statusCode, 404);
      assert.equal(missing.statusCode, 404);
      assert.equal(
        hidden.json().error.message.replace('nac', 'X'),
        missing.json().error.message.replace('no-such-body', 'X'),
      );
      const page = (await t.app.inject({ url: '/', headers: { accept: 'text/html' } })).body;
      assert.equal(page.includes('North Atlantic Council'), false);
      const staff = (await t.app.inject({ url: '/api/v1/bodies/nac', headers: auth })).json();
      assert.equal(staff.format, 'nato-19');
    });

    test('GET /api/openapi.json is a valid OpenAPI 3 document describing the council endpoints', async () => {
      const res = await t.app.inject({ url: '/api/openapi.json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      const result = await new Validator().validate(doc);
      assert.equal(result.valid, true, JSON.stringify(result.errors));
      assert.match(doc.openapi, /^3\./);
      for (const path of [
        '/api/v1/members',
        '/api/v1/members/{code}',
        '/api/v1/formats',
        '/api/v1/bodies',
        '/api/v1/topics',
        '/api/v1/persons',
      ])
        assert.ok(doc.paths[path], path);
      const docs = await t.app.inject({ url: '/api/docs/' });
      assert.equal(docs.statusCode, 200);
    });

    test('creating, changing and deleting a member writes one audit event each; a no-op change writes none', async () => {
      const before = await auditCount();
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { ...json, ...auth, 'x-request-id': 'ignored' },
        payload: { code: 'ZZA', name: 'Zedland', groups: ['Partner'] },
      });
      assert.equal(created.statusCode, 201);
      assert.deepEqual(created.json(), {
        code: 'ZZA',
        name: 'Zedland',
        sortName: 'Zedland',
        kind: 'state',
        joinedOn: null,
        groups: ['Partner'],
      });
      const changed = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/members/ZZA',
        headers: { ...json, ...auth },
        payload: { joinedOn: '2003-01-01' },
      });
      assert.equal(changed.json().joinedOn, '2003-01-01');
      const same = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/members/ZZA',
        headers: { ...json, ...auth },
        payload: { joinedOn: '2003-01-01' },
      });
      assert.equal(same.statusCode, 200);
      const deleted = await t.app.inject({ method: 'DELETE', url: '/api/v1/members/ZZA', headers: auth });
      assert.equal(deleted.statusCode, 204);
      assert.equal(await auditCount(), before + 3);
      const events = await t.db.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('object_id', '=', 'ZZA')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        events.map((e) => e.action),
        ['member.created', 'member.updated', 'member.deleted'],
      );
      assert.equal(events[0]!.actor, 'admin-token');
      assert.equal(events[0]!.request_id, created.headers['x-request-id']);
      assert.deepEqual(JSON.parse(events[1]!.summary), { changes: { joinedOn: { from: null, to: '2003-01-01' } } });
      assert.deepEqual(await verifyAuditChain(t.db.database).then((v) => v.ok), true);
    });

    test('a member with no name gets 400 VALIDATION_FAILED naming the field, and nothing is written', async () => {
      const before = await auditCount();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { ...json, ...auth },
        payload: { code: 'ZZB' },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.deepEqual(res.json().error.details, [{ path: 'name', message: 'is required' }]);
      assert.match(res.json().error.message, /name is required/);
      const empty = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { ...json, ...auth },
        payload: { code: 'ZZB', name: '   ', colour: 'blue' },
      });
      assert.deepEqual(empty.json().error.details, [
        { path: 'name', message: 'must not be empty' },
        { path: 'colour', message: 'is not a known field; remove it' },
      ]);
      assert.equal((await t.app.inject({ url: '/api/v1/members/ZZB' })).statusCode, 404);
      assert.equal(await auditCount(), before);
    });

    test('a format naming an unknown member gets 422 UNKNOWN_REFERENCE naming it, and nothing is written', async () => {
      const before = await auditCount();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/formats',
        headers: { ...json, ...auth },
        payload: { code: 'nrc-plus', name: 'NRC plus', members: ['POL', 'ATL', 'RUS'] },
      });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.code, 'UNKNOWN_REFERENCE');
      assert.deepEqual(res.json().error.details, [{ path: 'members[1]', message: 'no member "ATL"' }]);
      assert.equal((await t.app.inject({ url: '/api/v1/formats/nrc-plus' })).statusCode, 404);
      assert.equal(await auditCount(), before);
    });

    test('invalid JSON, a 10 MB body and an unknown route each get a coded 4xx, and the server keeps serving', async () => {
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { ...json, ...auth },
        payload: '{"code": "ZZC", "name": ',
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'INVALID_JSON');
      const huge = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { ...json, ...auth },
        payload: JSON.stringify({ code: 'ZZD', name: 'x'.repeat(10 * 1024 * 1024) }),
      });
      assert.equal(huge.statusCode, 413);
      assert.equal(huge.json().error.code, 'BODY_TOO_LARGE');
      const unknown = await t.app.inject({ url: '/api/v1/nothing-here' });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'ROUTE_NOT_FOUND');
      assert.match(unknown.json().error.message, /GET \/api\/v1\/nothing-here/);
      const xml = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { 'content-type': 'application/xml', ...auth },
        payload: '<member/>',
      });
      assert.equal(xml.statusCode, 415);
      assert.equal(xml.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
      assert.equal((await t.app.inject({ url: '/api/v1/members' })).statusCode, 200);
    });

    test('writes need the admin token: none is 401, a wrong one is 401, and bad bodies are not even validated', async () => {
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: json,
        payload: { code: 'ZZE' },
      });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().error.code, 'AUTHENTICATION_REQUIRED');
      const wrong = await t.app.inject({
        method: 'DELETE',
        url: '/api/v1/members/POL',
        headers: { authorization: 'Bearer not-the-token' },
      });
      assert.equal(wrong.statusCode, 401);
      assert.equal((await t.app.inject({ url: '/api/v1/members/POL' })).statusCode, 200);
    });

    test('deleting a member still in a format is refused with IN_USE naming the format', async () => {
      const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/members/POL', headers: auth });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'IN_USE');
      assert.match(res.json().error.message, /format "nato-19"/);
    });

    test('deleting a member that a delegate account is bound to is refused with IN_USE, not a database error', async () => {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { ...json, ...auth },
        payload: { code: 'ZZF', name: 'Freedonia' },
      });
      const user = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { ...json, ...auth },
        payload: {
          email: 'head.zzf@example.org',
          name: 'Head of the Freedonian delegation',
          roles: ['delegate'],
          member: 'ZZF',
          headOfDelegation: true,
          clearance: 'RESTRICTED',
        },
      });
      assert.equal(user.statusCode, 201, user.body);
      const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/members/ZZF', headers: auth });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'IN_USE');
      assert.match(res.json().error.message, /1 user account\(s\)/);
    });

    test('deleting a body, format or topic still used by meetings, projects or events answers IN_USE naming them', async () => {
      const body = await t.app.inject({ method: 'DELETE', url: '/api/v1/bodies/nac', headers: auth });
      assert.equal(body.statusCode, 409, body.body);
      assert.match(body.json().error.message, /meeting\(s\)/);
      const format = await t.app.inject({ method: 'DELETE', url: '/api/v1/formats/nato-19', headers: auth });
      assert.equal(format.statusCode, 409);
      assert.match(format.json().error.message, /meeting\(s\)/);
      const topics = (await t.app.inject({ url: '/api/v1/topics' })).json().items as { code: string }[];
      const refused = [];
      for (const topic of topics) {
        const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/topics/${topic.code}`, headers: auth });
        if (res.statusCode !== 204) {
          assert.equal(res.statusCode, 409, res.body);
          refused.push(res.json().error.message as string);
        }
      }
      assert.ok(
        refused.some((m) => /event\(s\)|project\(s\)|agenda item\(s\)/.test(m)),
        refused.join(' | '),
      );
    });

    test('a body naming an unknown format, parent and topic is refused with each problem named', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/bodies',
        headers: { ...json, ...auth },
        payload: {
          code: 'wg-new',
          name: 'New group',
          kind: 'working_group',
          format: 'nrc-21',
          parent: 'nope',
          topics: ['terrorism', 'gardening'],
        },
      });
      assert.equal(res.statusCode, 422);
      assert.deepEqual(
        res.json().error.details.map((d: { path: string }) => d.path),
        ['format', 'parent', 'topics[1]'],
      );
    });
  });
}
