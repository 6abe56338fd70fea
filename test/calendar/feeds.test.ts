// iCalendar feeds on both real databases, read back with the real parser ical.js: the public feeds,
// per body and per topic, and personal secret feeds that serve what their owner may see, until revoked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { auth, createTestApp, type TestApp } from '../support/app.ts';
import { auditCount, DEMO, IDS, json, lastAudit, parseFeed, signIn } from '../meetings/support.ts';

const encoder = new TextEncoder();

for (const dialect of DIALECTS) {
  describe(`calendar feeds on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t?.close());

    const feed = async (url: string) => {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      return { res, ...parseFeed(res.body) };
    };

    test('/calendar.ics: the public meetings and events, all-day dates with exclusive ends, the meeting in UTC', async () => {
      const { res, name, events } = await feed('/calendar.ics');
      assert.match(String(res.headers['content-type']), /^text\/calendar; charset=utf-8/);
      assert.match(String(res.headers['cache-control']), /public/);
      for (const line of res.body.split('\r\n')) assert.ok(encoder.encode(line).length <= 75, line);
      assert.equal(res.body.replace(/\r\n/g, '').includes('\n'), false, 'every line ends in CRLF');
      assert.equal(name, 'NRC: calendar');
      const bySummary = new Map(events.map((e) => [e.summary, e]));
      assert.deepEqual([...bySummary.keys()].sort(), [
        'Bogorodsk 2002: joint civil emergency exercise',
        'NATO-Russia Council, Defence Ministers, Warsaw',
        'NRC seminar on defence reform',
        'The Role of the Military in Combating Terrorism (Moscow)',
        'The Role of the Military in Combating Terrorism (Rome)',
      ]);
      const exercise = bySummary.get('Bogorodsk 2002: joint civil emergency exercise')!;
      assert.deepEqual(
        [exercise.allDay, exercise.start, exercise.end, exercise.status],
        [true, '2002-09-25', '2002-09-28', 'CONFIRMED'],
      );
      assert.equal(exercise.location, 'EMERCOM training centre, Noginsk, Moscow region, Russia');
      const meeting = bySummary.get('NATO-Russia Council, Defence Ministers, Warsaw')!;
      assert.deepEqual(
        [meeting.allDay, meeting.start, meeting.uid],
        [false, '2002-09-25T06:30:00.000Z', `${IDS.meetingAt20}@concord`],
      );
      const rome = bySummary.get('The Role of the Military in Combating Terrorism (Rome)')!;
      assert.deepEqual([rome.start, rome.end], ['2002-02-01', '2002-03-01'], 'a month is placed on the whole month');
      assert.equal(bySummary.get('The Role of the Military in Combating Terrorism (Moscow)')!.status, 'TENTATIVE');
      assert.equal(
        events.some((e) => e.uid === `${IDS.meetingAt19}@concord`),
        false,
      );
      assert.equal(
        (await t.app.inject({ url: '/calendar.ics' })).body,
        res.body,
        'unchanged data, byte-identical feed',
      );
    });

    test('per body and per topic: public items only; a body the public may not see, or no such topic, is 404', async () => {
      assert.deepEqual(
        (await feed('/calendar/bodies/experts-defence-reform.ics')).events.map((e) => e.summary),
        ['NRC seminar on defence reform'],
      );
      assert.deepEqual(
        (await feed('/calendar/topics/civil-emergencies.ics')).events.map((e) => e.summary),
        ['Bogorodsk 2002: joint civil emergency exercise', 'NATO-Russia Council, Defence Ministers, Warsaw'],
      );
      assert.equal((await t.app.inject({ url: '/calendar/bodies/nac.ics' })).statusCode, 404);
      assert.equal((await t.app.inject({ url: '/calendar/topics/gardening.ics' })).statusCode, 404);
      const offer = (await t.app.inject({ url: '/api/v1/calendar/feeds' })).json();
      assert.match(offer.calendar, /\/calendar\.ics$/);
      assert.equal(
        offer.bodies.some((b: { code: string }) => b.code === 'nac'),
        false,
      );
    });

    test('a personal feed: created once with its secret, listed without it, serving what its owner may see, dead once revoked', async () => {
      const officer = await signIn(t.app, DEMO.secretariat);
      const ru = await signIn(t.app, DEMO.headRu);
      const before = await auditCount(t);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/calendar/feed-tokens',
        headers: { ...json, ...officer.headers },
        payload: { label: 'Phone' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { id, token, url } = created.json();
      assert.equal(url.endsWith(`/calendar/feeds/${token}.ics`), true);
      const stored = await t.db.database.db
        .selectFrom('calendar_feed_tokens')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token, 'only the hash is stored');
      assert.equal(stored.user_id, officer.userId);
      assert.equal(
        JSON.stringify((await lastAudit(t, 'calendar_feed.created')).summary).includes(token),
        false,
        'the audit trail never holds the secret',
      );
      const list = (await t.app.inject({ url: '/api/v1/calendar/feed-tokens', headers: officer.headers })).json();
      assert.deepEqual(
        list.items.map((i: { id: string; label: string }) => [i.id, i.label]),
        [[id, 'Phone']],
      );
      assert.equal(JSON.stringify(list).includes(token), false);

      const mine = await t.app.inject({ url: `/calendar/feeds/${token}.ics` });
      assert.equal(mine.headers['cache-control'], 'private, no-store');
      assert.ok(
        parseFeed(mine.body).events.some((e) => e.uid === `${IDS.meetingAt19}@concord`),
        'the secretariat sees the meeting at 19',
      );

      assert.equal(
        (await t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/feed-tokens/${id}`, headers: ru.headers }))
          .statusCode,
        404,
        "another user's token reads as missing",
      );
      assert.equal(
        (await t.app.inject({ url: '/api/v1/calendar/feed-tokens', headers: ru.headers })).json().items.length,
        0,
      );
      assert.equal(
        (await t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/feed-tokens/${id}`, headers: officer.headers }))
          .statusCode,
        204,
      );
      assert.equal(
        (await t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/feed-tokens/${id}`, headers: officer.headers }))
          .statusCode,
        204,
        'revoking twice is no error',
      );
      assert.equal(await auditCount(t), before + 2, 'one event to create, one to revoke');
      const dead = await t.app.inject({ url: `/calendar/feeds/${token}.ics` });
      assert.equal(dead.statusCode, 404);
      assert.equal(
        (await t.app.inject({ url: '/calendar/feeds/not-a-token.ics' })).json().error.message,
        dead.json().error.message,
        'revoked reads like unknown',
      );
      assert.notEqual(
        (await t.app.inject({ url: '/api/v1/calendar/feed-tokens', headers: officer.headers })).json().items[0]
          .revokedAt,
        null,
      );
    });

    test("a personal feed follows its owner's rights at each request: a disabled account's feed serves nothing", async () => {
      const pl = await signIn(t.app, DEMO.headPl);
      const { token } = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/calendar/feed-tokens',
          headers: { ...json, ...pl.headers },
          payload: {},
        })
      ).json();
      assert.ok(
        parseFeed((await t.app.inject({ url: `/calendar/feeds/${token}.ics` })).body).events.some(
          (e) => e.uid === `${IDS.meetingAt19}@concord`,
        ),
        'Poland is an Ally',
      );
      const disabled = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${pl.userId}`,
        headers: { ...json, ...auth },
        payload: { disabled: true },
      });
      assert.equal(disabled.statusCode, 200, disabled.body);
      assert.equal((await t.app.inject({ url: `/calendar/feeds/${token}.ics` })).statusCode, 404);
    });

    test('the public cannot hold feed tokens; the admin token can', async () => {
      assert.equal(
        (await t.app.inject({ method: 'POST', url: '/api/v1/calendar/feed-tokens', headers: json, payload: {} }))
          .statusCode,
        401,
      );
      assert.equal((await t.app.inject({ url: '/api/v1/calendar/feed-tokens' })).statusCode, 401);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/calendar/feed-tokens',
        headers: { ...json, ...auth },
        payload: { label: 'Script' },
      });
      assert.equal(created.statusCode, 201);
      assert.equal(
        parseFeed((await t.app.inject({ url: new URL(created.json().url).pathname })).body).name,
        'NRC: my calendar',
      );
      const long = await t.app.inject({
        method: 'POST',
        url: '/api/v1/calendar/feed-tokens',
        headers: { ...json, ...auth },
        payload: { label: 'x'.repeat(101) },
      });
      assert.deepEqual(long.json().error.details, [{ path: 'label', message: 'must be at most 100 characters' }]);
    });
  });
}
