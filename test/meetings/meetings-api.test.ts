// The meetings API on both real databases: the Warsaw meetings of the demo, writes with their audit
// events, status steps, and refusals that name the field and change nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { auth, createTestApp, type TestApp } from '../support/app.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';
import { auditCount, DEMO, IDS, json, lastAudit, signIn } from './support.ts';

const write = { ...json, ...auth };
const newMeeting = {
  body: 'nrc-prepcom',
  level: 'Ambassadors',
  startsAt: '2002-10-16T10:00',
  endsAt: '2002-10-16T12:30',
  timeZone: 'Europe/Brussels',
  venue: { name: 'NATO Headquarters', city: 'Brussels', country: 'Belgium' },
  public: true,
};

for (const dialect of DIALECTS) {
  describe(`meetings API on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t?.close());

    test("the NRC in Warsaw on 25 September 2002: agenda under the seed's two subject areas, participants, outcome", async () => {
      const res = await t.app.inject({ url: `/api/v1/meetings/${IDS.meetingAt20}` });
      assert.equal(res.statusCode, 200);
      const m = res.json();
      assert.equal(m.format.code, 'nrc-20');
      assert.equal(m.host.name, 'Poland');
      assert.deepEqual(m.venue, { name: null, city: 'Warsaw', country: 'Poland' });
      assert.equal(m.timeZone, 'Europe/Warsaw');
      assert.equal(m.local.offset, '+02:00');
      assert.equal(m.status, 'record_approved');
      assert.deepEqual(
        m.agenda.map((g: { subjectArea: string }) => g.subjectArea),
        [
          'NATO-Russia cooperation since the Rome summit and the prospects for the future',
          'Current international issues',
        ],
      );
      assert.ok(
        m.agenda[1].items.some((i: { topics: { code: string }[] }) =>
          i.topics.some((topic) => topic.code === 'non-proliferation'),
        ),
      );
      assert.deepEqual(
        m.participants.map((p: { person: { name: string } }) => p.person.name),
        ['Lord Robertson of Port Ellen', 'Sergei Ivanov', 'Jerzy Szmajdziński'],
      );
      assert.match(
        m.outcome.summary,
        /record of the NATO-Russia Council in the defence field is already a remarkable one/,
      );
    });

    test('create, change, agenda, participants, outcome and status each write one audit event; a no-op writes none', async () => {
      const before = await auditCount(t);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/meetings',
        headers: write,
        payload: newMeeting,
      });
      assert.equal(created.statusCode, 201, created.body);
      const m = created.json();
      assert.equal(m.title, 'NRC Preparatory Committee, Ambassadors', 'the title defaults to body and level');
      assert.equal(m.format.code, 'nrc-20', "the format defaults to the body's");
      assert.equal(m.startsAt, '2002-10-16T08:00:00.000Z', 'Brussels in October is UTC+2');
      assert.equal(m.status, 'planned');
      const created1 = await lastAudit(t, 'meeting.created');
      assert.equal(created1.object_id, m.id);
      assert.equal(created1.request_id, created.headers['x-request-id']);

      const url = `/api/v1/meetings/${m.id}`;
      assert.equal(
        (await t.app.inject({ method: 'PATCH', url, headers: write, payload: { level: 'Ambassadors' } })).statusCode,
        200,
      );
      assert.equal(await auditCount(t), before + 1, 'a PATCH that changes nothing records nothing');
      const moved = await t.app.inject({
        method: 'PATCH',
        url,
        headers: write,
        payload: { startsAt: '2002-10-16T09:00' },
      });
      assert.equal(moved.json().local.start, '09:00');
      const agenda = await t.app.inject({
        method: 'PUT',
        url: `${url}/agenda`,
        headers: write,
        payload: {
          items: [
            {
              subjectArea: 'Preparation of the Council',
              title: 'Draft agenda of the next ministerial',
              topics: ['terrorism'],
              documents: ['NRC(2002)0045'],
            },
          ],
        },
      });
      assert.equal(agenda.statusCode, 200, agenda.body);
      assert.deepEqual(agenda.json().agenda[0].items[0].documents, ['NRC(2002)0045']);
      const people = await t.app.inject({
        method: 'PUT',
        url: `${url}/participants`,
        headers: write,
        payload: { participants: [{ person: IDS.robertson, function: 'Chair' }] },
      });
      assert.equal(people.json().participants[0].person.name, 'Lord Robertson of Port Ellen');
      const outcome = await t.app.inject({
        method: 'PUT',
        url: `${url}/outcome`,
        headers: write,
        payload: { summary: 'The Committee prepared the ministerial.', decisions: ['Agenda agreed.'] },
      });
      assert.deepEqual(outcome.json().outcome, {
        summary: 'The Committee prepared the ministerial.',
        decisions: ['Agenda agreed.'],
      });
      assert.equal(
        (
          await t.app.inject({ method: 'POST', url: `${url}/status`, headers: write, payload: { status: 'held' } })
        ).json().status,
        'held',
      );
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: `${url}/status`,
            headers: write,
            payload: { status: 'record_approved' },
          })
        ).json().status,
        'record_approved',
      );
      const actions = (
        await t.db.database.db
          .selectFrom('audit_events')
          .select('action')
          .where('object_id', '=', m.id)
          .orderBy('seq')
          .execute()
      ).map((e) => e.action);
      assert.deepEqual(actions, [
        'meeting.created',
        'meeting.updated',
        'meeting.agenda_set',
        'meeting.participants_set',
        'meeting.outcome_recorded',
        'meeting.status_changed',
        'meeting.status_changed',
      ]);
      assert.deepEqual((await lastAudit(t, 'meeting.status_changed')).summary, {
        changes: { status: { from: 'held', to: 'record_approved' } },
      });

      assert.equal((await t.app.inject({ method: 'DELETE', url, headers: auth })).statusCode, 204);
      assert.equal((await t.app.inject({ url, headers: auth })).statusCode, 404);
      assert.equal((await lastAudit(t, 'meeting.deleted')).object_id, m.id);
      assert.equal((await verifyAuditChain(t.db.database)).ok, true);
    });

    test('a status step that skips, goes back or leaves an approved record is 409 INVALID_TRANSITION naming the field', async () => {
      const created = (
        await t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: write, payload: newMeeting })
      ).json();
      const url = `/api/v1/meetings/${created.id}/status`;
      const before = await auditCount(t);
      const skip = await t.app.inject({ method: 'POST', url, headers: write, payload: { status: 'record_approved' } });
      assert.equal(skip.statusCode, 409);
      assert.equal(skip.json().error.code, 'INVALID_TRANSITION');
      assert.deepEqual(skip.json().error.details, [
        { path: 'status', message: 'can go from "planned" only to "held"' },
      ]);
      await t.app.inject({ method: 'POST', url, headers: write, payload: { status: 'held' } });
      const noSummary = await t.app.inject({
        method: 'POST',
        url,
        headers: write,
        payload: { status: 'record_approved' },
      });
      assert.deepEqual(noSummary.json().error.details, [
        { path: 'outcome.summary', message: 'is required before the record is approved' },
      ]);
      const approved = await t.app.inject({
        url: `/api/v1/meetings/${IDS.meetingAt20}/status`,
        method: 'POST',
        headers: write,
        payload: { status: 'held' },
      });
      assert.match(approved.json().error.message, /final/);
      assert.equal(await auditCount(t), before + 1, 'only the valid step was recorded');
    });

    test('bad input is 400 VALIDATION_FAILED naming each field, and nothing is written', async () => {
      const before = await auditCount(t);
      const total = (await t.app.inject({ url: '/api/v1/meetings', headers: auth })).json().total;
      const cases: [Record<string, unknown>, string[]][] = [
        [{ ...newMeeting, level: undefined }, ['level']],
        [{ ...newMeeting, timeZone: 'Europe/Atlantis', colour: 'red' }, ['timeZone', 'colour']],
        [{ ...newMeeting, startsAt: '16 October 2002' }, ['startsAt']],
        [{ ...newMeeting, endsAt: '2002-10-16T09:00' }, ['endsAt']],
        [
          { ...newMeeting, startsAt: '2002-03-31T02:30', endsAt: '2002-03-31T04:00', timeZone: 'Europe/Warsaw' },
          ['startsAt'],
        ],
        [{ ...newMeeting, status: 'held', startsAt: '2030-01-01T10:00', endsAt: '2030-01-01T11:00' }, ['status']],
        [{ ...newMeeting, body: 'nac', format: 'nrc-20' }, ['format']],
        [
          { ...newMeeting, participants: [{ person: 'not-a-uuid', function: '' }] },
          ['participants[0].person', 'participants[0].function'],
        ],
      ];
      for (const [payload, paths] of cases) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: write, payload });
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED');
        assert.deepEqual(
          res.json().error.details.map((d: { path: string }) => d.path),
          paths,
          res.body,
        );
      }
      assert.equal(await auditCount(t), before);
      assert.equal((await t.app.inject({ url: '/api/v1/meetings', headers: auth })).json().total, total);
    });

    test('unknown body, host, topic and person are 422 UNKNOWN_REFERENCE, each named', async () => {
      const before = await auditCount(t);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/meetings',
        headers: write,
        payload: {
          ...newMeeting,
          body: 'nrc-21',
          host: 'ATL',
          agenda: [{ subjectArea: 'A', title: 'B', topics: ['terrorism', 'gardening'] }],
          participants: [{ person: '00000000-0000-4000-8000-000000000000', function: 'Chair' }],
        },
      });
      assert.equal(res.statusCode, 422);
      assert.deepEqual(
        res.json().error.details.map((d: { path: string }) => d.path),
        ['body', 'host', 'agenda[0].topics[1]', 'participants[0].person'],
      );
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/meetings/${IDS.meetingAt20}`,
        headers: write,
        payload: { host: 'ATL' },
      });
      assert.equal(patch.statusCode, 422);
      assert.equal(
        (await t.app.inject({ url: `/api/v1/meetings/${IDS.meetingAt20}` })).json().host.code,
        'POL',
        'a failed write changes nothing',
      );
      assert.equal(await auditCount(t), before);
    });

    test('writes: the public gets 401, the Russian head of delegation 403, a missing meeting 404', async () => {
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/v1/meetings',
        headers: json,
        payload: newMeeting,
      });
      assert.equal(anonymous.statusCode, 401);
      const ru = await signIn(t.app, DEMO.headRu);
      const forbidden = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/meetings/${IDS.meetingAt20}`,
        headers: { ...json, ...ru.headers },
        payload: { level: 'x' },
      });
      assert.equal(forbidden.statusCode, 403);
      assert.equal(forbidden.json().error.code, 'FORBIDDEN');
      const missing = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/meetings/00000000-0000-4000-8000-000000000000',
        headers: write,
        payload: { level: 'x' },
      });
      assert.equal(missing.statusCode, 404);
    });

    test('the secretariat officer writes through a session too', async () => {
      const officer = await signIn(t.app, DEMO.secretariat);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/meetings',
        headers: { ...json, ...officer.headers },
        payload: { ...newMeeting, level: 'Military Representatives' },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await lastAudit(t, 'meeting.created')).actor, `user:${officer.userId}`);
    });

    test('lists filter by body, status, topic, date and words, and page', async () => {
      const ids = async (query: string) =>
        (await t.app.inject({ url: `/api/v1/meetings?${query}`, headers: auth }))
          .json()
          .items.map((m: { id: string }) => m.id);
      assert.deepEqual(await ids('body=nrc'), [IDS.meetingAt20]);
      assert.deepEqual(await ids('topic=non-proliferation'), [IDS.meetingAt20]);
      assert.deepEqual(await ids('from=2002-09-24&to=2002-09-24'), [IDS.meetingAt19]);
      assert.deepEqual(await ids('q=warsaw%20defence&status=held'), [IDS.meetingAt19]);
      const page = (
        await t.app.inject({ url: '/api/v1/meetings?limit=1&offset=1&to=2002-09-30', headers: auth })
      ).json();
      assert.deepEqual([page.total, page.items.map((m: { id: string }) => m.id)], [2, [IDS.meetingAt20]]);
      const bad = await t.app.inject({ url: '/api/v1/meetings?from=2002-02-30&limit=0' });
      assert.deepEqual(
        bad
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .sort(),
        ['from', 'limit'],
      );
    });
  });
}
