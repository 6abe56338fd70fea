// The standard wiring of text changes, end to end through HTTP: a head of delegation breaks silence on
// the demo draft, and without any test hook the change reaches the notification outbox (inside its
// transaction) and the live bus (after commit), for the people entitled to it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { DEMO_NOW } from '../support/app.ts';
import { demoUuid } from '../../src/demo/load-demo.ts';
import { DEMO_TEXT_KEYS } from '../../src/demo/nrc-2002-texts.ts';
import type { LiveEvent } from '../../src/live/live-event.ts';
import { startDeadlineReminders } from '../../src/notifications/deadline-reminders.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { createAccountsApp, DEMO, json, signIn } from '../accounts/helpers.ts';

for (const dialect of DIALECTS) {
  describe(`text changes reach notifications and live updates (${dialect})`, () => {
    test('breaking silence notifies the format’s people in the app and publishes a live event', async (t) => {
      const a = await createAccountsApp(dialect);
      t.after(() => a.close());
      a.clock.set(new Date(DEMO_NOW.getTime() + 3_600_000).toISOString()); // before the draft's deadline
      const heard: LiveEvent[] = [];
      const unsubscribe = a.app.deps.live.subscribe({ onEvent: (e) => heard.push(e) });
      t.after(unsubscribe);

      const draft = demoUuid(DEMO_TEXT_KEYS.draft);
      const headRu = await signIn(a.app, DEMO.headRu);
      const broken = await a.app.inject({
        method: 'POST',
        url: `/api/v1/texts/${draft}/silence/break`,
        headers: { ...json, ...headRu.headers },
        payload: { statement: 'Russia cannot join consensus on this wording.' },
      });
      assert.equal(broken.statusCode, 200, broken.body);

      for (const email of [DEMO.chair, DEMO.headPl, DEMO.secretariat]) {
        const who = await signIn(a.app, email);
        const mine = (await a.app.inject({ url: '/api/v1/notifications', headers: { cookie: who.cookie } })).json();
        const subjects = (mine.items as { subject: string; link: string }[]).map((n) => n.subject);
        assert.ok(
          subjects.some((s) => /^Silence broken: /.test(s)),
          `${email}: ${subjects.join(' | ')}`,
        );
        assert.ok(
          (mine.items as { link: string }[]).every((n) => n.link.startsWith('/app/texts/')),
          email,
        );
      }

      await new Promise((resolve) => setTimeout(resolve, 50)); // the in-process bus delivers on the next turn
      const types = heard.filter((e) => e.itemId === draft).map((e) => e.type);
      assert.ok(types.includes('text.silence_broken'), types.join(', '));
      const event = heard.find((e) => e.type === 'text.silence_broken')!;
      assert.ok(
        'formatMembers' in event.resource && event.resource.formatMembers.includes('RUS'),
        'the event carries the format it is filtered by',
      );
    });

    test('every server’s reminder scan queues "deadline within 24 hours" once per recipient', async (t) => {
      const a = await createAccountsApp(dialect);
      t.after(() => a.close());
      const now = () => new Date(DEMO_NOW.getTime() + 3_600_000);
      const count = async () =>
        (await a.db.database.db.selectFrom('notifications').select('id').where('kind', '=', 'deadline_soon').execute())
          .length;
      const logger = createLogger({ ...a.config, logLevel: 'silent' });
      for (let run = 0; run < 2; run += 1) {
        const reminders = startDeadlineReminders(a.db.database, logger, { now, everyMs: 60_000 });
        await reminders.stop(); // waits for the scan started at once
      }
      const queued = await count();
      assert.ok(queued > 0, 'the demo draft under silence gets its reminders');
      const rows = await a.db.database.db
        .selectFrom('notifications')
        .select(['user_id', 'dedupe_key'])
        .where('kind', '=', 'deadline_soon')
        .execute();
      assert.equal(
        new Set(rows.map((r) => `${r.user_id} ${r.dedupe_key}`)).size,
        rows.length,
        'no recipient twice for one deadline',
      );
    });
  });
}
