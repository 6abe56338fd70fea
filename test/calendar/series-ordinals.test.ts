// "The fourth in a series" where the reader sees three (issue 11, finding 5), on both databases: an
// event's place in its series is told as the reader sees the series, not counting hidden events.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { auth, createTestApp, type TestApp } from '../support/app.ts';
import { DEMO, json, signIn } from '../meetings/support.ts';

const SERIES = 'military-role-combating-terrorism';

for (const dialect of DIALECTS) {
  describe(`series ordinals as the reader sees them on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t?.close());

    test('an Allies-only third conference is not counted for Russia: the next at 20 is its third', async () => {
      const create = async (title: string, format: string, ordinal: number) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/events',
          headers: { ...json, ...auth },
          payload: { kind: 'conference', title, date: '2003', format, series: { code: SERIES, ordinal } },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json<{ id: string }>().id;
      };
      await create('Allied conference on terrorism (demo)', 'nato-19', 3);
      const fourth = await create('Fourth conference on terrorism (demo)', 'nrc-20', 4);
      const ru = await signIn(t.app, DEMO.headRu);
      const pl = await signIn(t.app, DEMO.headPl);

      const seen = async (headers: Record<string, string>) => {
        const item = (await t.app.inject({ url: `/api/v1/events/${fourth}`, headers })).json();
        const listed = (await t.app.inject({ url: '/api/v1/events?from=2003-01-01', headers }))
          .json()
          .items.find((e: { id: string }) => e.id === fourth);
        const series = (await t.app.inject({ url: `/api/v1/event-series/${SERIES}`, headers })).json();
        return {
          item: [item.series.ordinal, item.series.phrase],
          listed: [listed.series.ordinal, listed.series.phrase],
          series: series.events.map((e: { series: { ordinal: number } }) => e.series.ordinal),
        };
      };
      assert.deepEqual(await seen(ru.headers), {
        item: [3, 'the third in a series'],
        listed: [3, 'the third in a series'],
        series: [1, 2, 3],
      });
      assert.deepEqual(await seen(pl.headers), {
        item: [4, 'the fourth in a series'],
        listed: [4, 'the fourth in a series'],
        series: [1, 2, 3, 4],
      });
      assert.deepEqual((await seen(auth)).item, [4, 'the fourth in a series']);
    });
  });
}
