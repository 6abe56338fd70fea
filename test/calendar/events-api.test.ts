// The events calendar on both real databases: the three events the seed announces, dates of stated
// precision, series ordinals, the month and agenda views, and refusals that change nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { auth, createTestApp, type TestApp } from '../support/app.ts';
import { auditCount, IDS, json, lastAudit } from '../meetings/support.ts';

const write = { ...json, ...auth };
type Entry = { id: string; title: string };

for (const dialect of DIALECTS) {
  describe(`events API on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t?.close());

    test('the events the seed announces: the exercise in Russia, the experts on defence reform, Moscow in December (the second in a series)', async () => {
      const list = (await t.app.inject({ url: '/api/v1/events?from=2002-09-25' })).json();
      assert.deepEqual(
        list.items.map((e: { title: string }) => e.title),
        [
          'Bogorodsk 2002: joint civil emergency exercise',
          'NRC seminar on defence reform',
          'The Role of the Military in Combating Terrorism (Moscow)',
        ],
      );
      const [exercise, seminar, conference] = list.items;
      assert.deepEqual(exercise.date, {
        text: '25–27 September 2002',
        precision: 'range',
        startsOn: '2002-09-25',
        endsOn: '2002-09-27',
      });
      assert.deepEqual(
        [exercise.host.code, exercise.place.city, exercise.status],
        ['RUS', 'Noginsk, Moscow region', 'ongoing'],
      );
      assert.equal(seminar.place.name, 'NATO Defense College');
      assert.equal(conference.series.phrase, 'the second in a series');
      const series = (await t.app.inject({ url: `/api/v1/event-series/${conference.series.code}` })).json();
      assert.deepEqual(
        series.events.map((e: { date: { text: string }; place: { city: string } }) => [e.date.text, e.place.city]),
        [
          ['February 2002', 'Rome'],
          ['9 December 2002', 'Moscow'],
        ],
      );
      const detail = (await t.app.inject({ url: `/api/v1/events/${IDS.bogorodsk}` })).json();
      assert.deepEqual(
        detail.projects.map((p: { title: string }) => p.title),
        ['Civil emergency preparedness'],
      );
    });

    test('an event "early October 2002" keeps its words, is placed on 1–10 October, and stands beside the month view, not on ten days', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: write,
        payload: {
          kind: 'experts_meeting',
          title: 'Allied and Russian experts on airspace (demo)',
          date: 'early October 2002',
          body: 'nrc-prepcom',
          public: true,
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json().date, {
        text: 'early October 2002',
        precision: 'part_of_month',
        startsOn: '2002-10-01',
        endsOn: '2002-10-10',
      });
      assert.equal(res.json().format.code, 'nrc-20');
      const month = (await t.app.inject({ url: '/api/v1/calendar/month?month=2002-10' })).json();
      assert.deepEqual(
        month.imprecise.map((e: Entry) => e.id),
        [res.json().id],
      );
      const onTenth = month.weeks
        .flatMap((w: { days: { date: string; entries: Entry[] }[] }) => w.days)
        .find((d: { date: string }) => d.date === '2002-10-10');
      assert.deepEqual(
        onTenth.entries.map((e: Entry) => e.title),
        ['NRC seminar on defence reform'],
      );
      const agenda = (await t.app.inject({ url: '/api/v1/calendar/agenda?from=2002-09-24&to=2002-10-31' })).json();
      assert.deepEqual(
        agenda.entries.map((e: Entry) => e.title),
        [
          'Bogorodsk 2002: joint civil emergency exercise',
          'NATO-Russia Council, Defence Ministers, Warsaw',
          'Allied and Russian experts on airspace (demo)',
          'NRC seminar on defence reform',
        ],
      );
      assert.deepEqual((await lastAudit(t, 'event.created')).object_id, res.json().id);
    });

    test('a new event in a series takes the next ordinal; a taken ordinal is refused', async () => {
      const third = await t.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: write,
        payload: {
          kind: 'conference',
          title: 'The Role of the Military in Combating Terrorism (demo third)',
          date: '2003',
          format: 'nrc-20',
          series: { code: 'military-role-combating-terrorism' },
        },
      });
      assert.equal(third.statusCode, 201, third.body);
      assert.equal(third.json().series.phrase, 'the third in a series');
      assert.equal(third.json().date.precision, 'year');
      const before = await auditCount(t);
      const taken = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/events/${third.json().id}`,
        headers: write,
        payload: { series: { code: 'military-role-combating-terrorism', ordinal: 2 } },
      });
      assert.equal(taken.statusCode, 409);
      assert.deepEqual(taken.json().error.details, [
        { path: 'series.ordinal', message: 'is already used in this series' },
      ]);
      assert.equal(await auditCount(t), before);
    });

    test('updates record the changed fields; a cancelled event stays on the calendar as cancelled', async () => {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/events/${IDS.moscow}`,
        headers: write,
        payload: { status: 'cancelled' },
      });
      assert.equal(res.json().status, 'cancelled');
      assert.deepEqual((await lastAudit(t, 'event.updated')).summary, {
        changes: { status: { from: 'planned', to: 'cancelled' } },
      });
      const same = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/events/${IDS.moscow}`,
        headers: write,
        payload: { status: 'cancelled', date: '2002-12-09' },
      });
      assert.equal(same.statusCode, 200);
      assert.equal((await t.app.inject({ url: '/api/v1/events?status=cancelled' })).json().total, 1);
      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/events/${IDS.moscow}`,
        headers: write,
        payload: { status: 'planned' },
      });
    });

    test('bad input is refused naming each field; nothing is written', async () => {
      const before = await auditCount(t);
      const base = { kind: 'seminar', title: 'X', date: '10 October 2002', format: 'nrc-20' };
      const cases: [Record<string, unknown>, number, string[]][] = [
        [{ ...base, date: 'soon' }, 400, ['date']],
        [{ ...base, date: '31 September 2002' }, 400, ['date']],
        [{ ...base, kind: 'party', title: '' }, 400, ['kind', 'title']],
        [{ ...base, format: undefined }, 400, ['format']],
        [{ ...base, status: 'held', date: '2030-01-01' }, 400, ['status']],
        [{ ...base, body: 'nac', format: 'nrc-20' }, 400, ['format']],
        [
          {
            ...base,
            host: 'ATL',
            topics: ['gardening'],
            series: { code: 'nope' },
            projects: ['00000000-0000-4000-8000-000000000000'],
          },
          422,
          ['host', 'series.code', 'topics[0]', 'projects[0]'],
        ],
      ];
      for (const [payload, status, paths] of cases) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/events', headers: write, payload });
        assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
        assert.deepEqual(
          res.json().error.details.map((d: { path: string }) => d.path),
          paths,
          res.body,
        );
      }
      const query = await t.app.inject({ url: '/api/v1/events?month=2002-13' });
      assert.deepEqual(query.json().error.details, [{ path: 'month', message: 'must be a month in the form YYYY-MM' }]);
      assert.equal(await auditCount(t), before);
      assert.equal(
        (await t.app.inject({ method: 'POST', url: '/api/v1/events', headers: json, payload: base })).statusCode,
        401,
      );
    });

    test('an event at 19 is for Allies and staff only: absent from the public list, its count and the month view', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: write,
        payload: { kind: 'visit', title: 'Allied visit (demo)', date: '2002-10-15', body: 'nac' },
      });
      assert.equal(res.statusCode, 201);
      assert.equal((await t.app.inject({ url: `/api/v1/events/${res.json().id}` })).statusCode, 404);
      const publicMonth = (await t.app.inject({ url: '/api/v1/calendar/month?month=2002-10' })).json();
      assert.equal(JSON.stringify(publicMonth).includes('Allied visit'), false);
      const staffMonth = (await t.app.inject({ url: '/api/v1/calendar/month?month=2002-10', headers: auth })).json();
      assert.equal(JSON.stringify(staffMonth).includes('Allied visit'), true);
      assert.equal(
        (await t.app.inject({ method: 'DELETE', url: `/api/v1/events/${res.json().id}`, headers: auth })).statusCode,
        204,
      );
      assert.equal((await lastAudit(t, 'event.deleted')).object_id, res.json().id);
    });
  });
}
