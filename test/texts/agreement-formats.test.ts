// Agreement at a meeting across formats (issue 11, findings 2 and 3), on both real databases. A text may
// be recorded as agreed only at a meeting whose format admits no member the text's does not (its reference
// and title join that meeting's outcome); and a decision names its meeting only to readers who may read it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { demoUuid } from '../../src/demo/load-demo.ts';
import { createTextsApp, DEMO, json, signIn, type Client, type TextsApp } from './support.ts';

const MEETING_AT_20 = demoUuid('meeting:warsaw-2002-09-25-nrc');
const MEETING_AT_19 = demoUuid('meeting:warsaw-2002-09-24-nato');

for (const dialect of DIALECTS) {
  describe(`agreement at a meeting across formats on ${dialect}`, () => {
    let t: TextsApp;
    let secretariat: Client;
    let chair: Client;
    let headRu: Client;
    let headPl: Client;
    const send = (who: Client | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { ...(payload !== undefined ? json : {}), ...(who?.headers ?? {}) },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
    const create = async (payload: Record<string, unknown>) => {
      const res = await send(secretariat, 'POST', '/texts', {
        body: 'nrc',
        kind: 'concept',
        text: 'The wording (demo).',
        ...payload,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ id: string }>();
    };

    before(async () => {
      t = await createTextsApp(dialect);
      secretariat = await signIn(t.app, DEMO.secretariat);
      chair = await signIn(t.app, DEMO.chair);
      headRu = await signIn(t.app, DEMO.headRu);
      headPl = await signIn(t.app, DEMO.headPl);
    });
    after(async () => t?.close());

    test('a text at 19 cannot be agreed at a meeting at 20: refused, naming Russia; the outcome is unchanged', async () => {
      const at19 = await create({ body: 'nac', title: 'Allied concept agreed at 20 (demo)' });
      const before = (await send(chair, 'GET', `/meetings/${MEETING_AT_20}`)).json().outcome.decisions;
      const res = await send(chair, 'POST', `/texts/${at19.id}/agreement`, { version: 1, meeting: MEETING_AT_20 });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, 'MEETING_WIDER_THAN_TEXT');
      assert.match(res.json().error.message, /RUS/);
      assert.deepEqual(
        res.json().error.details.map((d: { path: string }) => d.path),
        ['meeting'],
      );
      const meeting = (await send(headRu, 'GET', `/meetings/${MEETING_AT_20}`)).json();
      assert.deepEqual(meeting.outcome.decisions, before);
      assert.ok(!JSON.stringify(meeting).includes('Allied concept agreed at 20'));
      assert.equal((await send(chair, 'GET', `/texts/${at19.id}`)).json().status, 'drafting');
      // At a meeting in its own format, the same text is agreed.
      const ok = await send(chair, 'POST', `/texts/${at19.id}/agreement`, { version: 1, meeting: MEETING_AT_19 });
      assert.equal(ok.statusCode, 200, ok.body);
    });

    test('a text at 20 agreed at a meeting at 19: Russia reads the decision without the meeting', async () => {
      const at20 = await create({ title: 'Concept agreed among Allies (demo)' });
      const agreed = await send(chair, 'POST', `/texts/${at20.id}/agreement`, { version: 1, meeting: MEETING_AT_19 });
      assert.equal(agreed.statusCode, 200, agreed.body);
      const reference = agreed.json().decision.reference as string;
      assert.equal(agreed.json().decision.meetingId, MEETING_AT_19, 'the chair sees the meeting');
      assert.equal((await send(headRu, 'GET', `/meetings/${MEETING_AT_19}`)).statusCode, 404);

      const readers: [Client, string | null][] = [
        [headRu, null],
        [headPl, MEETING_AT_19],
        [secretariat, MEETING_AT_19],
      ];
      for (const [who, expected] of readers) {
        const text = await send(who, 'GET', `/texts/${at20.id}`);
        assert.equal(text.statusCode, 200);
        assert.equal(text.json().decision.meetingId, expected);
        const adopted = text.json().events.find((e: { type: string }) => e.type === 'adopted');
        assert.equal(adopted.details.meetingId ?? null, expected);
        const one = await send(who, 'GET', `/decisions/${encodeURIComponent(reference)}`);
        assert.equal(one.statusCode, 200);
        assert.equal(one.json().meetingId, expected);
        const register = (await send(who, 'GET', '/decisions?limit=500')).json();
        assert.equal(register.items.find((d: { reference: string }) => d.reference === reference).meetingId, expected);
        if (expected === null) {
          assert.ok(!text.body.includes(MEETING_AT_19), 'the text names no hidden meeting');
          assert.ok(!one.body.includes(MEETING_AT_19), 'the decision names no hidden meeting');
        }
      }
    });
  });
}
