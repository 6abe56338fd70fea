// Notification e-mail against a real SMTP server started here, on both databases: what a mail says,
// a mail server that is down delays mail and loses none, a refused address is not retried, and two
// dispatchers (two app servers) never send the same notification twice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { DEMO_NOW } from '../support/app.ts';
import { openConcordDatabase } from '../../src/open-database.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { MailDispatcher } from '../../src/notifications/dispatcher.ts';
import { smtpMailer } from '../../src/notifications/mailer.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { DEMO_EMAILS, formatMembers, queue, rowsOf, textOf } from './support.ts';

const logger = createLogger({ logLevel: 'silent' });
const FROM = 'Concord <concord@council.example>';
const PUBLIC_URL = 'https://concord.example.org';

for (const dialect of DIALECTS) {
  describe(`notification e-mail on ${dialect}`, () => {
    let db: TestDatabase;
    let smtp: TestSmtp;
    let nato19: string[];
    let current = new Date('2026-01-01T09:00:00Z').getTime();
    const now = () => new Date(current);
    const dispatcher = (database = db.database, batchSize = 20) =>
      new MailDispatcher({
        database,
        mailer: smtpMailer(smtp.url, FROM),
        logger,
        now,
        publicUrl: PUBLIC_URL,
        batchSize,
      });

    before(async () => {
      db = await createTestDatabase(dialect);
      await loadDemo(db.database, DEMO_NOW);
      smtp = await startTestSmtp();
      nato19 = await formatMembers(db.database, 'nato-19');
    });
    after(async () => {
      await smtp?.stop();
      await db?.dropAll();
    });

    test('a notice about a NATO (at 19) text is mailed to the entitled accounts only, with subject, body and an absolute link', async () => {
      await queue(
        db.database,
        {
          kind: 'silence_broken',
          resource: textOf(nato19),
          subject: 'Silence broken on the TMD statement',
          body: 'Poland broke silence on version 3.',
          link: '/texts/t-1',
        },
        now(),
      );
      const d = dispatcher();
      const report = await d.runOnce();
      await d.stop();
      assert.equal(report.sent, 4);
      const to = smtp.received.flatMap((m) => m.to).sort();
      assert.deepEqual(
        to,
        [DEMO_EMAILS.auditor, DEMO_EMAILS.chair, DEMO_EMAILS.headPl, DEMO_EMAILS.secretariat].sort(),
      );
      assert.equal((to as string[]).includes(DEMO_EMAILS.headRu), false, 'Russia is outside NATO (at 19)');
      const mail = smtp.received[0]!;
      assert.equal(mail.subject, '[Concord] Silence broken on the TMD statement');
      assert.equal(mail.from, 'concord@council.example');
      assert.match(mail.text, /Poland broke silence on version 3\./);
      assert.match(mail.text, /https:\/\/concord\.example\.org\/texts\/t-1/);
      const rows = await rowsOf(db.database);
      assert.deepEqual([...new Set(rows.map((r) => r.email_status))], ['sent']);
      assert.ok(rows.every((r) => r.attempts === 1 && r.sent_at !== null && r.claimed_by === null));
    });

    test('while the mail server is down rows stay pending with attempts, next attempt and error; when it is back they are delivered, once', async () => {
      smtp.received.length = 0;
      await queue(
        db.database,
        {
          kind: 'adopted',
          resource: textOf(nato19),
          subject: 'Adopted: the TMD statement',
          body: 'Adopted by silence.',
          link: '/texts/t-2',
        },
        now(),
      );
      await smtp.stop();
      const d = dispatcher();
      const down = await d.runOnce();
      assert.equal(down.sent, 0);
      assert.equal(down.retried, 4, 'the whole batch waits when the server is unreachable');
      let pending = (await rowsOf(db.database)).filter((r) => r.link === '/texts/t-2');
      assert.equal(pending.length, 4);
      for (const row of pending) {
        assert.equal(row.email_status, 'pending');
        assert.equal(row.attempts, 1);
        assert.equal(row.next_attempt_at, new Date(current + 30_000).toISOString(), 'first retry after 30 s');
        assert.ok(row.last_error && row.last_error.length > 0);
        assert.equal(row.claimed_by, null);
      }
      // Still down a minute later: the second attempt waits twice as long.
      current += 31_000;
      await d.runOnce();
      pending = (await rowsOf(db.database)).filter((r) => r.link === '/texts/t-2');
      assert.ok(
        pending.every((r) => r.attempts === 2 && r.next_attempt_at === new Date(current + 60_000).toISOString()),
      );
      // Before the next attempt is due nothing is tried, even with the server back.
      await smtp.start();
      assert.equal((await d.runOnce()).claimed, 0);
      current += 61_000;
      const back = await d.runOnce();
      await d.stop();
      assert.equal(back.sent, 4);
      assert.equal(smtp.received.length, 4);
      const rows = (await rowsOf(db.database)).filter((r) => r.link === '/texts/t-2');
      assert.ok(rows.every((r) => r.email_status === 'sent' && r.attempts === 3 && r.last_error === null));
    });

    test('an address the server refuses for good (550) is failed_permanently and not retried; the others are sent', async () => {
      smtp.received.length = 0;
      smtp.refuse.add(DEMO_EMAILS.headPl);
      try {
        await queue(
          db.database,
          {
            kind: 'failed',
            resource: textOf(nato19),
            subject: 'Procedure failed',
            body: 'Silence was broken.',
            link: '/texts/t-3',
          },
          now(),
        );
        const d = dispatcher();
        const report = await d.runOnce();
        await d.stop();
        assert.equal(report.sent, 3);
        assert.equal(report.failedPermanently, 1);
        const refused = (await rowsOf(db.database)).filter(
          (r) => r.link === '/texts/t-3' && r.email_status === 'failed_permanently',
        );
        assert.equal(refused.length, 1);
        assert.match(refused[0]!.last_error ?? '', /550|mailbox unavailable/);
      } finally {
        smtp.refuse.clear();
      }
    });

    test('two dispatchers on two connections (two app servers) send every mail exactly once', async () => {
      smtp.received.length = 0;
      for (let i = 0; i < 8; i++) {
        await queue(
          db.database,
          {
            kind: 'procedure_opened',
            resource: textOf(nato19),
            subject: `Silence procedure ${i} opened`,
            body: `Procedure ${i}.`,
            link: `/texts/p-${i}`,
          },
          now(),
        );
      }
      const second = await openConcordDatabase(db.config);
      try {
        const [d1, d2] = [dispatcher(db.database, 3), dispatcher(second, 3)];
        const drain = async (d: MailDispatcher) => {
          let sent = 0;
          for (let round = 0; round < 50; round++) {
            const r = await d.runOnce();
            sent += r.sent;
            if (r.claimed === 0) break;
          }
          return sent;
        };
        const [s1, s2] = await Promise.all([drain(d1), drain(d2)]);
        await Promise.all([d1.stop(), d2.stop()]);
        assert.equal(s1 + s2, 32);
        const keys = smtp.received.map((m) => `${m.to.join(',')}|${m.subject}`);
        assert.equal(keys.length, 32);
        assert.equal(new Set(keys).size, 32, 'no duplicates');
        const rows = (await rowsOf(db.database)).filter((r) => r.link.startsWith('/texts/p-'));
        assert.ok(rows.every((r) => r.email_status === 'sent' && r.attempts === 1));
      } finally {
        await second.close();
      }
    });
  });
}
