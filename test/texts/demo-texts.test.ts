// The demo's texts on both databases: the adopted peacekeeping concept with its reference, and a draft
// at 20 under silence until a few hours after loading, with two versions and a comment; a second load
// changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { demoUuid, loadDemo } from '../../src/demo/load-demo.ts';
import { DEMO_TEXT_KEYS } from '../../src/demo/nrc-2002-texts.ts';
import { DEMO_NOW } from '../support/app.ts';
import { createTextsApp, DEMO, signIn, type Client, type TextsApp } from './support.ts';

for (const dialect of DIALECTS) {
  describe(`demo texts on ${dialect}`, () => {
    let t: TextsApp;
    let headRu: Client;
    before(async () => {
      t = await createTextsApp(dialect);
      headRu = await signIn(t.app, DEMO.headRu);
    });
    after(async () => t?.close());
    const get = (url: string) => t.app.inject({ url: `/api/v1${url}`, headers: headRu.headers });

    test('the generic concept of joint NATO-Russia peacekeeping operations was adopted by silence in 2002, labelled demo text', async () => {
      const text = (await get(`/texts/${demoUuid(DEMO_TEXT_KEYS.peacekeeping)}`)).json();
      assert.equal(text.title, 'Generic concept of joint NATO-Russia peacekeeping operations');
      assert.equal(text.status, 'adopted');
      assert.match(text.current.text, /^\[Demo text\]/);
      assert.equal(text.decision.reference, 'NRC-20-D(2002)0001');
      assert.equal(text.decision.adoptedAt, '2002-09-20T10:00:00.000Z');
      assert.equal(text.decision.how, 'silence');
      const register = (await get('/decisions')).json();
      assert.ok(register.items.some((d: { reference: string }) => d.reference === 'NRC-20-D(2002)0001'));
      // The list names each adopted text's reference, and no reference for a draft.
      const listed = (await get('/texts')).json().items as {
        id: string;
        reference: string | null;
        deadlineTimeZone: string | null;
      }[];
      assert.equal(listed.find((i) => i.id === text.id)?.reference, 'NRC-20-D(2002)0001');
      const draft = listed.find((i) => i.id === demoUuid(DEMO_TEXT_KEYS.draft));
      assert.equal(draft?.reference, null);
      assert.equal(draft?.deadlineTimeZone, 'Europe/Brussels');
    });

    test('a draft statement at 20 is under silence until four hours or so after loading, with two versions and a comment', async () => {
      const text = (await get(`/texts/${demoUuid(DEMO_TEXT_KEYS.draft)}`)).json();
      assert.equal(text.status, 'under_silence');
      assert.equal(text.format.code, 'nrc-20');
      assert.equal(text.versions.length, 2);
      assert.equal(text.procedure.timeZone, 'Europe/Brussels');
      const hours = (Date.parse(text.procedure.deadline) - DEMO_NOW.getTime()) / 3_600_000;
      assert.ok(hours >= 4 && hours <= 5, `deadline ${text.procedure.deadline}`);
      assert.equal(text.positions[0].kind, 'comment');
      const diff = (await get(`/texts/${text.id}/diff?from=1&to=2`)).json();
      assert.ok(diff.inserted > 0);
    });

    test('loading the demo again changes nothing', async () => {
      const before = await t.db.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const report = await loadDemo(t.db.database, new Date('2002-09-26T08:00:00Z'));
      assert.equal(report.created + report.updated, 0);
      const afterCount = await t.db.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(afterCount.n), Number(before.n));
    });
  });
}
