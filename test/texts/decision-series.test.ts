// Decision numbers per format (issue 11, finding 4), on both real databases: each format keeps its own
// series, so the gaps in a delegate's register no longer count and date the decisions of formats the
// delegate is not in.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { demoUuid } from '../../src/demo/load-demo.ts';
import { createTextsApp, DEMO, json, signIn, type Client, type TextsApp } from './support.ts';

const MEETING_AT_20 = demoUuid('meeting:warsaw-2002-09-25-nrc');
const MEETING_AT_19 = demoUuid('meeting:warsaw-2002-09-24-nato');

for (const dialect of DIALECTS) {
  describe(`decision series on ${dialect}`, () => {
    let t: TextsApp;
    let secretariat: Client;
    let chair: Client;
    let headRu: Client;
    let headPl: Client;
    const send = (who: Client, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { ...(payload !== undefined ? json : {}), ...who.headers },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
    const agree = async (body: string, title: string, meeting: string): Promise<string> => {
      const created = await send(secretariat, 'POST', '/texts', { body, kind: 'decision', title, text: title });
      assert.equal(created.statusCode, 201, created.body);
      const agreed = await send(chair, 'POST', `/texts/${created.json().id}/agreement`, { version: 1, meeting });
      assert.equal(agreed.statusCode, 200, agreed.body);
      return agreed.json().decision.reference as string;
    };

    before(async () => {
      t = await createTextsApp(dialect);
      secretariat = await signIn(t.app, DEMO.secretariat);
      chair = await signIn(t.app, DEMO.chair);
      headRu = await signIn(t.app, DEMO.headRu);
      headPl = await signIn(t.app, DEMO.headPl);
    });
    after(async () => t?.close());

    test('decisions at 19 between decisions at 20 leave no gap in the series at 20', async () => {
      const first = await agree('nrc', 'First decision at 20 (demo)', MEETING_AT_20);
      const allied = [
        await agree('nac', 'Allied decision one (demo)', MEETING_AT_19),
        await agree('nac', 'Allied decision two (demo)', MEETING_AT_19),
      ];
      const second = await agree('nrc', 'Second decision at 20 (demo)', MEETING_AT_20);
      const number = (reference: string) => Number(/\)(\d{4})$/.exec(reference)![1]);
      assert.equal(number(second), number(first) + 1, `${first} then ${second}: no gap for the decisions at 19`);
      assert.match(first, /^NRC-20-D\(2026\)\d{4}$/);
      assert.deepEqual(allied, ['NATO-19-D(2026)0001', 'NATO-19-D(2026)0002']);

      // Russia's register of 2026: one series, numbered 1, 2, … without a gap.
      const seen = (await send(headRu, 'GET', '/decisions?limit=500'))
        .json()
        .items.map((d: { reference: string }) => d.reference)
        .filter((r: string) => r.includes('(2026)'))
        .sort();
      assert.deepEqual(
        seen.map(number),
        seen.map((_: string, i: number) => i + 1),
        seen.join(', '),
      );
      assert.ok(seen.every((r: string) => r.startsWith('NRC-20-D(')));
      // An Ally sees both series.
      const pl = (await send(headPl, 'GET', '/decisions?limit=500'))
        .json()
        .items.map((d: { reference: string }) => d.reference);
      for (const reference of [first, second, ...allied]) assert.ok(pl.includes(reference), reference);
    });
  });
}
