// Durable, exactly-once deadlines with real servers: a deadline that passed while no server ran is
// adopted at start-up with the deadline as its time; two `concord serve` processes on one database with
// the same due texts adopt each exactly once (one decision, one audit event); and two database
// connections running the deadline step at the same moment on PostgreSQL do the same.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Actor } from '../../src/kernel/access/can.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { type Database } from '../../src/kernel/db/connect.ts';
import { openConcordDatabase } from '../../src/open-database.ts';
import { runDueDeadlines } from '../../src/texts/deadline-runner.ts';
import { createText, openSilence, type TextServiceDeps } from '../../src/texts/texts.service.ts';
import { DEMO_NOW } from '../support/app.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { startConcord, type ServerProcess } from '../support/process.ts';

const OPENED = new Date('2002-09-20T10:00:00Z');
const DEADLINE_UTC = '2002-09-27T10:00:00.000Z'; // 12:00 in Brussels (CEST)

async function chairActor(database: Database): Promise<Actor> {
  const user = await database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'chair@demo.concord')
    .executeTakeFirstOrThrow();
  return { kind: 'user', id: user.id, roles: ['chair'], member: null, headOfDelegation: false, clearance: 'SECRET' };
}

/** `n` statements at 20 put under silence on 20 September 2002 until 27 September 2002, 12:00 Brussels. */
async function dueTexts(database: Database, n: number): Promise<string[]> {
  const deps: TextServiceDeps = { database, now: () => OPENED };
  const chair = { actor: await chairActor(database), requestId: null };
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const { text } = await createText(
      deps,
      { actor: { kind: 'admin-token' }, requestId: null },
      {
        body: 'nrc',
        kind: 'statement',
        title: `Due statement ${i + 1} (test)`,
        language: 'en',
        text: `Wording ${i + 1}.`,
      },
    );
    await openSilence(deps, chair, text.id, { version: 1, deadline: '2002-09-27T12:00', timeZone: 'Europe/Brussels' });
    ids.push(text.id);
  }
  return ids;
}

async function decisionsOf(database: Database, ids: string[]) {
  return database.db.selectFrom('decisions').selectAll().where('text_id', 'in', ids).execute();
}

async function auditCountFor(database: Database, action: string, ids: string[]): Promise<number> {
  const row = await database.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('action', '=', action)
    .where('object_id', 'in', ids)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Generous: under a loaded machine a start takes seconds, and a SQLite writer may wait its busy timeout.
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

for (const dialect of DIALECTS) {
  describe(`exactly-once deadlines on ${dialect}`, () => {
    const cleanups: (() => Promise<unknown>)[] = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    });
    const prepare = async (n: number): Promise<{ db: TestDatabase; ids: string[] }> => {
      const db = await createTestDatabase(dialect);
      cleanups.push(() => db.dropAll());
      await loadDemo(db.database, DEMO_NOW);
      return { db, ids: await dueTexts(db.database, n) };
    };
    const serve = async (db: TestDatabase): Promise<ServerProcess> => {
      const server = await startConcord({ ...db.env, DEADLINE_CHECK_SECONDS: '1' }, ['--no-demo']);
      cleanups.push(() => server.stop('SIGKILL'));
      return server;
    };

    test('the servers were down at the deadline: the first start adopts, recording the deadline as the time of adoption', async () => {
      const { db, ids } = await prepare(1);
      assert.equal((await decisionsOf(db.database, ids)).length, 0, 'nothing happens without a server');
      const server = await serve(db);
      await waitFor('the adoption', async () => (await decisionsOf(db.database, ids)).length === 1);
      const [decision] = await decisionsOf(db.database, ids);
      assert.equal(decision!.adopted_at, DEADLINE_UTC);
      assert.equal(decision!.how, 'silence');
      assert.match(decision!.reference, /^NRC-20-D\(2002\)\d{4}$/);
      assert.ok(decision!.recorded_at > DEADLINE_UTC, 'recorded when noticed, years later');
      const text = await db.database.db
        .selectFrom('texts')
        .select(['status', 'deadline_at'])
        .where('id', '=', ids[0]!)
        .executeTakeFirstOrThrow();
      assert.deepEqual(text, { status: 'adopted', deadline_at: null });
      const audit = await db.database.db
        .selectFrom('audit_events')
        .select(['actor', 'action'])
        .where('object_id', '=', ids[0]!)
        .where('action', '=', 'text.adopted')
        .execute();
      assert.deepEqual(audit, [{ actor: 'system:deadlines', action: 'text.adopted' }]);
      assert.equal(await server.stop('SIGTERM'), 0);
    });

    test('two app servers on one database with the same due texts: each text adopted once, one decision, one audit event', async () => {
      const { db, ids } = await prepare(12);
      const servers = await Promise.all([serve(db), serve(db)]);
      await waitFor('every adoption', async () => (await decisionsOf(db.database, ids)).length === ids.length).catch(
        async (error: Error) => {
          throw new Error(
            `${error.message}: ${(await decisionsOf(db.database, ids)).length} of ${ids.length}\n${servers.map((s) => s.output()).join('\n----\n')}`,
          );
        },
      );
      // Let both servers run at least once more over the same texts (they check every second).
      await sleep(2500);
      const decisions = await decisionsOf(db.database, ids);
      assert.equal(decisions.length, ids.length);
      assert.deepEqual(new Set(decisions.map((d) => d.text_id)), new Set(ids));
      assert.equal(new Set(decisions.map((d) => d.reference)).size, ids.length, 'distinct references');
      assert.ok(decisions.every((d) => d.adopted_at === DEADLINE_UTC));
      assert.equal(await auditCountFor(db.database, 'text.adopted', ids), ids.length);
      const references = decisions.map((d) => d.reference);
      assert.equal(await auditCountFor(db.database, 'decision.recorded', references), ids.length);
      const events = await db.database.db
        .selectFrom('text_procedure_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('type', '=', 'adopted')
        .where('text_id', 'in', ids)
        .executeTakeFirstOrThrow();
      assert.equal(Number(events.n), ids.length);
      assert.equal((await verifyAuditChain(db.database)).ok, true);
      for (const server of servers) assert.match(server.output(), /Concord is serving/);
      for (const server of servers) assert.equal(await server.stop('SIGTERM'), 0);
    });
  });
}

describe('exactly-once deadlines on postgres, two connections at the same moment', () => {
  let db: TestDatabase | null = null;
  let second: Database | null = null;
  after(async () => {
    await second?.close();
    await db?.dropAll();
  });

  test('runDueDeadlines from two connections at once: every text adopted by exactly one of them', async () => {
    db = await createTestDatabase('postgres');
    await loadDemo(db.database, DEMO_NOW);
    const ids = await dueTexts(db.database, 20);
    second = await openConcordDatabase(db.config);
    const now = new Date('2002-09-27T10:00:00Z'); // exactly at the deadline: due
    const [a, b] = await Promise.all([
      runDueDeadlines({ database: db.database, now: () => now }, now),
      runDueDeadlines({ database: second, now: () => now }, now),
    ]);
    assert.deepEqual([...a.failed, ...b.failed], []);
    const adopted = [...a.adopted, ...b.adopted].filter((x) => ids.includes(x.textId));
    assert.equal(adopted.length, ids.length, `first adopted ${a.adopted.length}, second ${b.adopted.length}`);
    assert.equal(new Set(adopted.map((x) => x.textId)).size, ids.length, 'no text adopted twice');
    assert.equal((await decisionsOf(db.database, ids)).length, ids.length);
    assert.equal(await auditCountFor(db.database, 'text.adopted', ids), ids.length);
    assert.equal((await verifyAuditChain(db.database)).ok, true);
  });
});
