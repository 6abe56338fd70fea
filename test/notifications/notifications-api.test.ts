// The outbox and the in-app API on both databases: a notice about a NATO (at 19) text reaches the
// accounts that may read it and never Russia's head of delegation; a rolled-back change notifies
// nobody; reading is personal and CSRF-protected; "deadline within 24 hours" is queued once per
// procedure and deadline however often the scan runs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { createAccountsApp, DEMO, admin, signIn, auditEvents, type AccountsApp } from '../accounts/helpers.ts';
import { auditedWrite } from '../../src/kernel/audit/audited-write.ts';
import {
  enqueueNotifications,
  scanDeadlinesSoon,
  type DeadlineCandidate,
} from '../../src/notifications/notifications.service.ts';
import { formatMembers, queue, rowsOf, textOf, userIds } from './support.ts';

for (const dialect of DIALECTS) {
  describe(`notifications outbox and API on ${dialect}`, () => {
    let t: AccountsApp;
    let nato19: string[];
    let nrc20: string[];
    let ids: Awaited<ReturnType<typeof userIds>>;
    before(async () => {
      t = await createAccountsApp(dialect);
      nato19 = await formatMembers(t.db.database, 'nato-19');
      nrc20 = await formatMembers(t.db.database, 'nrc-20');
      ids = await userIds(t.db.database);
    });
    after(async () => t?.close());

    test('a notice about a NATO (at 19) text is queued for staff and Poland, not for Russia; one about an NRC (at 20) text for all five', async () => {
      const allies = await queue(t.db.database, {
        kind: 'silence_broken',
        resource: textOf(nato19),
        subject: 'Silence broken',
        body: 'Poland broke silence.',
        link: '/texts/a',
        itemId: 'a',
      });
      assert.deepEqual(allies, { recipients: 4, inserted: 4 });
      const rows = await rowsOf(t.db.database);
      assert.deepEqual(rows.map((r) => r.user_id).sort(), [ids.secretariat, ids.chair, ids.headPl, ids.auditor].sort());
      assert.ok(
        rows.every((r) => r.email_status === 'pending' && r.attempts === 0 && r.next_attempt_at === r.created_at),
      );
      const all = await queue(t.db.database, {
        kind: 'procedure_opened',
        resource: textOf(nrc20),
        subject: 'Silence procedure opened',
        body: 'Until Friday.',
        link: '/texts/b',
        itemId: 'b',
      });
      assert.deepEqual(all, { recipients: 5, inserted: 5 });
    });

    test('a change that rolls back notifies nobody', async () => {
      const before = (await rowsOf(t.db.database)).length;
      await assert.rejects(
        auditedWrite(t.db.database, { actor: 'system:test', requestId: null, now: t.clock.now() }, async (tx) => {
          await enqueueNotifications(tx, {
            kind: 'adopted',
            resource: textOf(nrc20),
            subject: 'Adopted',
            body: 'x',
            link: '/texts/c',
            at: t.clock.now(),
          });
          throw new Error('the change failed after queuing');
        }),
        /the change failed/,
      );
      assert.equal((await rowsOf(t.db.database)).length, before);
    });

    test('GET /api/v1/notifications: my own, newest first, with the unread count; Russia does not see the NATO (at 19) notice', async () => {
      const pl = await signIn(t.app, DEMO.headPl);
      const res = await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: pl.cookie } });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.unread, 2);
      assert.deepEqual(
        body.items.map((n: { link: string }) => n.link),
        ['/texts/b', '/texts/a'],
      );
      assert.deepEqual(Object.keys(body.items[0]).sort(), [
        'body',
        'createdAt',
        'email',
        'id',
        'itemId',
        'kind',
        'link',
        'readAt',
        'subject',
      ]);
      const ru = await signIn(t.app, DEMO.headRu);
      const ruList = (await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: ru.cookie } })).json();
      assert.deepEqual(
        ruList.items.map((n: { link: string }) => n.link),
        ['/texts/b'],
      );
      assert.equal(ruList.unread, 1);
    });

    test('without a session: 401; with the bearer token: 403 (notifications are personal)', async () => {
      assert.equal((await t.app.inject({ url: '/api/v1/notifications' })).statusCode, 401);
      const bearer = await t.app.inject({ url: '/api/v1/notifications', headers: admin });
      assert.equal(bearer.statusCode, 403);
      assert.equal(bearer.json().error.code, 'FORBIDDEN');
    });

    test("POST /api/v1/notifications/:id/read needs the CSRF token, marks read once (audited), and someone else's reads as missing", async () => {
      const pl = await signIn(t.app, DEMO.headPl);
      const ru = await signIn(t.app, DEMO.headRu);
      const mine = (await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: pl.cookie } })).json()
        .items[1];
      const url = `/api/v1/notifications/${mine.id}/read`;
      const noToken = await t.app.inject({ method: 'POST', url, headers: { cookie: pl.cookie } });
      assert.equal(noToken.statusCode, 403);
      assert.equal(noToken.json().error.code, 'CSRF_FAILED');
      const other = await t.app.inject({ method: 'POST', url, headers: ru.headers });
      const missing = await t.app.inject({
        method: 'POST',
        url: '/api/v1/notifications/0193a5b0-0000-7000-8000-000000000000/read',
        headers: ru.headers,
      });
      assert.equal(other.statusCode, 404);
      assert.equal(
        other.json().error.message.replace(mine.id, 'X'),
        missing.json().error.message.replace('0193a5b0-0000-7000-8000-000000000000', 'X'),
      );
      const read = await t.app.inject({ method: 'POST', url, headers: pl.headers });
      assert.equal(read.statusCode, 200);
      assert.equal(read.json().readAt, t.clock.now().toISOString());
      const again = await t.app.inject({ method: 'POST', url, headers: pl.headers });
      assert.equal(again.json().readAt, read.json().readAt);
      assert.equal((await auditEvents(t, 'notification.read')).length, 1, 'reading twice is one change');
      const list = (
        await t.app.inject({ url: '/api/v1/notifications?unread=true', headers: { cookie: pl.cookie } })
      ).json();
      assert.equal(list.unread, 1);
      assert.deepEqual(
        list.items.map((n: { link: string }) => n.link),
        ['/texts/b'],
      );
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/notifications/not-a-uuid/read',
        headers: pl.headers,
      });
      assert.equal(bad.statusCode, 400);
    });

    test('deadline within 24 hours: queued once per procedure and deadline, however often and concurrently the scan runs; an extension is a new occasion', async () => {
      const now = new Date('2026-01-02T10:00:00Z');
      const candidate = (procedureId: string, deadline: string, members = nato19): DeadlineCandidate => ({
        procedureId,
        deadline,
        resource: textOf(members),
        subject: `Silence ends ${deadline}`,
        body: 'Break silence before the deadline if your delegation cannot agree.',
        link: `/texts/${procedureId}`,
      });
      const soon = candidate('proc-soon', '2026-01-02T16:00:00Z');
      const later = candidate('proc-later', '2026-01-03T16:00:00Z');
      const passed = candidate('proc-passed', '2026-01-02T09:00:00Z');
      const written = await Promise.all([
        scanDeadlinesSoon(t.db.database, now, [soon, later, passed]),
        scanDeadlinesSoon(t.db.database, now, [soon, later, passed]),
      ]);
      assert.equal(written[0] + written[1], 4, 'one row per entitled account, whichever scan wrote it');
      assert.equal(
        await scanDeadlinesSoon(t.db.database, new Date('2026-01-02T11:00:00Z'), async () => [soon]),
        0,
        'the next scan adds nothing',
      );
      const rows = (await rowsOf(t.db.database)).filter((r) => r.kind === 'deadline_soon');
      assert.deepEqual(
        rows.map((r) => r.link),
        Array(4).fill('/texts/proc-soon'),
      );
      assert.equal(
        rows.some((r) => r.user_id === ids.headRu),
        false,
      );
      assert.equal((await auditEvents(t, 'notification.deadline_soon_queued')).length, 1);
      // The chair extends the deadline: the new deadline is a new occasion.
      const extended = { ...soon, deadline: '2026-01-03T08:00:00Z' };
      assert.equal(await scanDeadlinesSoon(t.db.database, new Date('2026-01-02T12:00:00Z'), [extended]), 4);
      assert.equal(await scanDeadlinesSoon(t.db.database, new Date('2026-01-02T12:05:00Z'), [extended]), 0);
    });
  });
}
