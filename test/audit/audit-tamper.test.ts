// The audit trail on real databases: a direct alteration or deletion in the database is detected,
// by the repository and by the `concord audit verify` command.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { runConcord } from '../support/process.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';

async function dropAppendOnlyGuards(t: TestDatabase): Promise<void> {
  if (t.database.dialect === 'sqlite') {
    await sql`drop trigger audit_events_no_update`.execute(t.database.db);
    await sql`drop trigger audit_events_no_delete`.execute(t.database.db);
  } else {
    await sql`drop trigger audit_events_no_change on audit_events`.execute(t.database.db);
  }
}

for (const dialect of DIALECTS) {
  describe(`audit trail on ${dialect}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
      await loadDemo(t.database, new Date('2002-09-25T08:00:00Z'));
    });
    after(async () => t?.dropAll());

    test('the demo load leaves an intact chain, and `concord audit verify` says so', async () => {
      const verdict = await verifyAuditChain(t.database);
      assert.equal(verdict.ok, true);
      assert.ok(verdict.rows >= 40, `expected the demo to be audited, got ${verdict.rows} events`);
      const cli = await runConcord(['audit', 'verify'], t.env);
      assert.equal(cli.code, 0, cli.stderr);
      assert.match(cli.stdout, new RegExp(`Audit trail intact: ${verdict.rows} events`));
    });

    test('the database itself refuses updates and deletes of audit rows', async () => {
      await assert.rejects(
        sql`update audit_events set actor = 'x' where seq = 1`.execute(t.database.db),
        /append-only/,
      );
      await assert.rejects(sql`delete from audit_events where seq = 1`.execute(t.database.db), /append-only/);
    });

    test('a row altered directly in the database is named by verify, and the CLI exits 1', async () => {
      await dropAppendOnlyGuards(t);
      await sql`update audit_events set summary = ${'{"created":{"name":"Atlantis"}}'} where seq = 7`.execute(
        t.database.db,
      );
      const verdict = await verifyAuditChain(t.database);
      assert.equal(verdict.ok, false);
      assert.deepEqual(!verdict.ok && [verdict.problem.kind, verdict.problem.seq], ['altered', 7]);
      const cli = await runConcord(['audit', 'verify'], t.env);
      assert.equal(cli.code, 1);
      assert.match(cli.stderr, /Audit trail BROKEN at row 7: Audit row 7 was altered/);
    });

    test('a row deleted directly in the database is reported missing', async () => {
      await sql`delete from audit_events where seq = 3`.execute(t.database.db);
      const verdict = await verifyAuditChain(t.database);
      assert.deepEqual(!verdict.ok && [verdict.problem.kind, verdict.problem.seq], ['missing', 3]);
    });
  });
}
